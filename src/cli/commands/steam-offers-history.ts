/**
 * @module cli/commands/steam-offers-history
 * `gamestash steam offers history [--limit N] [--include-failed]`: completed trades
 * (GetTradeHistory, paged to the limit), newest first, as a table or JSON.
 */
import { collect } from '../../core/paginate.js';
import { renderTable } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import { withTrade, type OfferCommandOptions } from './steam-offers-common.js';
import { TRADE_COLUMNS } from './steam-offers-format.js';

export interface SteamOffersHistoryOptions extends OfferCommandOptions {
  limit: number;
  includeFailed?: boolean;
}

export async function steamOffersHistory(options: SteamOffersHistoryOptions): Promise<void> {
  await withTrade(options, false, async (trade) => {
    const trades = await collect(
      trade.history({ limit: options.limit, includeFailed: Boolean(options.includeFailed) }),
    );
    if (options.json) writeJson(trades);
    else writeLine(trades.length === 0 ? 'no trades' : renderTable(trades, TRADE_COLUMNS));
  });
}
