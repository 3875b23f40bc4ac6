/**
 * @module gateway/services/inventory-service
 * Inventories for the routes, through two cache tiers (memory, then the store) and one
 * upstream fetch per key at a time. Fresh entries are served as they are; stale ones within
 * the stale-while-revalidate window are served at once while a refresh runs behind; when
 * Steam fails, an entry up to maxStale old is served and marked stale. A private or missing
 * inventory is never answered from cache: that failure is the truth now.
 *
 * The store is a cache tier, not a dependency: while it is unavailable a read is a miss
 * (memory still answers what it holds, Steam the rest) and a write is kept and retried by
 * the CacheWriter, so an outage costs upstream requests, never an error.
 */
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import {
  AuthenticationError,
  GamestashError,
  InvalidInputError,
  NotFoundError,
  PrivateError,
  StoreUnavailableError,
  UpstreamInvalidRequestError,
} from '../../core/errors.js';
import type { SteamInventoryClient } from '../../steam/community/inventory/client.js';
import type { CacheEntryStore } from '../../store/cache-entries.js';
import { CachedInventory } from './cached-inventory.js';
import type { CacheWriter } from './cache-writer.js';
import type { MemoryCache } from './memory-cache.js';
import type { GatewayMetrics } from './metrics.js';
import type { SingleFlight } from './single-flight.js';

export interface InventoryTarget {
  steamid64: string;
  appid: string;
  contextid: string;
  language: string;
}

export interface InventoryCaller {
  keyId: string;
  /** The caller's own Steam session (`steamLoginSecure=...`), to read their private items. */
  steamCookie?: string | undefined;
}

export type CacheState = 'hit' | 'miss' | 'stale';

export interface InventoryResult {
  entry: CachedInventory;
  cache: CacheState;
  /** Why a stale entry was served: `revalidating`, or the upstream error's code. */
  staleReason?: string;
}

export interface InventoryServiceOptions {
  ttlMs: number;
  /** A private or missing inventory is remembered this long (fresh=1 asks again). */
  errorTtlMs: number;
  staleWhileRevalidateMs: number;
  maxStaleMs: number;
  /** Whether another instance may have filled the store (Redis single flight in use). */
  shared: boolean;
  clientFor: (steamCookie: string | undefined) => SteamInventoryClient;
  store: CacheEntryStore;
  /** Writes to `store` that outlive an outage. */
  writes: CacheWriter;
  memory: MemoryCache<CachedInventory>;
  flights: SingleFlight<CachedInventory>;
  metrics: GatewayMetrics;
  log: FastifyBaseLogger;
}

/**
 * Anonymous fetches are shared by every key; a cookie-authenticated fetch may include the
 * owner's private items, so it is scoped to the calling key *and* that session.
 */
export function cacheKeyOf(target: InventoryTarget, caller: InventoryCaller): string {
  const auth = caller.steamCookie
    ? `key:${caller.keyId}:${createHash('sha256').update(caller.steamCookie).digest('hex').slice(0, 24)}`
    : 'public';
  return `steam-inventory:v1:${target.steamid64}/${target.appid}/${target.contextid}:${target.language}:${auth}`;
}

export class InventoryService {
  /** Definitive failures by cache key: asking Steam again at once would only spend budget. */
  private readonly failures = new Map<string, { error: unknown; until: number }>();

  constructor(private readonly options: InventoryServiceOptions) {}

  async get(
    target: InventoryTarget,
    caller: InventoryCaller,
    { fresh = false } = {},
  ): Promise<InventoryResult> {
    const { ttlMs, staleWhileRevalidateMs, metrics } = this.options;
    const key = cacheKeyOf(target, caller);
    const startedAt = Date.now();
    let cached: CachedInventory | undefined;
    if (!fresh) {
      const failure = this.failures.get(key);
      if (failure && failure.until > startedAt) {
        metrics.cacheLookups.inc({ result: 'negative_hit' });
        throw failure.error;
      }
      cached = await this.lookup(key, target);
      const age = cached?.ageMs(startedAt) ?? Infinity;
      if (cached && age < ttlMs) {
        metrics.cacheLookups.inc({ result: 'hit' });
        return { entry: cached, cache: 'hit' };
      }
      if (cached && age < ttlMs + staleWhileRevalidateMs) {
        metrics.cacheLookups.inc({ result: 'stale' });
        this.refresh(key, target, caller, (at) => at > cached!.storedAt).promise.catch((error: unknown) =>
          this.revalidationFailed(key, error),
        );
        return { entry: cached, cache: 'stale', staleReason: 'revalidating' };
      }
    }
    metrics.cacheLookups.inc({ result: 'miss' });
    // A non-fresh caller accepts any entry younger than the TTL; fresh=1 only a newer one.
    const acceptable = fresh ? (at: number) => at >= startedAt : (at: number) => Date.now() - at < ttlMs;
    try {
      return { entry: await this.refresh(key, target, caller, acceptable).promise, cache: 'miss' };
    } catch (error) {
      if (isDefinitive(error)) this.rememberFailure(key, error);
      cached ??= await this.lookup(key, target).catch(() => undefined);
      if (cached && servesStale(error) && cached.ageMs() < this.options.maxStaleMs) {
        metrics.cacheLookups.inc({ result: 'stale_error' });
        const reason = error instanceof GamestashError ? error.kind : 'upstream_error';
        return { entry: cached, cache: 'stale', staleReason: reason };
      }
      throw error;
    }
  }

  private refresh(
    key: string,
    target: InventoryTarget,
    caller: InventoryCaller,
    acceptable: (at: number) => boolean,
  ) {
    const { flights, store, writes, memory, shared } = this.options;
    const fetch = async () => {
      const inventory = await this.options.clientFor(caller.steamCookie).fetchAll({
        steamid: target.steamid64,
        appid: target.appid,
        contextid: target.contextid,
        language: target.language,
      });
      const entry = CachedInventory.fromInventory(inventory, Date.now(), target.steamid64);
      await writes.put({ key, body: entry.body, storedAt: entry.storedAt });
      memory.set(key, entry);
      return entry;
    };
    // Another instance led and stored the entry. If it cannot be read (the store is away, or
    // the leader could not write it), fetch it ourselves rather than fail the caller.
    const follow = async () => (await this.load(key, target)) ?? fetch();
    const flight = flights.run(key, {
      follow,
      lead: async () => {
        // With several instances, one may have stored this entry just before we got the lock.
        if (shared) {
          const at = await missWhileStoreAway(store.storedAt(key));
          if (at !== undefined && acceptable(at)) return follow();
        }
        return fetch();
      },
    });
    if (flight.joined) this.options.metrics.coalesced.inc();
    return flight;
  }

  /**
   * A background refresh failed. Upstream trouble leaves the stale copy to serve; a definitive
   * answer (now private, gone) drops it and is remembered, like a failed fetch in the foreground.
   */
  private async revalidationFailed(key: string, error: unknown): Promise<void> {
    // A store that is away is expected and logged once elsewhere: its one line, not a stack.
    const err = error instanceof StoreUnavailableError ? error.message : error;
    this.options.log.warn({ err, key }, 'background revalidation failed');
    if (!isDefinitive(error)) return;
    this.rememberFailure(key, error);
    this.options.memory.delete(key);
    await this.options.writes.delete(key).catch((cause: unknown) => {
      this.options.log.error({ err: cause, key }, 'could not drop a cache entry Steam no longer serves');
    });
  }

  private rememberFailure(key: string, error: unknown): void {
    if (this.options.errorTtlMs <= 0) return;
    // Bounded: a flood of distinct private ids must not grow memory without end.
    if (this.failures.size >= 10_000) this.failures.clear();
    this.failures.set(key, { error, until: Date.now() + this.options.errorTtlMs });
  }

  private async lookup(key: string, target: InventoryTarget): Promise<CachedInventory | undefined> {
    return this.options.memory.get(key) ?? this.load(key, target);
  }

  private async load(key: string, target: InventoryTarget): Promise<CachedInventory | undefined> {
    const stored = await missWhileStoreAway(this.options.store.get(key));
    if (!stored) return undefined;
    const entry = new CachedInventory(stored.body, stored.storedAt, target.steamid64);
    this.options.memory.set(key, entry);
    return entry;
  }
}

/** The store's answer, or nothing while the store is unavailable (a miss, not an error). */
async function missWhileStoreAway<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof StoreUnavailableError) return undefined;
    throw error;
  }
}

/** Steam's answer about the inventory itself (private, no such profile, refused ids). */
export function isDefinitive(error: unknown): boolean {
  return (
    error instanceof PrivateError ||
    error instanceof NotFoundError ||
    error instanceof UpstreamInvalidRequestError
  );
}

/** Upstream trouble may be papered over with an old copy; a definitive answer may not. */
function servesStale(error: unknown): boolean {
  if (!(error instanceof GamestashError)) return false;
  return !(isDefinitive(error) || error instanceof AuthenticationError || error instanceof InvalidInputError);
}
