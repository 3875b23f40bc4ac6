/**
 * @module cli/commands/steam-offers-cancel
 * `gamestash steam offers cancel <id>`: one library call (IEconService/CancelTradeOffer; an
 * offer sent to you, or one no longer active, is refused before any write), then one line.
 */
import { writeJson, writeLine } from '../output/write.js';
import { withTrade, type OfferCommandOptions } from './steam-offers-common.js';

export type SteamOffersCancelOptions = OfferCommandOptions;

export async function steamOffersCancel(id: string, options: SteamOffersCancelOptions): Promise<void> {
  await withTrade(options, false, async (trade) => {
    const result = await trade.cancel(id);
    if (options.json) writeJson(result);
    else
      writeLine(
        `cancelled offer ${result.id}${result.reconciled ? ' (Steam had cancelled it already)' : ''}`,
      );
  });
}
