/**
 * @module steam/webapi/from-config
 */
import type { GamestashConfig } from '../../core/config.js';
import type { HttpClient } from '../../core/http/client.js';
import { SteamWebApiClient } from './client.js';
import type { SteamWebApiClientOptions } from './options.js';

/** What the front-ends add to the config: a cache directory, an access token, tuning. */
export type SteamWebApiExtras = Partial<Omit<SteamWebApiClientOptions, 'http'>>;

/** A Web API client from the loaded config: GAMESTASH_STEAM_API_URL, STEAM_API_KEY, STEAM_ID (`me`), the retry budget. */
export function createSteamWebApiClient(
  config: GamestashConfig,
  http: HttpClient,
  extras: SteamWebApiExtras = {},
): SteamWebApiClient {
  return new SteamWebApiClient({
    http,
    apiUrl: config.steam.apiUrl,
    apiKey: config.steam.apiKey,
    communityUrl: config.steam.communityUrl,
    communityIntervalMs: config.steam.communityIntervalMs,
    // A pacing wait (a 429 cool-down) longer than the retry budget fails at once, with the wait.
    maxQueueWaitMs: config.http.maxRetryWaitMs,
    // `me` is the configured account; the gateway passes `me: false`.
    me: config.steam.steamId,
    ...extras,
  });
}
