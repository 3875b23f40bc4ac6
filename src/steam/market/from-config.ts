/**
 * @module steam/market/from-config
 * Price sources and the price service from the loaded config: the Steam market paced like
 * inventories (same host key, same spacing and cool-down), Skinport on its own key.
 */
import { steamQueueWaitLimitMs, type GamestashConfig } from '../../core/config.js';
import type { HttpClient } from '../../core/http/client.js';
import type { PriceStore } from '../../store/prices.js';
import type { PriceSource, PriceSourceId } from './price-source.js';
import { PriceService } from './price-service.js';
import { SkinportSource } from './skinport-source.js';
import { SteamMarketSource } from './steam-source.js';

export interface PriceSourceExtras {
  /** Community spacing as the caller paces inventories (the gateway adds its margin). */
  communityIntervalMs?: number;
  maxQueueWaitMs?: number;
}

export function createPriceSources(
  config: GamestashConfig,
  http: HttpClient,
  extras: PriceSourceExtras = {},
): Record<PriceSourceId, PriceSource> {
  const maxQueueWaitMs = extras.maxQueueWaitMs ?? steamQueueWaitLimitMs(config);
  return {
    steam: new SteamMarketSource({
      http,
      communityUrl: config.steam.communityUrl,
      intervalMs: extras.communityIntervalMs ?? config.steam.communityIntervalMs,
      rateLimitCooldownMs: config.steam.rateLimitCooldownMs,
      maxQueueWaitMs,
    }),
    skinport: new SkinportSource({
      http,
      url: config.market.skinportUrl,
      intervalMs: config.market.skinportIntervalMs,
      maxQueueWaitMs: Math.max(maxQueueWaitMs, config.market.skinportIntervalMs),
    }),
  };
}

export function createPriceService(
  config: GamestashConfig,
  http: HttpClient,
  store: PriceStore,
  options: PriceSourceExtras & { onWarning?: (message: string) => void } = {},
): PriceService {
  return new PriceService({
    store,
    sources: createPriceSources(config, http, options),
    maxAgeMs: config.market.priceMaxAgeMs,
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  });
}
