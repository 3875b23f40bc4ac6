/**
 * @module gateway/routes/item-prices
 * `prices=1` on the normalized inventory route: each item of the page with its unit price
 * from the price store (fetched only when the store has nothing fresh), or `price: null`.
 */
import type { InventoryItem } from '../../steam/community/inventory/types.js';
import { requireCurrency } from '../../steam/market/currencies.js';
import { requireSourceId } from '../../steam/market/price-source.js';
import type { GatewayServices } from '../services/index.js';
import { moneyJson } from './v1-value.js';

export interface PricedItemQuery {
  currency?: string | undefined;
  source?: string | undefined;
}

export async function withPrices(
  services: GatewayServices,
  items: InventoryItem[],
  appid: number,
  query: PricedItemQuery,
) {
  const currency = requireCurrency(query.currency ?? 'USD');
  const source = requireSourceId(query.source ?? 'steam');
  const names = [...new Set(items.map((item) => item.marketHashName).filter(Boolean))];
  const lookup = await services.market.prices.lookup({ source, appid, currency, names });
  return items.map((item) => {
    const resolved = lookup.prices.get(item.marketHashName);
    const price =
      resolved?.price === undefined
        ? null
        : {
            unit: moneyJson(resolved.price, currency),
            observedAt:
              resolved.observedAt === undefined ? null : new Date(resolved.observedAt).toISOString(),
            source,
            stale: resolved.stale,
          };
    return { ...item, price };
  });
}
