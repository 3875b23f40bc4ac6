import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../core/errors.js';
import { loadGatewayConfig, steamSpacingMs } from './config.js';

describe('loadGatewayConfig', () => {
  it('has defaults that need no set-up', () => {
    const config = loadGatewayConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      logLevel: 'info',
      databaseUrl: undefined,
      sqlitePath: 'data/gamestash.sqlite',
      redisUrl: undefined,
      cache: { ttlMs: 300_000 },
    });
  });

  it('reads the environment, and flags override it', () => {
    const env = {
      GAMESTASH_PORT: '8080',
      GAMESTASH_CACHE_TTL_MS: '1000',
      GAMESTASH_REDIS_URL: 'redis://r:6379',
    };
    const config = loadGatewayConfig(env, { port: 9090, cache: { ttlMs: undefined } });
    expect(config.port).toBe(9090);
    expect(config.cache.ttlMs).toBe(1000);
    expect(config.redisUrl).toBe('redis://r:6379');
  });

  it('keeps its data in GAMESTASH_DATA_DIR (./data by default), unless a SQLite path or database URL says otherwise', () => {
    // Not the user's data directory: `serve` keeps ./data, as it always has.
    expect(loadGatewayConfig({ XDG_DATA_HOME: '/xdg' }).core.dataDir).toBe('./data');
    const moved = loadGatewayConfig({ GAMESTASH_DATA_DIR: '/srv/gamestash' });
    expect(moved.core.dataDir).toBe('/srv/gamestash');
    expect(moved.sqlitePath).toBe('/srv/gamestash/gamestash.sqlite');
    expect(moved.core.store.sqlitePath).toBe(moved.sqlitePath);
    const file = loadGatewayConfig({
      GAMESTASH_DATA_DIR: '/srv/gamestash',
      GAMESTASH_SQLITE_PATH: '/db/x.sqlite',
    });
    expect(file.sqlitePath).toBe('/db/x.sqlite');
    // A flag (--sqlite) wins over both.
    expect(
      loadGatewayConfig({ GAMESTASH_SQLITE_PATH: '/db/x.sqlite' }, { sqlitePath: '/flag.sqlite' }).sqlitePath,
    ).toBe('/flag.sqlite');
    const pg = loadGatewayConfig({}, { databaseUrl: 'postgres://db/gamestash' });
    expect([pg.databaseUrl, pg.core.store.databaseUrl]).toEqual([
      'postgres://db/gamestash',
      'postgres://db/gamestash',
    ]);
  });

  it('names the variable when a value is bad', () => {
    expect(() => loadGatewayConfig({ GAMESTASH_PORT: 'http' })).toThrow(
      /GAMESTASH_PORT must be a whole number/,
    );
    expect(() => loadGatewayConfig({ GAMESTASH_LOG_LEVEL: 'loud' })).toThrow(InvalidInputError);
  });

  it('reads CORS origins, the metrics port and token, and the docs key switch', () => {
    const config = loadGatewayConfig({
      GAMESTASH_CORS_ORIGINS: 'https://app.example/, http://localhost:5173',
      GAMESTASH_METRICS_PORT: '9464',
      GAMESTASH_METRICS_TOKEN: 'scrape-token-1',
      GAMESTASH_DOCS_REQUIRE_KEY: 'true',
    });
    expect(config).toMatchObject({
      corsOrigins: ['https://app.example', 'http://localhost:5173'],
      metricsPort: 9464,
      metricsToken: 'scrape-token-1',
      docsRequireKey: true,
    });
    expect(loadGatewayConfig({})).toMatchObject({
      corsOrigins: [],
      metricsPort: undefined,
      docsRequireKey: false,
    });
    expect(loadGatewayConfig({ GAMESTASH_CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
    expect(loadGatewayConfig({}, { corsOrigins: ['https://a.example'] }).corsOrigins).toEqual([
      'https://a.example',
    ]);
  });

  it('refuses an origin with a path, a bare host, or an unclear switch, naming the setting', () => {
    expect(() => loadGatewayConfig({ GAMESTASH_CORS_ORIGINS: 'https://app.example/path' })).toThrow(
      /GAMESTASH_CORS_ORIGINS takes comma-separated origins/,
    );
    expect(() => loadGatewayConfig({ GAMESTASH_CORS_ORIGINS: 'app.example' })).toThrow(
      /GAMESTASH_CORS_ORIGINS/,
    );
    expect(() => loadGatewayConfig({}, { corsOrigins: ['ftp://x'] })).toThrow(/--cors-origins/);
    expect(() => loadGatewayConfig({ GAMESTASH_DOCS_REQUIRE_KEY: 'maybe' })).toThrow(
      /GAMESTASH_DOCS_REQUIRE_KEY must be 1 or 0/,
    );
  });

  it('keeps the Steam spacing within 5% of the interval at every interval from 200 ms to 4 s', () => {
    for (const interval of [200, 250, 500, 1000, 2000, 4000]) {
      const spacing = steamSpacingMs(
        loadGatewayConfig({ GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: String(interval) }),
      );
      expect(spacing, `${interval} ms`).toBeGreaterThan(interval);
      expect(spacing / interval, `${interval} ms`).toBeLessThanOrEqual(1.05);
    }
    // The margin grows with the interval: more room where it costs nothing.
    const at = (interval: number) =>
      steamSpacingMs(loadGatewayConfig({ GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: String(interval) })) -
      interval;
    expect(at(4000)).toBeGreaterThan(at(200) * 10);
    expect(steamSpacingMs(loadGatewayConfig({ GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '0' }))).toBe(0);
    const fixed = loadGatewayConfig({
      GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '1000',
      GAMESTASH_PACING_MARGIN_PERCENT: '0',
      GAMESTASH_PACING_MARGIN_MS: '30',
    });
    expect(steamSpacingMs(fixed)).toBe(1030);
  });

  it('takes a missing GAMESTASH_SECRET_KEY (trading off) but refuses a malformed one at start', () => {
    expect(loadGatewayConfig({}).secretKey).toBeUndefined();
    expect(loadGatewayConfig({ GAMESTASH_SECRET_KEY: 'a'.repeat(64) }).secretKey).toBe('a'.repeat(64));
    expect(() => loadGatewayConfig({ GAMESTASH_SECRET_KEY: 'short-key' })).toThrow(
      /^GAMESTASH_SECRET_KEY is too short: give 32 random bytes/,
    );
    expect(loadGatewayConfig({ GAMESTASH_WATCH_LOCK_TTL_MS: '5000' }).watchLockTtlMs).toBe(5000);
    expect(() => loadGatewayConfig({ GAMESTASH_WATCH_LOCK_TTL_MS: '10' })).toThrow(
      /GAMESTASH_WATCH_LOCK_TTL_MS/,
    );
  });
});
