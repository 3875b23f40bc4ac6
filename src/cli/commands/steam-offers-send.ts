/**
 * @module cli/commands/steam-offers-send
 * `gamestash steam offers send --to <who|trade URL> ...`: one library send (never twice: the
 * library reconciles a lost answer, and `--idempotency-key` makes the same key return the
 * same offer across runs), then one line saying what it did, or the result as JSON.
 */
import { writeJson, writeLine } from '../output/write.js';
import { withTrade, type OfferCommandOptions } from './steam-offers-common.js';
import { sentLine } from './steam-offers-format.js';

export interface SteamOffersSendOptions extends OfferCommandOptions {
  to: string;
  token?: string;
  give?: string[];
  receive?: string[];
  message?: string;
  counter?: string;
  idempotencyKey?: string;
  confirm?: boolean;
}

export async function steamOffersSend(options: SteamOffersSendOptions): Promise<void> {
  const give = options.give ?? [];
  const receive = options.receive ?? [];
  await withTrade(options, true, async (trade) => {
    const result = await trade.send({
      partner: options.to,
      token: options.token,
      give,
      receive,
      message: options.message,
      counter: options.counter,
      idempotencyKey: options.idempotencyKey,
      confirm: options.confirm,
    });
    if (options.json) writeJson(result);
    else writeLine(sentLine(result, give.length, receive.length, options.idempotencyKey));
    // The offer exists: a confirmation that failed is said, with the way to finish it, and
    // the exit code says something is left to do (never a reason to send again).
    if (result.confirmation?.status === 'failed') {
      process.stderr.write(`gamestash: the offer was sent but not confirmed: ${result.confirmation.error}\n`);
      process.exitCode = 1;
    }
  });
}
