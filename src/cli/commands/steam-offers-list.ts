/**
 * @module cli/commands/steam-offers-list
 * `gamestash steam offers list [--sent] [--received] [--active | --historical | --all] [--limit N]`:
 * GetTradeOffers through the library (every cursor page, items named), as a table or as JSON.
 */
import type { OfferFilter } from '../../steam/trade/index.js';
import { renderTable } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import { withTrade, type OfferCommandOptions } from './steam-offers-common.js';
import { OFFER_COLUMNS } from './steam-offers-format.js';

export interface SteamOffersListOptions extends OfferCommandOptions {
  sent?: boolean;
  received?: boolean;
  active?: boolean;
  historical?: boolean;
  all?: boolean;
  limit?: number;
}

export async function steamOffersList(options: SteamOffersListOptions): Promise<void> {
  // Neither --sent nor --received: both.
  const both = !options.sent && !options.received;
  const filter: OfferFilter = options.historical ? 'historical' : options.all ? 'all' : 'active';
  await withTrade(options, false, async (trade) => {
    const offers = await trade.listAll({
      sent: both || Boolean(options.sent),
      received: both || Boolean(options.received),
      filter,
      limit: options.limit,
    });
    if (options.json) writeJson(offers);
    else
      writeLine(
        offers.length === 0
          ? `no ${filter === 'all' ? '' : `${filter} `}offers`
          : renderTable(offers, OFFER_COLUMNS),
      );
  });
}
