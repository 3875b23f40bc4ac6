/**
 * @module steam/trade/send-offer
 * The public send: input checked before any request (send-input.ts), trade protection
 * acknowledged once (protection.ts), then send.ts — under an idempotency key when one is
 * given (idempotency.ts), so the same key returns the same offer across calls and processes.
 */
import { TradeOutcomeUnknownError } from '../../core/errors.js';
import type { TradeContext } from './context.js';
import { derivedIdempotencyKey, describeRequest, sendFingerprint } from './fingerprint.js';
import { sendUnderKey } from './idempotency.js';
import type { SendResult } from './model.js';
import { ensureAcknowledged } from './protection.js';
import { reconcileSend } from './reconcile.js';
import { planSend, type SendInput } from './send-input.js';
import { sendWithReconciliation } from './send.js';

export async function sendOffer(
  ctx: TradeContext,
  input: SendInput,
  options: { signal?: AbortSignal | undefined } = {},
  /** Completes the new offer (confirms it) before an idempotency record keeps the answer. */
  finish?: (result: SendResult) => Promise<SendResult>,
): Promise<SendResult> {
  const { signal } = options;
  const session = ctx.requireSession('sending a trade offer');
  const plan = await planSend(input, {
    sender: session.steamid,
    resolve: ctx.resolve,
    hosts: [ctx.communityHost],
  });
  const prepare = async () => {
    await ensureAcknowledged(ctx, session, signal);
  };
  const send = (attemptStartedAt: number) =>
    sendWithReconciliation(ctx, session, plan, attemptStartedAt, signal);
  const key = input.idempotencyKey ?? (input.deriveIdempotencyKey ? derivedIdempotencyKey(plan) : undefined);
  if (key !== undefined) {
    return sendUnderKey(
      {
        key,
        sender: plan.sender,
        fingerprint: sendFingerprint(plan),
        request: JSON.stringify(describeRequest(plan)),
      },
      {
        store: ctx.store,
        now: ctx.now,
        leaseMs: ctx.tuning.sendLeaseMs,
        warn: (warning) => ctx.warn(warning),
        prepare,
        send,
        finish,
        reconcile: (since) =>
          reconcileSend(
            ctx,
            plan,
            since,
            'an earlier send under this idempotency key did not finish',
            signal,
          ),
      },
    );
  }
  await prepare();
  try {
    const result = await send(ctx.now());
    return finish ? await finish(result) : result;
  } catch (error) {
    if (!(error instanceof TradeOutcomeUnknownError)) throw error;
    throw new TradeOutcomeUnknownError(
      `${error.message}, or send with an idempotency key, which checks again before sending`,
      { service: error.service, cause: error.cause ?? error },
    );
  }
}
