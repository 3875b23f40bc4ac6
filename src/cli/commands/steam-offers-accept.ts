/**
 * @module cli/commands/steam-offers-accept
 * `gamestash steam offers accept <id>`: one library call (it reads the offer first and refuses,
 * before any write, your own offer or one no longer active), then one line: the trade id, or
 * what is still to do (a confirmation in the Steam app, a trade hold).
 */
import { writeJson, writeLine } from '../output/write.js';
import { withTrade, type OfferCommandOptions } from './steam-offers-common.js';
import { acceptedLine } from './steam-offers-format.js';

export type SteamOffersAcceptOptions = OfferCommandOptions;

export async function steamOffersAccept(id: string, options: SteamOffersAcceptOptions): Promise<void> {
  // Accepting acknowledges trade protection once per account: remembered in the store.
  await withTrade(options, true, async (trade) => {
    const result = await trade.accept(id);
    if (options.json) writeJson(result);
    else writeLine(acceptedLine(result));
  });
}
