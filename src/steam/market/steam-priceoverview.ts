/**
 * @module steam/market/steam-priceoverview
 * One item's price, `GET /market/priceoverview/?appid=&currency=&market_hash_name=`:
 * `{"success": true, "lowest_price": "$1.23", "median_price": "$1.20", "volume": "1,234"}`,
 * prices as strings in the currency's own style, `median_price` and `volume` sometimes missing
 * (UPSTREAM.md). An item the market does not know answers `{"success": false}` (with a 500):
 * that is "no price", not trouble worth retrying.
 */
import type { HttpClient, HttpResponse, PaceOptions } from '../../core/http/client.js';
import type { Currency } from './currencies.js';
import type { PriceQuote } from './price-source.js';
import { parseSteamPrice } from './price-text.js';
import { checkMarketStatus, readMarketJson, serverTrouble } from './steam-interpret.js';

interface RawPriceOverview {
  success?: boolean;
  lowest_price?: string;
  median_price?: string;
  volume?: string;
}

export interface OverviewResult {
  /** Undefined when the answer's price did not parse: skipped with the warning, never priced 0. */
  quote: PriceQuote | undefined;
  warning?: string;
}

export interface PriceOverviewRequest {
  http: HttpClient;
  communityUrl: string;
  pace: PaceOptions;
  appid: number;
  currency: Currency;
  marketHashName: string;
  signal?: AbortSignal | undefined;
}

export function fetchPriceOverview(request: PriceOverviewRequest): Promise<OverviewResult> {
  const url = new URL('/market/priceoverview/', request.communityUrl);
  url.searchParams.set('appid', String(request.appid));
  url.searchParams.set('currency', String(request.currency.steamId));
  url.searchParams.set('market_hash_name', request.marketHashName);
  const what = `the market price of "${request.marketHashName}"`;
  return request.http.request(
    {
      service: 'steam-community',
      url,
      headers: { accept: 'application/json' },
      pace: request.pace,
      ...(request.signal ? { signal: request.signal } : {}),
    },
    (res) => interpretPriceOverview(res, what, request.marketHashName, request.currency, Date.now()),
  );
}

export function interpretPriceOverview(
  res: HttpResponse,
  what: string,
  name: string,
  currency: Currency,
  observedAt: number,
): OverviewResult {
  checkMarketStatus(res, what);
  const noPrice = { quote: { marketHashName: name, price: undefined, observedAt } };
  if (res.status >= 500) {
    // The market's answer for a name it does not list; any other 5xx is trouble.
    if (/^\s*\{\s*"success"\s*:\s*false\s*\}\s*$/.test(res.body)) return noPrice;
    throw serverTrouble(res, what);
  }
  const overview = readMarketJson<RawPriceOverview>(res, what);
  if (overview.success !== true) return noPrice;
  // The lowest listing is what the item sells for now; the median is the fallback.
  const text = overview.lowest_price ?? overview.median_price;
  if (text === undefined) return { quote: { ...noPrice.quote, listings: 0 } };
  const parsed = parseSteamPrice(text, currency);
  if (!parsed.ok) return { quote: undefined, warning: `${name}: ${parsed.reason}; skipped` };
  return { quote: { marketHashName: name, price: parsed.money, observedAt } };
}
