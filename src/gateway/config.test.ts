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
      sqlitePath: './data/gamestash.sqlite',
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

  it('names the variable when a value is bad', () => {
    expect(() => loadGatewayConfig({ GAMESTASH_PORT: 'http' })).toThrow(
      /GAMESTASH_PORT must be a whole number/,
    );
    expect(() => loadGatewayConfig({ GAMESTASH_LOG_LEVEL: 'loud' })).toThrow(InvalidInputError);
  });
});
