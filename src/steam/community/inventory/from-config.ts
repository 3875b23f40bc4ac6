/**
 * @module steam/community/inventory/from-config
 */
import { steamQueueWaitLimitMs, type GamestashConfig } from '../../../core/config.js';
import type { HttpClient } from '../../../core/http/client.js';
import { SteamInventoryClient } from './client.js';

/** Builds an inventory client from the loaded config; the owner's cookies go along if set. */
export function createSteamInventoryClient(config: GamestashConfig, http: HttpClient): SteamInventoryClient {
  return new SteamInventoryClient({
    http,
    communityUrl: config.steam.communityUrl,
    intervalMs: config.steam.communityIntervalMs,
    pageSize: config.steam.inventoryPageSize,
    language: config.steam.language,
    cookies: steamCookieHeader(config),
    rateLimitCooldownMs: config.steam.rateLimitCooldownMs,
    maxQueueWaitMs: steamQueueWaitLimitMs(config),
  });
}

/** STEAM_COOKIES plus `sessionid=` from STEAM_SESSION_ID when the cookies lack it. */
export function steamCookieHeader(config: GamestashConfig): string | undefined {
  const { cookies, sessionId } = config.steam;
  if (!cookies) return undefined;
  if (sessionId && !/(^|;\s*)sessionid=/.test(cookies)) return `${cookies}; sessionid=${sessionId}`;
  return cookies;
}
