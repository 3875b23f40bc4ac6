/**
 * @module gateway/services/market-services
 * What the value and history routes use: prices through the shared store (sources on the
 * gateway's transport, so the Steam market shares the community host's pacing with the
 * inventory fetches, margin included), snapshots, and the background refresh of the price
 * sets callers asked for.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { HttpClient } from '../../core/http/client.js';
import { createPriceService } from '../../steam/market/from-config.js';
import type { PriceService } from '../../steam/market/price-service.js';
import { refreshDuePrices } from '../../steam/market/refresh.js';
import type { StoreDatabase } from '../../store/database.js';
import { PriceStore } from '../../store/prices.js';
import { SnapshotStore } from '../../store/snapshots.js';
import type { GatewayConfig } from '../config.js';
import { startPriceRefresh, type PriceRefreshScheduler } from './price-refresh.js';

/** How often the background refresh looks for price sets about to go stale. */
export const PRICE_REFRESH_TICK_MS = 60_000;

export interface MarketServices {
  prices: PriceService;
  priceStore: PriceStore;
  snapshots: SnapshotStore;
  refresh: PriceRefreshScheduler;
  close(): Promise<void>;
}

export async function createMarketServices(
  config: GatewayConfig,
  deps: { database: StoreDatabase; http: HttpClient; log: FastifyBaseLogger; refreshEveryMs?: number },
): Promise<MarketServices> {
  const { log } = deps;
  const priceStore = new PriceStore(deps.database.db);
  const steam = config.core.steam;
  const prices = createPriceService(config.core, deps.http, priceStore, {
    communityIntervalMs:
      steam.communityIntervalMs > 0 ? steam.communityIntervalMs + config.pacingMarginMs : 0,
    maxQueueWaitMs: config.queueTimeoutMs,
    onWarning: (message) => log.warn({ message }, 'price source warning'),
  });
  const refresh = await startPriceRefresh({
    redisUrl: config.redisUrl,
    everyMs: deps.refreshEveryMs ?? PRICE_REFRESH_TICK_MS,
    log,
    run: async (signal, job) => {
      const report = await refreshDuePrices(prices, priceStore, { signal });
      if (report.refreshed.length || report.failed.length) log.info({ job, ...report }, 'prices refreshed');
    },
  });
  return {
    prices,
    priceStore,
    snapshots: new SnapshotStore(deps.database.db),
    refresh,
    close: () => refresh.close(),
  };
}
