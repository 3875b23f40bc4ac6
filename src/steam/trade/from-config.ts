/**
 * @module steam/trade/from-config
 */
import { steamQueueWaitLimitMs, type GamestashConfig } from '../../core/config.js';
import type { HttpClient } from '../../core/http/client.js';
import { createSteamInventoryClient } from '../community/inventory/from-config.js';
import { sessionFromConfig } from '../session/from-config.js';
import type { SteamSession } from '../session/session.js';
import type { SteamWebApiClient } from '../webapi/client.js';
import { SteamTradeClient, type SteamTradeClientOptions } from './client.js';
import type { TradeStateStore } from './state-store.js';

export interface SteamTradeExtras extends Partial<
  Omit<SteamTradeClientOptions, 'http' | 'webapi' | 'store'>
> {
  /** Idempotency records and acknowledgements: `TradeStateStoreDb` (SQLite/PostgreSQL) or the in-memory one. */
  store: TradeStateStore;
  webapi: SteamWebApiClient;
  /** The session; read from STEAM_COOKIES / STEAM_SESSION_ID (when first needed) otherwise. */
  session?: SteamSession | undefined;
}

/** A trade client from the loaded config: community URL and pacing, STEAM_COOKIES, STEAM_ID. */
export function createSteamTradeClient(
  config: GamestashConfig,
  http: HttpClient,
  extras: SteamTradeExtras,
): SteamTradeClient {
  const { session, ...rest } = extras;
  return new SteamTradeClient({
    http,
    communityUrl: config.steam.communityUrl,
    communityIntervalMs: config.steam.communityIntervalMs,
    rateLimitCooldownMs: config.steam.rateLimitCooldownMs,
    maxQueueWaitMs: steamQueueWaitLimitMs(config),
    steamId: config.steam.steamId,
    language: config.steam.language,
    session: session ?? (config.steam.cookies ? () => sessionFromConfig(config) : undefined),
    inventory: createSteamInventoryClient(config, http),
    ...rest,
  });
}
