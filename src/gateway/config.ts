/**
 * @module gateway/config
 * The gateway's settings: the library config (Steam URLs, pacing, proxies, retries) plus
 * server, store, cache, quota and scheduling settings. Environment first, then flags
 * (overrides); a bad value fails at start, naming the variable.
 */
import { InvalidInputError } from '../core/errors.js';
import { loadConfig, type ConfigOverrides, type GamestashConfig } from '../core/config.js';
import { defined, int, list, text, type Env } from '../core/env.js';
import { registerSecret } from '../core/http/redact.js';
import { DEFAULT_VANITY_CACHE_TTL_MS } from '../steam/ids/vanity-cache.js';
import { SecretBox } from '../store/secret-box.js';

/** Where `serve` keeps its data unless GAMESTASH_DATA_DIR says otherwise (as it always has). */
export const SERVE_DATA_DIR = './data';

/**
 * The settings a start-up failure can be traced to, with the variable and the `serve` flag
 * that set each: the failure names the one the operator actually used.
 */
export const TRACED_SETTINGS = {
  port: { variable: 'GAMESTASH_PORT', flag: '--port' },
  host: { variable: 'GAMESTASH_HOST', flag: '--host' },
  databaseUrl: { variable: 'GAMESTASH_DATABASE_URL', flag: '--database-url' },
  sqlitePath: { variable: 'GAMESTASH_SQLITE_PATH', flag: '--sqlite' },
  redisUrl: { variable: 'GAMESTASH_REDIS_URL', flag: '--redis-url' },
  metricsPort: { variable: 'GAMESTASH_METRICS_PORT', flag: '--metrics-port' },
} as const;
export type TracedSetting = keyof typeof TRACED_SETTINGS;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface GatewayConfig {
  core: GamestashConfig;
  host: string;
  port: number;
  logLevel: LogLevel;
  /** Give in-flight requests this long to finish on SIGTERM/SIGINT, then exit anyway. */
  shutdownTimeoutMs: number;
  /** PostgreSQL URL; when absent the embedded SQLite file is used (core.store, repeated). */
  databaseUrl: string | undefined;
  /** GAMESTASH_SQLITE_PATH, else gamestash.sqlite in GAMESTASH_DATA_DIR (./data by default). */
  sqlitePath: string;
  /** Shared pacing, quotas and single flight across instances. */
  redisUrl: string | undefined;
  cache: {
    /** An entry younger than this is served without asking Steam. */
    ttlMs: number;
    /** After the TTL, serve the old entry at once for this long while refreshing it behind. */
    staleWhileRevalidateMs: number;
    /** When Steam fails, an entry this old may still be served (marked stale); older ones are purged. */
    maxStaleMs: number;
    /** A private or missing inventory is remembered this long (fresh=1 asks again). */
    errorTtlMs: number;
    /** In-process copy of hot entries, in megabytes (the store keeps everything). */
    memoryMb: number;
  };
  /** Requests per minute for keys created without --quota-per-minute. */
  defaultQuotaPerMinute: number;
  /** How long a request may wait for an upstream slot before a 503. */
  queueTimeoutMs: number;
  /**
   * Safety margin on the Steam spacing, in percent of it. The pacers count each spacing from
   * when the previous request reached the wire (however late its busy process sent it), so
   * the margin is left with what happens after: network and the upstream's own jitter in
   * stamping arrivals. A share of the interval keeps paced time within a few percent of the
   * floor at any interval (a fixed 50 ms cost 25% at 200 ms, nothing at 4 s).
   */
  pacingMarginPercent: number;
  /** A fixed margin added on top, in ms (0 by default). */
  pacingMarginMs: number;
  /** How long a key lookup is remembered; a revoked key stops working within this time. */
  keyCacheMs: number;
  /**
   * Where each traced setting came from, as the operator gave it (`--redis-url`,
   * `GAMESTASH_REDIS_URL`); absent when it is the default.
   */
  origins: Partial<Record<TracedSetting, string>>;
  /** How long a vanity name's SteamID64 is remembered (one upstream lookup per name per TTL). */
  vanityCacheTtlMs: number;
  /**
   * GAMESTASH_SECRET_KEY: registered Steam accounts are sealed with it (store/secret-box.ts).
   * Without it the trading routes answer 503 and no account is watched.
   */
  secretKey: string | undefined;
  /**
   * How long an instance's hold on an account's offer watcher lasts without renewal (Redis
   * lock): renewed every third of it; an instance that dies is replaced within about this long.
   */
  watchLockTtlMs: number;
  /** Web API answers are cached this long, by method family (services/webapi-families.ts). */
  webApiTtlMs: {
    /** Profiles, friends, games, achievements, stats, and methods of no other family. */
    players: number;
    /** News and global achievement percentages: the same for every caller, slow to change. */
    apps: number;
    /** GetSupportedAPIList. */
    list: number;
  };
  /** Browser origins allowed to call the API (CORS); `*` allows any; empty turns CORS off. */
  corsOrigins: string[];
  /** Serve `/metrics` on this port (0: any free one) instead of the main port. */
  metricsPort: number | undefined;
  /** When set, `/metrics` answers only to `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  /** `/docs` and `/openapi.json` want a gateway key, as the API routes do. */
  docsRequireKey: boolean;
  webhooks: {
    /** The first wait after a failed delivery; doubling (with jitter) up to retryMaxMs. */
    retryBaseMs: number;
    retryMaxMs: number;
    /** How long a delivery is retried before it is given up (a day). */
    retryForMs: number;
    /** A delivery attempt must be answered (2xx) within this. */
    timeoutMs: number;
    /** Deliver to loopback and private networks too (refused by default: SSRF). */
    allowPrivate: boolean;
    /** Attempts in flight per instance. */
    concurrency: number;
  };
  watches: {
    /** The shortest poll interval a key may ask for. */
    minIntervalMs: number;
    /** The interval of a watch that names none. */
    defaultIntervalMs: number;
    /** A poll's lease (renewed while it runs): how soon a crashed instance's poll is taken over. */
    leaseMs: number;
  };
}

export interface GatewayOverrides extends Partial<
  Omit<GatewayConfig, 'core' | 'cache' | 'origins' | 'webApiTtlMs' | 'webhooks' | 'watches'>
> {
  core?: ConfigOverrides;
  cache?: Partial<GatewayConfig['cache']>;
  webApiTtlMs?: Partial<GatewayConfig['webApiTtlMs']>;
  webhooks?: Partial<GatewayConfig['webhooks']>;
  watches?: Partial<GatewayConfig['watches']>;
  /** The overrides are `serve`'s flags: failures name `--port` rather than "the port option". */
  givenAsFlags?: boolean;
}

export function loadGatewayConfig(env: Env = process.env, overrides: GatewayOverrides = {}): GatewayConfig {
  const logLevel = (text(env, 'GAMESTASH_LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new InvalidInputError(
      `GAMESTASH_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`,
    );
  }
  const { core: coreOverrides, cache, webApiTtlMs, webhooks, watches, givenAsFlags, ...rest } = overrides;
  // `serve` (and `keys`, which must find the keys `serve` reads) keep ./data as their default.
  const core = loadConfig(
    env,
    { ...coreOverrides, store: { databaseUrl: rest.databaseUrl, sqlitePath: rest.sqlitePath } },
    { defaultDataDir: SERVE_DATA_DIR },
  );
  const config: GatewayConfig = {
    core,
    host: text(env, 'GAMESTASH_HOST') ?? '127.0.0.1',
    port: int(env, 'GAMESTASH_PORT', 3000, 0, 65535),
    logLevel,
    shutdownTimeoutMs: int(env, 'GAMESTASH_SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    databaseUrl: core.store.databaseUrl,
    sqlitePath: core.store.sqlitePath,
    redisUrl: text(env, 'GAMESTASH_REDIS_URL'),
    cache: {
      ttlMs: int(env, 'GAMESTASH_CACHE_TTL_MS', 300_000, 0, 30 * 86_400_000),
      staleWhileRevalidateMs: int(env, 'GAMESTASH_CACHE_SWR_MS', 60_000, 0, 30 * 86_400_000),
      maxStaleMs: int(env, 'GAMESTASH_CACHE_MAX_STALE_MS', 86_400_000, 0, 365 * 86_400_000),
      errorTtlMs: int(env, 'GAMESTASH_CACHE_ERROR_TTL_MS', 30_000, 0, 86_400_000),
      memoryMb: int(env, 'GAMESTASH_CACHE_MEMORY_MB', 256, 0, 65_536),
      ...defined(cache),
    },
    defaultQuotaPerMinute: int(env, 'GAMESTASH_DEFAULT_QUOTA_PER_MINUTE', 60, 1, 100_000_000),
    queueTimeoutMs: int(env, 'GAMESTASH_QUEUE_TIMEOUT_MS', 30_000, 0, 3_600_000),
    pacingMarginPercent: int(env, 'GAMESTASH_PACING_MARGIN_PERCENT', 2, 0, 100),
    pacingMarginMs: int(env, 'GAMESTASH_PACING_MARGIN_MS', 0, 0, 60_000),
    keyCacheMs: int(env, 'GAMESTASH_KEY_CACHE_MS', 5_000, 0, 3_600_000),
    vanityCacheTtlMs: int(
      env,
      'GAMESTASH_VANITY_CACHE_TTL_MS',
      DEFAULT_VANITY_CACHE_TTL_MS,
      0,
      30 * 86_400_000,
    ),
    secretKey: checkedSecretKey(text(env, 'GAMESTASH_SECRET_KEY')),
    watchLockTtlMs: int(env, 'GAMESTASH_WATCH_LOCK_TTL_MS', 30_000, 300, 3_600_000),
    webApiTtlMs: {
      players: int(env, 'GAMESTASH_WEBAPI_PLAYERS_TTL_MS', 300_000, 0, 30 * 86_400_000),
      apps: int(env, 'GAMESTASH_WEBAPI_APPS_TTL_MS', 3_600_000, 0, 30 * 86_400_000),
      list: int(env, 'GAMESTASH_WEBAPI_LIST_TTL_MS', 86_400_000, 0, 30 * 86_400_000),
      ...defined(webApiTtlMs),
    },
    corsOrigins: origins(list(env, 'GAMESTASH_CORS_ORIGINS'), 'GAMESTASH_CORS_ORIGINS'),
    metricsPort: text(env, 'GAMESTASH_METRICS_PORT')
      ? int(env, 'GAMESTASH_METRICS_PORT', 0, 0, 65535)
      : undefined,
    metricsToken: text(env, 'GAMESTASH_METRICS_TOKEN'),
    docsRequireKey: flag(env, 'GAMESTASH_DOCS_REQUIRE_KEY'),
    webhooks: {
      retryBaseMs: int(env, 'GAMESTASH_WEBHOOK_RETRY_BASE_MS', 10_000, 1, 86_400_000),
      retryMaxMs: int(env, 'GAMESTASH_WEBHOOK_RETRY_MAX_MS', 3_600_000, 1, 86_400_000),
      retryForMs: int(env, 'GAMESTASH_WEBHOOK_RETRY_FOR_MS', 86_400_000, 0, 30 * 86_400_000),
      timeoutMs: int(env, 'GAMESTASH_WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
      allowPrivate: flag(env, 'GAMESTASH_WEBHOOK_ALLOW_PRIVATE'),
      concurrency: int(env, 'GAMESTASH_WEBHOOK_CONCURRENCY', 16, 1, 1_000),
      ...defined(webhooks),
    },
    watches: {
      minIntervalMs: int(env, 'GAMESTASH_WATCH_MIN_INTERVAL_MS', 60_000, 0, 86_400_000),
      defaultIntervalMs: int(env, 'GAMESTASH_WATCH_DEFAULT_INTERVAL_MS', 300_000, 0, 86_400_000),
      leaseMs: int(env, 'GAMESTASH_WATCH_LEASE_MS', 60_000, 300, 3_600_000),
      ...defined(watches),
    },
    ...defined(rest),
    origins: {},
  };
  for (const [setting, names] of Object.entries(TRACED_SETTINGS) as [
    TracedSetting,
    { variable: string; flag: string },
  ][]) {
    if (rest[setting] !== undefined)
      config.origins[setting] = givenAsFlags ? names.flag : `the ${setting} option`;
    else if (text(env, names.variable) !== undefined) config.origins[setting] = names.variable;
  }
  // A SQLite file nobody named lives in GAMESTASH_DATA_DIR when that is set.
  if (!config.origins.sqlitePath && text(env, 'GAMESTASH_DATA_DIR') !== undefined) {
    config.origins.sqlitePath = 'GAMESTASH_DATA_DIR';
  }
  if (rest.corsOrigins) config.corsOrigins = origins(rest.corsOrigins, '--cors-origins');
  // The token guards the metrics: it must never show in a log line or an error.
  registerSecret(config.metricsToken);
  return config;
}

/** A malformed key is a bad setting, refused at start; a missing one only turns trading off. */
function checkedSecretKey(value: string | undefined): string | undefined {
  if (value !== undefined) SecretBox.fromSecretKey(value);
  return value;
}

/** The spacing the gateway keeps between Steam requests per egress route: the interval plus its margin. */
export function steamSpacingMs(config: GatewayConfig): number {
  const interval = config.core.steam.communityIntervalMs;
  if (interval <= 0) return 0;
  return interval + Math.ceil((interval * config.pacingMarginPercent) / 100) + config.pacingMarginMs;
}

/** `*`, or origins as a browser sends them: `https://app.example`, `http://localhost:5173`. */
function origins(values: string[], name: string): string[] {
  for (const value of values) {
    if (value === '*') continue;
    let origin: string | undefined;
    try {
      origin = new URL(value).origin;
    } catch {
      origin = undefined;
    }
    if (origin !== value.replace(/\/$/, '') || !/^https?:/.test(value)) {
      throw new InvalidInputError(
        `${name} takes comma-separated origins such as https://app.example (scheme, host, optional port; no path) or *, got "${value}"`,
        name,
      );
    }
  }
  return values.map((value) => value.replace(/\/$/, ''));
}

function flag(env: Env, name: string): boolean {
  const value = text(env, name)?.toLowerCase();
  if (value === undefined || ['0', 'false', 'no', 'off'].includes(value)) return false;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  throw new InvalidInputError(`${name} must be 1 or 0 (true or false), got "${value}"`, name);
}
