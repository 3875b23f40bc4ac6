/**
 * @module gateway/services
 * Builds everything the routes use from the config, in one place: store, optional Redis,
 * pacing (shared through Redis when configured), the upstream client, cache, quotas and key
 * authentication. `close()` releases them in reverse order. Each store's loss and return
 * is logged once per outage; docs/gateway.md says what degrades while either is away.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import { createHttpClient } from '../../core/http/from-config.js';
import type { HttpClient } from '../../core/http/client.js';
import { LocalPacer } from '../../core/http/pacer.js';
import { RedisPacer } from '../../core/http/redis-pacer.js';
import { StoreUnavailableError } from '../../core/errors.js';
import { SteamInventoryClient } from '../../steam/community/inventory/client.js';
import { resolveSteamId, type ResolvedSteamId } from '../../steam/ids/resolve.js';
import { MemoryVanityCache } from '../../steam/ids/vanity-cache.js';
import { ApiKeyStore } from '../../store/api-keys.js';
import { CacheEntryStore } from '../../store/cache-entries.js';
import { openDatabase, type StoreDatabase } from '../../store/database.js';
import { storeUnavailable, type AvailabilityListener } from '../../store/failures.js';
import { connectRedis } from '../../store/redis.js';
import { steamSpacingMs, type GatewayConfig } from '../config.js';
import type { CachedInventory } from './cached-inventory.js';
import { CacheWriter } from './cache-writer.js';
import { instrumentPacer } from './instrumented-pacer.js';
import { InventoryService, isDefinitive } from './inventory-service.js';
import { KeyAuthenticator } from './key-auth.js';
import { MemoryCache } from './memory-cache.js';
import { GatewayMetrics } from './metrics.js';
import { QuotaService } from './quota.js';
import { RobloxService } from './roblox-service.js';
import { createRobloxInventoryClient } from '../../roblox/inventory/from-config.js';
import { SingleFlight } from './single-flight.js';
import { createSteamWebApiClient } from '../../steam/webapi/from-config.js';
import { WebApiService, type WebApiEntry } from './webapi-service.js';
import { createMarketServices, type MarketServices } from './market-services.js';
import {
  createWebhookServices,
  scopedWebhookAccess,
  type InventoryWatches,
  type WebhookAccess,
  type WebhookService,
} from './webhooks/index.js';
import type { EventPublisher } from './event-publisher.js';
import { LocalLeaseLock, RedisLeaseLock } from './lease-lock.js';
import { libraryWatchers } from './library-watcher.js';
import { OfferWatchers, type AccountWatcherFactory } from './offer-watchers.js';
import { TradingService } from './trading.js';

export interface GatewayServices {
  config: GatewayConfig;
  database: StoreDatabase;
  redis: Redis | undefined;
  http: HttpClient;
  keys: ApiKeyStore;
  auth: KeyAuthenticator;
  quota: QuotaService;
  inventory: InventoryService;
  roblox: RobloxService;
  /** The Steam Web API with the operator's STEAM_API_KEY (503 on every Web API route without one). */
  webApi: WebApiService;
  /** Prices, valuations and snapshots (docs/value.md). */
  market: MarketServices;
  /** Registered Steam accounts for the trading routes and the offer watchers. */
  trading: TradingService;
  /** Webhook subscriptions, deliveries, and `publish` for event sources (docs/gateway.md#webhooks). */
  webhooks: WebhookService;
  /** Watched inventories, polled and published as `inventoryChanged`. */
  watches: InventoryWatches;
  /** One offer watcher per watched account across all instances (started once the app is ready). */
  offerWatchers: OfferWatchers;
  metrics: GatewayMetrics;
  /** Writes to the cache store kept through an outage, retried until it is back. */
  cacheWrites: CacheWriter;
  /** Any form of SteamID to a SteamID64, as the CLI and MCP resolve it; vanities once per TTL. */
  resolveSteamId(who: string): Promise<ResolvedSteamId>;
  /** Checks the store (and Redis when configured) answer; StoreUnavailableError if not. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const PURGE_EVERY_MS = 10 * 60_000;

/** Parts given from outside (tests, embedders) instead of the defaults. */
export interface GatewayExtras {
  /** Where the offer watchers' events go; the webhook service by default. */
  events?: EventPublisher;
  /** An account's offer watcher; the trade library's by default. */
  watcherFactory?: AccountWatcherFactory;
  /** Who may manage webhooks and hear which accounts; the keys' scopes and accounts by default. */
  webhookAccess?: WebhookAccess;
}

export async function createGatewayServices(
  config: GatewayConfig,
  log: FastifyBaseLogger,
  extras: GatewayExtras = {},
): Promise<GatewayServices> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    sqlitePath: config.sqlitePath,
    onAvailability: logAvailability(log, 'PostgreSQL'),
  });
  let redis: Redis | undefined;
  try {
    redis = config.redisUrl
      ? await connectRedis(config.redisUrl, { onAvailability: logAvailability(log, 'Redis') })
      : undefined;
  } catch (error) {
    await database.close();
    throw error;
  }
  try {
    return await assemble(config, log, database, redis, extras);
  } catch (error) {
    // Nothing opened may stay open: the process must be able to exit on a failed start.
    redis?.disconnect();
    await database.close();
    throw error;
  }
}

/** Everything built on top of the opened stores (the price refresh's queue, with Redis, opens its own). */
async function assemble(
  config: GatewayConfig,
  log: FastifyBaseLogger,
  database: StoreDatabase,
  redis: Redis | undefined,
  extras: GatewayExtras,
): Promise<GatewayServices> {
  const metrics = new GatewayMetrics();
  const pacer = instrumentPacer(redis ? new RedisPacer(redis) : new LocalPacer(), metrics);
  const http = createHttpClient(config.core, { pacer, hooks: metrics.httpHooks() });
  const steam = config.core.steam;
  const clientOptions = {
    http,
    communityUrl: steam.communityUrl,
    intervalMs: steamSpacingMs(config),
    pageSize: steam.inventoryPageSize,
    language: steam.language,
    rateLimitCooldownMs: steam.rateLimitCooldownMs,
    maxQueueWaitMs: config.queueTimeoutMs,
  };
  // Vanity lookups share the inventory's pacing key and spacing (the profile page counts too).
  const resolveOptions = {
    http,
    communityUrl: steam.communityUrl,
    apiUrl: steam.apiUrl,
    apiKey: steam.apiKey,
    communityIntervalMs: clientOptions.intervalMs,
    maxQueueWaitMs: config.queueTimeoutMs,
    me: false as const,
    vanityCache: new MemoryVanityCache({ ttlMs: config.vanityCacheTtlMs }),
  };
  // STEAM_COOKIES is deliberately not used: one person's session must never serve every key.
  const anonymous = new SteamInventoryClient(clientOptions);
  const keys = new ApiKeyStore(database.db);
  const cacheStore = new CacheEntryStore(database.db);
  const cacheWrites = new CacheWriter(cacheStore, { log });
  const auth = new KeyAuthenticator(keys, config.keyCacheMs);
  const inventory = new InventoryService({
    ...config.cache,
    shared: redis !== undefined,
    clientFor: (cookies) => (cookies ? anonymous.withCookies(cookies) : anonymous),
    store: cacheStore,
    writes: cacheWrites,
    memory: new MemoryCache<CachedInventory>(config.cache.memoryMb * 1024 * 1024),
    flights: new SingleFlight<CachedInventory>(redis, {
      failureTtlMs: (error) => (isDefinitive(error) ? config.cache.errorTtlMs : 0),
    }),
    metrics,
    log,
  });
  // Roblox answers go through the same HttpClient, so with Redis its budget is shared too.
  const roblox = new RobloxService(
    config.core.roblox.apiKey || config.core.roblox.oauthToken
      ? createRobloxInventoryClient(config.core, { http })
      : undefined,
    config.cache.ttlMs,
  );
  // The operator's key answers every gateway key; `me` means nothing here (many callers).
  const webApi = new WebApiService({
    client: steam.apiKey
      ? createSteamWebApiClient(config.core, http, { me: false, maxQueueWaitMs: config.queueTimeoutMs })
      : undefined,
    ttls: config.webApiTtlMs,
    store: cacheStore,
    writes: cacheWrites,
    // Web API answers are small: an eighth of the in-process budget holds thousands.
    memory: new MemoryCache<WebApiEntry>((config.cache.memoryMb * 1024 * 1024) / 8),
    flights: new SingleFlight<WebApiEntry>(redis, {
      failureTtlMs: (error) => (isDefinitive(error) ? config.cache.errorTtlMs : 0),
    }),
    metrics,
  });
  const market = await createMarketServices(config, { database, http, log });
  const trading = new TradingService({
    config,
    database,
    http,
    keys,
    log,
  });
  const hooks = createWebhookServices(config, {
    database,
    inventory,
    snapshots: market.snapshots,
    metrics,
    log,
    access:
      extras.webhookAccess ??
      scopedWebhookAccess(
        (account, scope) => trading.keysFor(account, scope),
        (id) => keys.find(id),
      ),
  });
  const keepFor = Math.max(config.cache.maxStaleMs, config.cache.ttlMs + config.cache.staleWhileRevalidateMs);
  const purge = () =>
    void cacheStore
      .purge(Date.now() - keepFor)
      .catch((err: unknown) => log.warn({ err: quiet(err) }, 'cache purge failed'));
  const purgeTimer = setInterval(purge, PURGE_EVERY_MS);
  purgeTimer.unref();
  const offerWatchers = new OfferWatchers({
    trading,
    lock: redis ? new RedisLeaseLock(redis, config.watchLockTtlMs) : new LocalLeaseLock(),
    publisher: extras.events ?? hooks.webhooks,
    factory: extras.watcherFactory ?? libraryWatchers(config, database, log),
    tickMs: Math.max(100, Math.floor(config.watchLockTtlMs / 3)),
    log,
  });
  hooks.start();

  return {
    config,
    database,
    redis,
    http,
    keys,
    auth,
    quota: new QuotaService(config.defaultQuotaPerMinute, redis),
    inventory,
    roblox,
    webApi,
    market,
    trading,
    webhooks: hooks.webhooks,
    watches: hooks.watches,
    offerWatchers,
    metrics,
    cacheWrites,
    resolveSteamId: (who) => resolveSteamId(who, resolveOptions),
    async ready() {
      await database.ping().catch((error: unknown) => {
        throw storeUnavailable(database.store, error, database.location);
      });
      if (redis)
        await redis.ping().catch((error: unknown) => {
          throw storeUnavailable('Redis', error);
        });
    },
    async close() {
      clearInterval(purgeTimer);
      // First: watchers release their leases while Redis and the store are still there.
      await offerWatchers
        .close()
        .catch((err: unknown) => log.error({ err }, 'could not stop the offer watchers cleanly'));
      // Before the stores close: attempts in flight record their results.
      await hooks.close().catch((err: unknown) => log.error({ err }, 'could not stop webhooks cleanly'));
      await auth
        .close()
        .catch((err: unknown) => log.error({ err: quiet(err) }, 'could not save usage counters'));
      await cacheWrites.close();
      await roblox.close();
      await market.close();
      await http.close();
      // QUIT would wait for a reconnection that may never come: only ask a live server.
      if (redis?.status === 'ready') await redis.quit().catch(() => redis?.disconnect());
      else redis?.disconnect();
      await database.close();
    },
  };
}

/** Logs a store's loss and return, once each per outage. */
function logAvailability(log: FastifyBaseLogger, store: string): AvailabilityListener {
  return (available, reason) => {
    if (available) log.info({ store }, `${store} is available again`);
    else
      log.warn(
        { store, reason },
        `${store} is unavailable (${reason ?? 'unknown reason'}): degrading until it is back (docs/gateway.md)`,
      );
  };
}

/** An expected store failure logs as its one line; anything else with its stack. */
function quiet(error: unknown): unknown {
  return error instanceof StoreUnavailableError ? error.message : error;
}
