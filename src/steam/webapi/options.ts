/**
 * @module steam/webapi/options
 * The Web API client's options, and those of the typed methods that take more than the
 * common per-call ones (Steam's own parameter names).
 */
import type { HttpClient } from '../../core/http/client.js';
import type { WebApiCallOptions } from './call.js';

/** A 429's first hold-back on the Web API host, doubling while they continue (core/http). */
export const DEFAULT_WEBAPI_RATE_LIMIT_COOLDOWN_MS = 10_000;

export interface SteamWebApiClientOptions {
  http: HttpClient;
  apiUrl: string;
  /** STEAM_API_KEY: sent as `key=` in the query string (redacted everywhere it is reported). */
  apiKey?: string | undefined;
  /** An access token for calls made with `auth: 'token'` (or when there is no key). */
  accessToken?: string | undefined;
  /** Spacing between Web API requests; 0 by default (Steam's limit is per day, 429s cool down). */
  intervalMs?: number;
  rateLimitCooldownMs?: number;
  maxQueueWaitMs?: number;
  /** Community host, for vanity names when there is no key (the profile's `?xml=1` page). */
  communityUrl?: string;
  communityIntervalMs?: number;
  /** Where GetSupportedAPIList is kept for a day; in memory only without it. */
  cacheDir?: string | undefined;
  apiListTtlMs?: number;
  /**
   * What `<who>` "me" stands for (steam/ids/resolve.ts): STEAM_ID on the CLI and MCP (the
   * default from the config); `false` on the gateway, which serves many callers.
   */
  me?: string | false | undefined;
  /** GetPlayerSummaries chunks in flight at once (default 4). */
  summariesConcurrency?: number;
}

export interface OwnedGamesOptions extends WebApiCallOptions {
  include_appinfo?: boolean;
  include_played_free_games?: boolean;
  /** Only these apps; Steam takes it through input_json only (seed 004). */
  appids_filter?: readonly number[];
  include_free_sub?: boolean;
  skip_unvetted_apps?: boolean;
  language?: string;
  include_extended_appinfo?: boolean;
}
