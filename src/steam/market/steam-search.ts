/**
 * @module steam/market/steam-search
 * The community market's bulk listing, `GET /market/search/render/?norender=1&appid=...`,
 * page by page. UPSTREAM.md: reports disagree on the page size Steam honours (100, or 10),
 * so the next page starts after what came back, not after what was asked. `sell_price` is
 * integer hundredths; the endpoint ignores `currency` and answers in USD for an anonymous
 * caller (SnaBe/node-steam-market-fetcher #18, DrKain/steam-market-search #2).
 */
import type { HttpClient, PaceOptions } from '../../core/http/client.js';
import type { HttpResponse } from '../../core/http/client.js';
import { UpstreamUnavailableError } from '../../core/errors.js';
import { currencyByCode } from './currencies.js';
import { steamHundredthsToMinor } from './money.js';
import type { PriceQuote } from './price-source.js';
import { parseSteamPrice } from './price-text.js';
import { checkMarketStatus, marketErrorOptions, readMarketJson, serverTrouble } from './steam-interpret.js';

/** What most clients ask for and Steam is reported to honour. */
export const SEARCH_PAGE_SIZE = 100;

export const USD = currencyByCode('USD')!;

export interface RawSearchResult {
  name?: string;
  hash_name?: string;
  sell_listings?: number;
  sell_price?: number;
  sell_price_text?: string;
  sale_price_text?: string;
  asset_description?: Record<string, unknown>;
  [field: string]: unknown;
}

export interface RawSearchPage {
  success?: boolean;
  start?: number;
  pagesize?: number;
  total_count?: number;
  results?: RawSearchResult[] | null;
  [field: string]: unknown;
}

export interface SearchPage {
  start: number;
  totalCount: number;
  quotes: PriceQuote[];
  /** Entries that came back (priced or not), to know where the next page starts. */
  returned: number;
  warnings: string[];
}

export interface SearchPageRequest {
  http: HttpClient;
  communityUrl: string;
  pace: PaceOptions;
  appid: number;
  start: number;
  count?: number;
  signal?: AbortSignal | undefined;
}

export async function fetchSearchPage(request: SearchPageRequest): Promise<SearchPage> {
  const url = new URL('/market/search/render/', request.communityUrl);
  const params: Record<string, string> = {
    query: '',
    start: String(request.start),
    count: String(request.count ?? SEARCH_PAGE_SIZE),
    search_descriptions: '0',
    // By name: a stable order while prices move, so pages neither skip nor repeat items.
    sort_column: 'name',
    sort_dir: 'asc',
    appid: String(request.appid),
    norender: '1',
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const what = `the market search for app ${request.appid} at ${request.start}`;
  return request.http.request(
    {
      service: 'steam-community',
      url,
      headers: { accept: 'application/json' },
      pace: request.pace,
      ...(request.signal ? { signal: request.signal } : {}),
    },
    (res) => interpretSearchPage(res, what, request.start, Date.now()),
  );
}

export function interpretSearchPage(
  res: HttpResponse,
  what: string,
  start: number,
  observedAt: number,
): SearchPage {
  checkMarketStatus(res, what);
  if (res.status >= 500) throw serverTrouble(res, what);
  const page = readMarketJson<RawSearchPage>(res, what);
  if (page.success !== true || !Array.isArray(page.results)) {
    throw new UpstreamUnavailableError(`Steam could not list ${what} (success: ${String(page.success)})`, {
      ...marketErrorOptions(res),
      code: 'success_false',
      retryable: true,
    });
  }
  const quotes: PriceQuote[] = [];
  const warnings: string[] = [];
  for (const result of page.results) {
    const quote = quoteOf(result, observedAt, warnings);
    if (quote) quotes.push(quote);
  }
  return {
    start: typeof page.start === 'number' ? page.start : start,
    totalCount: typeof page.total_count === 'number' ? page.total_count : start + page.results.length,
    quotes,
    returned: page.results.length,
    warnings,
  };
}

function quoteOf(result: RawSearchResult, observedAt: number, warnings: string[]): PriceQuote | undefined {
  const name = result.hash_name;
  if (typeof name !== 'string' || !name) {
    warnings.push('a market search result without a hash_name was skipped');
    return undefined;
  }
  const listings = typeof result.sell_listings === 'number' ? result.sell_listings : undefined;
  // No listings: Steam still sends sell_price 0 ("$0.00"); that is no price, not a free item.
  if (listings === 0) return { marketHashName: name, price: undefined, observedAt, listings };
  const hundredths = result.sell_price;
  if (typeof hundredths !== 'number' || !Number.isSafeInteger(hundredths) || hundredths <= 0) {
    warnings.push(`${name}: sell_price ${String(hundredths)} is not a price; skipped`);
    return undefined;
  }
  // The text names the currency: a page in a wallet's currency must not pass for dollars.
  if (typeof result.sell_price_text === 'string') {
    const parsed = parseSteamPrice(result.sell_price_text, USD);
    if (!parsed.ok) {
      warnings.push(`${name}: ${parsed.reason}; skipped`);
      return undefined;
    }
  }
  return {
    marketHashName: name,
    price: { amount: steamHundredthsToMinor(hundredths, USD), currency: 'USD' },
    observedAt,
    listings,
  };
}
