/**
 * @module gateway/services
 * Builds everything the routes use from the config, in one place: store, optional Redis,
 * pacing (shared through Redis when configured), the upstream client, cache, quotas and key
 * authentication. `close()` releases them in reverse order.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import { createHttpClient } from '../../core/http/from-config.js';
import type { HttpClient } from '../../core/http/client.js';
import { LocalPacer } from '../../core/http/pacer.js';
import { RedisPacer } from '../../core/http/redis-pacer.js';
import { SteamInventoryClient } from '../../steam/community/inventory/client.js';
import { ApiKeyStore } from '../../store/api-keys.js';
import { CacheEntryStore } from '../../store/cache-entries.js';
import { openDatabase, type StoreDatabase } from '../../store/database.js';
import { connectRedis } from '../../store/redis.js';
import { steamSpacingMs, type GatewayConfig } from '../config.js';
import type { CachedInventory } from './cached-inventory.js';
import { instrumentPacer } from './instrumented-pacer.js';
import { InventoryService, isDefinitive } from './inventory-service.js';
import { KeyAuthenticator } from './key-auth.js';
import { MemoryCache } from './memory-cache.js';
import { GatewayMetrics } from './metrics.js';
import { QuotaService } from './quota.js';
import { RobloxService } from './roblox-service.js';
import { createRobloxInventoryClient } from '../../roblox/inventory/from-config.js';
import { SingleFlight } from './single-flight.js';

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
  metrics: GatewayMetrics;
  /** Checks the store (and Redis when configured) answer. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const PURGE_EVERY_MS = 10 * 60_000;

export async function createGatewayServices(
  config: GatewayConfig,
  log: FastifyBaseLogger,
): Promise<GatewayServices> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  let redis: Redis | undefined;
  try {
    redis = config.redisUrl ? await connectRedis(config.redisUrl) : undefined;
  } catch (error) {
    await database.close();
    throw error;
  }
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
  // STEAM_COOKIES is deliberately not used: one person's session must never serve every key.
  const anonymous = new SteamInventoryClient(clientOptions);
  const keys = new ApiKeyStore(database.db);
  const cacheStore = new CacheEntryStore(database.db);
  const auth = new KeyAuthenticator(keys, config.keyCacheMs);
  const inventory = new InventoryService({
    ...config.cache,
    shared: redis !== undefined,
    clientFor: (cookies) => (cookies ? anonymous.withCookies(cookies) : anonymous),
    store: cacheStore,
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
  const keepFor = Math.max(config.cache.maxStaleMs, config.cache.ttlMs + config.cache.staleWhileRevalidateMs);
  const purge = () =>
    void cacheStore
      .purge(Date.now() - keepFor)
      .catch((err: unknown) => log.warn({ err }, 'cache purge failed'));
  const purgeTimer = setInterval(purge, PURGE_EVERY_MS);
  purgeTimer.unref();

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
    metrics,
    async ready() {
      await database.ping();
      if (redis) await redis.ping();
    },
    async close() {
      clearInterval(purgeTimer);
      await auth.close().catch((err: unknown) => log.error({ err }, 'could not save usage counters'));
      await roblox.close();
      await http.close();
      // QUIT would wait for a reconnection that may never come: only ask a live server.
      if (redis?.status === 'ready') await redis.quit().catch(() => redis?.disconnect());
      else redis?.disconnect();
      await database.close();
    },
  };
}
