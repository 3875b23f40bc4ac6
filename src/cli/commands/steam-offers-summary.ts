/**
 * @module cli/commands/steam-offers-summary
 * `gamestash steam offers summary`: GetTradeOffersSummary's counts, as a table or JSON.
 */
import { renderTable } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import { withTrade, type OfferCommandOptions } from './steam-offers-common.js';

export type SteamOffersSummaryOptions = OfferCommandOptions;

export async function steamOffersSummary(options: SteamOffersSummaryOptions): Promise<void> {
  await withTrade(options, false, async (trade) => {
    const summary = await trade.summary();
    if (options.json) return writeJson(summary);
    const rows = Object.entries(summary).map(([name, count]) => ({
      // pendingReceived -> pending received
      name: name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`),
      count,
    }));
    writeLine(
      renderTable(rows, [
        { header: 'offers', value: (r) => r.name },
        { header: 'count', value: (r) => r.count, align: 'right' },
      ]),
    );
  });
}
