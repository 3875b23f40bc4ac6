import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../core/errors.js';
import { loadGatewayConfig } from './config.js';

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
});
