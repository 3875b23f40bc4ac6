/**
 * @module steam/market/steam-source
 * The Steam Community Market as a price source. In USD it reads the app's whole market in
 * bulk search pages (100 items a request), switching to one `priceoverview` per name when
 * fewer names are left than pages: so a few items cost a few requests and a large inventory
 * costs at most one pass over the market. The bulk search answers in USD only, so other
 * currencies are priced one name at a time (bounded: use Skinport for large inventories).
 * Every request is paced on the community host's key, shared with inventories.
 */
import { InvalidInputError, UpstreamUnavailableError } from '../../core/errors.js';
import type { HttpClient, PaceOptions } from '../../core/http/client.js';
import { communityPace, type CommunityPaceOptions } from '../community/pace.js';
import type { Currency } from './currencies.js';
import { Patience } from './patience.js';
import {
  PartialPricesError,
  type PriceBatch,
  type PriceQuote,
  type PriceRequest,
  type PriceSource,
} from './price-source.js';
import { fetchPriceOverview } from './steam-priceoverview.js';
import { fetchSearchPage, SEARCH_PAGE_SIZE } from './steam-search.js';

export interface SteamMarketSourceOptions extends CommunityPaceOptions {
  http: HttpClient;
  /** Longest one pass waits out rate limits before giving up (default 10 minutes). */
  patienceMs?: number;
  /** Most `priceoverview` requests one batch may cost outside USD (default 100). */
  maxItemRequests?: number;
  /** Page size asked of the bulk search (Steam may send fewer: paging follows what came back). */
  pageSize?: number;
}

/** A pass longer than this many pages is not a market but a loop. */
const MAX_PAGES = 20_000;

export class SteamMarketSource implements PriceSource {
  readonly id = 'steam' as const;
  readonly label = 'Steam Community Market';
  private readonly pace: PaceOptions;

  constructor(private readonly options: SteamMarketSourceOptions) {
    this.pace = communityPace(options);
  }

  check(appid: number, currency: Currency, { names }: { names?: number } = {}): void {
    if (!Number.isInteger(appid) || appid <= 0) {
      throw new InvalidInputError(`app id must be a positive number (CS2 is 730), got "${appid}"`, 'appid');
    }
    if (currency.code === 'USD') return;
    if (names === undefined) {
      throw new InvalidInputError(
        `the Steam market's bulk search answers in USD only (it ignores currency): price a whole app in USD, or use the skinport source for ${currency.code}`,
        'currency',
      );
    }
    const limit = this.options.maxItemRequests ?? 100;
    if (names > limit) {
      const minutes = Math.ceil((names * Math.max(this.options.intervalMs, 3000)) / 60_000);
      throw new InvalidInputError(
        `pricing ${names} items in ${currency.code} on the Steam market takes one priceoverview request each (about ${minutes} min at the community host's pace; its bulk search answers in USD only): use currency USD, the skinport source, or fewer items (at most ${limit})`,
        'currency',
      );
    }
  }

  async prices(request: PriceRequest): Promise<PriceBatch> {
    this.check(request.appid, request.currency, { names: request.names?.length });
    const patience = new Patience(this.options.patienceMs ?? 600_000, request.signal);
    const batch: PriceBatch = {
      source: this.id,
      appid: request.appid,
      currency: request.currency.code,
      scope: 'names',
      quotes: [],
      requests: 0,
      warnings: [],
    };
    try {
      if (request.currency.code !== 'USD')
        return await this.overviews(request, request.names ?? [], batch, patience);
      return await this.search(request, batch, patience);
    } catch (error) {
      if (batch.quotes.length === 0) throw error;
      throw new PartialPricesError(
        `the Steam market price pass for app ${request.appid} stopped after ${batch.requests} requests: ${(error as Error).message}`,
        { ...batch, scope: 'names' },
        error,
      );
    }
  }

  private async search(request: PriceRequest, batch: PriceBatch, patience: Patience): Promise<PriceBatch> {
    const wanted = request.names ? new Set(request.names) : undefined;
    let start = 0;
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const page = await patience.run(() =>
        fetchSearchPage({
          http: this.options.http,
          communityUrl: this.options.communityUrl,
          pace: this.pace,
          appid: request.appid,
          start,
          count: this.options.pageSize ?? SEARCH_PAGE_SIZE,
          signal: request.signal,
        }),
      );
      batch.requests++;
      for (const quote of page.quotes) batch.quotes.push(quote);
      for (const warning of page.warnings) batch.warnings.push(warning);
      if (page.returned === 0) {
        if (start >= page.totalCount) break;
        throw new UpstreamUnavailableError(
          `Steam's market search for app ${request.appid} came back empty at ${start} of ${page.totalCount}`,
          { service: 'steam-community', retryable: true },
        );
      }
      start += page.returned;
      const pagesLeft = Math.ceil(Math.max(0, page.totalCount - start) / page.returned);
      request.onProgress?.(batch.requests, batch.requests + pagesLeft);
      if (pagesLeft === 0) return { ...batch, scope: 'app' };
      if (wanted) {
        const seen = new Set(batch.quotes.map((q) => q.marketHashName));
        const missing = [...wanted].filter((name) => !seen.has(name));
        // Fewer names left than pages: one request per name is cheaper than reading on.
        if (missing.length < pagesLeft) return this.overviews(request, missing, batch, patience);
      }
    }
    throw new UpstreamUnavailableError(`Steam's market search for app ${request.appid} did not end`, {
      service: 'steam-community',
    });
  }

  private async overviews(
    request: PriceRequest,
    names: readonly string[],
    batch: PriceBatch,
    patience: Patience,
  ): Promise<PriceBatch> {
    const before = batch.requests;
    for (const name of names) {
      const result = await patience.run(() =>
        fetchPriceOverview({
          http: this.options.http,
          communityUrl: this.options.communityUrl,
          pace: this.pace,
          appid: request.appid,
          currency: request.currency,
          marketHashName: name,
          signal: request.signal,
        }),
      );
      batch.requests++;
      if (result.quote) batch.quotes.push(result.quote as PriceQuote);
      if (result.warning) batch.warnings.push(result.warning);
      request.onProgress?.(batch.requests, before + names.length);
    }
    return { ...batch, scope: 'names' };
  }
}
