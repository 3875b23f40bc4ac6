/**
 * @module core/config
 * Environment variables and flags become one typed config object. Flags (overrides) win
 * over the environment; the environment wins over defaults. Bad values fail loudly here,
 * naming the variable, instead of surfacing later as odd upstream errors.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { InvalidInputError } from './errors.js';
import { checkUrl, defined, int, list, text, url, type Env } from './env.js';
import { registerSecret } from './http/redact.js';

export interface SteamConfig {
  communityUrl: string;
  apiUrl: string;
  /** Minimum spacing between requests to the community host, per egress route. */
  communityIntervalMs: number;
  /** Page size for inventory requests; Steam's cap is 1000 or 2000 (UPSTREAM.md). */
  inventoryPageSize: number;
  /** Cool-down after a 429 that carried no Retry-After; doubles on each consecutive 429. */
  rateLimitCooldownMs: number;
  language: string;
  steamId: string | undefined;
  apiKey: string | undefined;
  cookies: string | undefined;
  sessionId: string | undefined;
  /** STEAM_SHARED_SECRET: the authenticator's `shared_secret` (login codes). */
  sharedSecret: string | undefined;
  /** STEAM_IDENTITY_SECRET: the authenticator's `identity_secret` (mobile confirmations). */
  identitySecret: string | undefined;
  /** STEAM_DEVICE_ID: the authenticator's device id; derived from the SteamID when unset. */
  deviceId: string | undefined;
}

export interface RobloxConfig {
  apiUrl: string;
  apiKey: string | undefined;
  oauthToken: string | undefined;
  /** Who owns the API key (user or group): every key of one owner shares one rate budget. */
  owner: string | undefined;
  /** Requests per minute allowed per API-key owner (shared by all that owner's keys). */
  apiKeyPerMinute: number;
  /** Requests per minute allowed per OAuth2 token. */
  oauthPerMinute: number;
}

export interface HttpConfig {
  timeoutMs: number;
  retries: number;
  /** A retry that would wait longer than this is not attempted; the error is raised instead. */
  maxRetryWaitMs: number;
  proxies: string[];
}

/** Where what gamestash remembers lives: SQLite, or PostgreSQL when a URL is set. */
export interface StoreConfig {
  /** `GAMESTASH_DATABASE_URL`: PostgreSQL instead of the SQLite file. */
  databaseUrl: string | undefined;
  /** `GAMESTASH_SQLITE_PATH`, else `gamestash.sqlite` in the data directory. */
  sqlitePath: string;
}

/** Price sources (docs/value.md). */
export interface MarketConfig {
  /** Skinport's API base URL (point it at the emulator in tests). */
  skinportUrl: string;
  /** Spacing between Skinport requests (it allows a few per 5 minutes). */
  skinportIntervalMs: number;
  /** A cached price older than this is refreshed before use; if that fails it is used, marked stale. */
  priceMaxAgeMs: number;
}

/** The offer watcher's pace (docs/trading.md, "Watching for changes"). */
export interface TradeWatchConfig {
  /** `GAMESTASH_OFFER_POLL_INTERVAL_MS`: between two polls of the offer lists. */
  offerPollIntervalMs: number;
  /** `GAMESTASH_OFFER_FULL_POLL_INTERVAL_MS`: a full poll (active plus recent history) at least this often. */
  offerFullPollIntervalMs: number;
  /** `GAMESTASH_REVERSAL_CHECK_INTERVAL_MS`: between two reversal checks of one accepted trade. */
  reversalCheckIntervalMs: number;
}

export interface GamestashConfig {
  steam: SteamConfig;
  roblox: RobloxConfig;
  http: HttpConfig;
  /**
   * `GAMESTASH_DATA_DIR`: the one place for what gamestash remembers, on every front-end
   * (the SQLite file, cache files, ...). Use {@link dataPath} for a file in it.
   */
  dataDir: string;
  store: StoreConfig;
  market: MarketConfig;
  tradeWatch: TradeWatchConfig;
}

export type { Env } from './env.js';

export interface ConfigOverrides {
  steam?: Partial<SteamConfig>;
  roblox?: Partial<RobloxConfig>;
  http?: Partial<HttpConfig>;
  dataDir?: string | undefined;
  store?: Partial<StoreConfig>;
  market?: Partial<MarketConfig>;
  tradeWatch?: Partial<TradeWatchConfig>;
}

export interface LoadConfigOptions {
  /**
   * The data directory when GAMESTASH_DATA_DIR is not set: the user's data directory
   * ({@link userDataDir}) unless a front-end says otherwise (`serve` keeps `./data`).
   */
  defaultDataDir?: string;
}

/** The SQLite file's name inside the data directory. */
export const SQLITE_FILE_NAME = 'gamestash.sqlite';

/**
 * The user's data directory for gamestash (XDG Base Directory): `$XDG_DATA_HOME/gamestash`,
 * else `~/.local/share/gamestash`; `%LOCALAPPDATA%\gamestash` on Windows.
 */
export function userDataDir(env: Env = process.env, platform: NodeJS.Platform = process.platform): string {
  const xdg = text(env, 'XDG_DATA_HOME');
  // The spec ignores a relative XDG_DATA_HOME.
  if (xdg && xdg.startsWith('/')) return join(xdg, 'gamestash');
  const localAppData = text(env, 'LOCALAPPDATA');
  if (platform === 'win32' && localAppData) return join(localAppData, 'gamestash');
  return join(text(env, 'HOME') ?? homedir(), '.local', 'share', 'gamestash');
}

/** A file in the data directory, e.g. `dataPath(config, 'webapi-methods.json')`; absolute. */
export function dataPath(config: Pick<GamestashConfig, 'dataDir'>, ...parts: string[]): string {
  return resolve(config.dataDir, ...parts);
}

/** Steam answers 400 with a null body above 2000 per page since 2025-05-28 (UPSTREAM.md). */
export const MAX_INVENTORY_PAGE_SIZE = 2000;

/** First hold-back after a community 429 (UPSTREAM.md: cool down for minutes, growing). */
export const DEFAULT_STEAM_RATE_LIMIT_COOLDOWN_MS = 60_000;

/**
 * How long a request may wait for its pacing slot before failing with `QueueTimeoutError`.
 * Normal pacing queues a few intervals at most; a cool-down after a 429 (a minute, doubling)
 * is longer, and a long-running caller (MCP, an app) should hear so at once, with the wait,
 * rather than hang.
 */
export function steamQueueWaitLimitMs(config: GamestashConfig): number {
  return Math.max(config.http.maxRetryWaitMs, 4 * config.steam.communityIntervalMs);
}

export function loadConfig(
  env: Env = process.env,
  overrides: ConfigOverrides = {},
  options: LoadConfigOptions = {},
): GamestashConfig {
  const steam: SteamConfig = {
    communityUrl: url(env, 'GAMESTASH_STEAM_COMMUNITY_URL', 'https://steamcommunity.com'),
    apiUrl: url(env, 'GAMESTASH_STEAM_API_URL', 'https://api.steampowered.com'),
    communityIntervalMs: int(env, 'GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS', 4000, 0, 3_600_000),
    inventoryPageSize: int(env, 'GAMESTASH_STEAM_INVENTORY_PAGE_SIZE', 2000, 1, MAX_INVENTORY_PAGE_SIZE),
    rateLimitCooldownMs: int(
      env,
      'GAMESTASH_STEAM_RATE_LIMIT_COOLDOWN_MS',
      DEFAULT_STEAM_RATE_LIMIT_COOLDOWN_MS,
      0,
      86_400_000,
    ),
    language: text(env, 'GAMESTASH_STEAM_LANGUAGE') ?? 'english',
    steamId: text(env, 'STEAM_ID'),
    apiKey: text(env, 'STEAM_API_KEY'),
    cookies: text(env, 'STEAM_COOKIES'),
    sessionId: text(env, 'STEAM_SESSION_ID'),
    sharedSecret: text(env, 'STEAM_SHARED_SECRET'),
    identitySecret: text(env, 'STEAM_IDENTITY_SECRET'),
    deviceId: text(env, 'STEAM_DEVICE_ID'),
    ...defined(overrides.steam),
  };
  const roblox: RobloxConfig = {
    apiUrl: url(env, 'GAMESTASH_ROBLOX_API_URL', 'https://apis.roblox.com'),
    apiKey: text(env, 'ROBLOX_API_KEY'),
    oauthToken: text(env, 'ROBLOX_OAUTH_TOKEN'),
    owner: text(env, 'GAMESTASH_ROBLOX_API_KEY_OWNER'),
    apiKeyPerMinute: int(env, 'GAMESTASH_ROBLOX_API_KEY_PER_MINUTE', 100, 1, 1_000_000),
    oauthPerMinute: int(env, 'GAMESTASH_ROBLOX_OAUTH_PER_MINUTE', 20, 1, 1_000_000),
    ...defined(overrides.roblox),
  };
  const http: HttpConfig = {
    timeoutMs: int(env, 'GAMESTASH_HTTP_TIMEOUT_MS', 30_000, 1, 600_000),
    retries: int(env, 'GAMESTASH_HTTP_RETRIES', 3, 0, 20),
    maxRetryWaitMs: int(env, 'GAMESTASH_MAX_RETRY_WAIT_MS', 15_000, 0, 3_600_000),
    proxies: list(env, 'GAMESTASH_PROXIES').map((p) => checkUrl(p, 'GAMESTASH_PROXIES')),
    ...defined(overrides.http),
  };
  const market: MarketConfig = {
    skinportUrl: url(env, 'GAMESTASH_SKINPORT_URL', 'https://api.skinport.com'),
    skinportIntervalMs: int(env, 'GAMESTASH_SKINPORT_INTERVAL_MS', 40_000, 0, 3_600_000),
    priceMaxAgeMs: int(env, 'GAMESTASH_PRICE_MAX_AGE_MS', 3_600_000, 0, 30 * 86_400_000),
    ...defined(overrides.market),
  };
  const tradeWatch: TradeWatchConfig = {
    offerPollIntervalMs: int(env, 'GAMESTASH_OFFER_POLL_INTERVAL_MS', 30_000, 1_000, 86_400_000),
    offerFullPollIntervalMs: int(env, 'GAMESTASH_OFFER_FULL_POLL_INTERVAL_MS', 120_000, 0, 86_400_000),
    reversalCheckIntervalMs: int(
      env,
      'GAMESTASH_REVERSAL_CHECK_INTERVAL_MS',
      3_600_000,
      1_000,
      7 * 86_400_000,
    ),
    ...defined(overrides.tradeWatch),
  };
  market.skinportUrl = checkUrl(market.skinportUrl, '--skinport-url').replace(/\/+$/, '');
  // Flags arrive as overrides: check their URLs as strictly as the environment's.
  steam.communityUrl = checkUrl(steam.communityUrl, '--community-url').replace(/\/+$/, '');
  steam.apiUrl = checkUrl(steam.apiUrl, '--api-url').replace(/\/+$/, '');
  roblox.apiUrl = checkUrl(roblox.apiUrl, '--roblox-api-url').replace(/\/+$/, '');
  if (steam.inventoryPageSize > MAX_INVENTORY_PAGE_SIZE || steam.inventoryPageSize < 1) {
    throw new InvalidInputError(
      `inventory page size ${steam.inventoryPageSize} is out of range: use 1 to ${MAX_INVENTORY_PAGE_SIZE} (Steam answers 400 above its cap)`,
      'count',
    );
  }
  for (const secret of [
    steam.apiKey,
    steam.cookies,
    steam.sessionId,
    steam.sharedSecret,
    steam.identitySecret,
    steam.deviceId,
    roblox.apiKey,
    roblox.oauthToken,
  ]) {
    registerSecret(secret);
  }
  const dataDir =
    overrides.dataDir ?? text(env, 'GAMESTASH_DATA_DIR') ?? options.defaultDataDir ?? userDataDir(env);
  const store: StoreConfig = {
    databaseUrl: text(env, 'GAMESTASH_DATABASE_URL'),
    sqlitePath: text(env, 'GAMESTASH_SQLITE_PATH') ?? join(dataDir, SQLITE_FILE_NAME),
    ...defined(overrides.store),
  };
  return { steam, roblox, http, market, dataDir, store, tradeWatch };
}
