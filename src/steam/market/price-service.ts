/**
 * @module steam/market/price-service
 * Prices through the store: a name priced within `maxAgeMs` (or covered by a complete pass
 * over its app that recent) costs no upstream request; anything older is fetched from the
 * source, one pass per (source, app, currency) at a time. When the source fails, what the
 * store has is used and marked stale; a name it never priced is missing, never 0.
 */
import { GamestashError, InvalidInputError } from '../../core/errors.js';
import type { PriceStore, PriceSetKey, StoredPrice } from '../../store/prices.js';
import type { Currency } from './currencies.js';
import type { Money } from './money.js';
import { PartialPricesError, type PriceBatch, type PriceSource, type PriceSourceId } from './price-source.js';

export interface ResolvedPrice {
  /** One unit's price; undefined: missing (the source has none, or it could not be read). */
  price: Money | undefined;
  observedAt: number | undefined;
  /** Older than the maximum age, used because refreshing it failed. */
  stale: boolean;
}

export interface PriceLookup {
  source: PriceSourceId;
  appid: number;
  currency: string;
  /** Every name asked for. */
  prices: Map<string, ResolvedPrice>;
  /** Upstream requests this lookup made (0 on a warm cache). */
  requests: number;
  /** Why some prices are stale or missing: the refresh's failure, as its error kind and message. */
  staleReason: string | undefined;
  warnings: string[];
}

export type RefreshMode = 'auto' | 'force' | 'never';

export interface PriceLookupRequest {
  source: PriceSourceId;
  appid: number;
  currency: Currency;
  names: readonly string[];
  /** `auto` (default): fetch what is older than the maximum age; `force`: fetch all; `never`: store only. */
  refresh?: RefreshMode;
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number | undefined) => void) | undefined;
}

export interface PriceServiceOptions {
  store: PriceStore;
  sources: Partial<Record<PriceSourceId, PriceSource>>;
  maxAgeMs: number;
  now?: () => number;
  /** Unparseable prices and failed refreshes, for the log. */
  onWarning?: (message: string) => void;
}

export interface RefreshOutcome {
  batch: PriceBatch;
  startedAt: number;
}

export class PriceService {
  private readonly flights = new Map<string, Promise<RefreshOutcome>>();
  private readonly now: () => number;

  constructor(private readonly options: PriceServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  get maxAgeMs(): number {
    return this.options.maxAgeMs;
  }

  /** The source, or bad input naming the configured ones. */
  source(id: PriceSourceId): PriceSource {
    const source = this.options.sources[id];
    if (source) return source;
    const known = Object.keys(this.options.sources).join(', ') || 'none';
    throw new InvalidInputError(`price source "${id}" is not available here: use one of ${known}`, 'source');
  }

  async lookup(request: PriceLookupRequest): Promise<PriceLookup> {
    const source = this.source(request.source);
    const names = [...new Set(request.names)];
    source.check(request.appid, request.currency, { names: names.length });
    const key: PriceSetKey = { source: source.id, appid: request.appid, currency: request.currency.code };
    const mode = request.refresh ?? 'auto';
    const startedAt = this.now();
    await this.options.store.markRequested(key, startedAt);
    const set = await this.options.store.set(key);
    const stored = await this.options.store.read(key, names);
    const fresh = (at: number | undefined) => at !== undefined && startedAt - at < this.options.maxAgeMs;
    // A recent complete pass priced everything the app has: a name it did not see is missing.
    const passFresh = fresh(set?.refreshedAt);
    const lookup: PriceLookup = {
      source: source.id,
      appid: request.appid,
      currency: request.currency.code,
      prices: new Map(),
      requests: 0,
      staleReason: undefined,
      warnings: [],
    };
    const needed = names.filter((name) => {
      if (mode === 'force') return true;
      const row = stored.get(name);
      return !(passFresh || fresh(row?.observedAt));
    });
    let fetched: PriceBatch | undefined;
    if (needed.length > 0 && mode !== 'never') {
      try {
        const outcome = await this.refresh(source, request.currency, {
          appid: request.appid,
          names: needed,
          signal: request.signal,
          onProgress: request.onProgress,
        });
        fetched = outcome.batch;
        lookup.requests = fetched.requests;
        lookup.warnings.push(...fetched.warnings);
      } catch (error) {
        lookup.staleReason = reasonOf(error);
        if (error instanceof PartialPricesError) {
          fetched = error.partial;
          lookup.requests = error.partial.requests;
        }
        if (!(error instanceof GamestashError) || error instanceof InvalidInputError) throw error;
        // Nothing stored to fall back on: the failure is the answer.
        const partial = new Set(fetched?.quotes.map((q) => q.marketHashName));
        if (needed.every((name) => !stored.has(name) && !partial.has(name))) throw error;
      }
    }
    const quotes = new Map(fetched?.quotes.map((q) => [q.marketHashName, q]));
    for (const name of names) {
      const quote = quotes.get(name);
      if (quote) {
        lookup.prices.set(name, { price: quote.price, observedAt: quote.observedAt, stale: false });
        continue;
      }
      if (fetched?.scope === 'app' && lookup.staleReason === undefined) {
        lookup.prices.set(name, {
          price: undefined,
          observedAt: fetched.quotes[0]?.observedAt,
          stale: false,
        });
        continue;
      }
      lookup.prices.set(name, this.fromStore(stored.get(name), startedAt, passFresh, key.currency));
    }
    return lookup;
  }

  /**
   * One pass for a set, shared by everyone asking at the same time; the result is stored
   * (a complete pass replaces the set). Throws the source's error after keeping what it read.
   */
  refresh(
    source: PriceSource,
    currency: Currency,
    request: {
      appid: number;
      names?: readonly string[] | undefined;
      signal?: AbortSignal | undefined;
      onProgress?: ((done: number, total: number | undefined) => void) | undefined;
    },
  ): Promise<RefreshOutcome> {
    const key: PriceSetKey = { source: source.id, appid: request.appid, currency: currency.code };
    const flightKey = `${key.source}/${key.appid}/${key.currency}`;
    const running = this.flights.get(flightKey);
    if (running) return running;
    const flight = this.runRefresh(source, currency, key, request).finally(() =>
      this.flights.delete(flightKey),
    );
    this.flights.set(flightKey, flight);
    return flight;
  }

  private async runRefresh(
    source: PriceSource,
    currency: Currency,
    key: PriceSetKey,
    request: Parameters<PriceService['refresh']>[2],
  ): Promise<RefreshOutcome> {
    const startedAt = this.now();
    try {
      const batch = await source.prices({
        appid: request.appid,
        currency,
        names: request.names,
        signal: request.signal,
        onProgress: request.onProgress,
      });
      await this.keep(key, batch, startedAt);
      for (const warning of batch.warnings) this.options.onWarning?.(`${source.label}: ${warning}`);
      return { batch, startedAt };
    } catch (error) {
      if (error instanceof PartialPricesError) await this.keep(key, error.partial, startedAt);
      await this.options.store.recordFailure(key, this.now(), reasonOf(error));
      this.options.onWarning?.(
        `${source.label}: refreshing ${key.appid} in ${key.currency} failed: ${reasonOf(error)}`,
      );
      throw error;
    }
  }

  private async keep(key: PriceSetKey, batch: PriceBatch, startedAt: number): Promise<void> {
    const rows = batch.quotes.map((q) => ({
      marketHashName: q.marketHashName,
      amount: q.price?.amount,
      listings: q.listings,
      observedAt: q.observedAt,
    }));
    const complete = batch.scope === 'app';
    await this.options.store.save(key, rows, complete ? { replaceBefore: startedAt } : {});
    if (complete) {
      await this.options.store.recordRefreshed(
        key,
        startedAt,
        rows.filter((r) => r.amount !== undefined).length,
      );
    }
  }

  private fromStore(
    row: StoredPrice | undefined,
    now: number,
    passFresh: boolean,
    currency: string,
  ): ResolvedPrice {
    if (!row) return { price: undefined, observedAt: undefined, stale: false };
    const stale = !passFresh && now - row.observedAt >= this.options.maxAgeMs;
    return {
      price: row.amount === undefined ? undefined : { amount: row.amount, currency },
      observedAt: row.observedAt,
      stale,
    };
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof GamestashError) return `${error.kind}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
