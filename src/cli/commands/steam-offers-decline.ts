/**
 * @module cli/commands/steam-offers-decline
 * `gamestash steam offers decline <id>`: one library call (IEconService/DeclineTradeOffer; an
 * offer you sent, or one no longer active, is refused before any write), then one line.
 */
import { writeJson, writeLine } from '../output/write.js';
import { withTrade, type OfferCommandOptions } from './steam-offers-common.js';

export type SteamOffersDeclineOptions = OfferCommandOptions;

export async function steamOffersDecline(id: string, options: SteamOffersDeclineOptions): Promise<void> {
  await withTrade(options, false, async (trade) => {
    const result = await trade.decline(id);
    if (options.json) writeJson(result);
    else
      writeLine(`declined offer ${result.id}${result.reconciled ? ' (Steam had declined it already)' : ''}`);
  });
}
