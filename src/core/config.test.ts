import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { InvalidInputError } from './errors.js';

describe('loadConfig', () => {
  it('has sensible defaults', () => {
    const config = loadConfig({});
    expect(config.steam.communityUrl).toBe('https://steamcommunity.com');
    expect(config.steam.apiUrl).toBe('https://api.steampowered.com');
    expect(config.roblox.apiUrl).toBe('https://apis.roblox.com');
    expect(config.steam.communityIntervalMs).toBe(4000);
    expect(config.steam.inventoryPageSize).toBe(2000);
    expect(config.http.proxies).toEqual([]);
  });

  it('reads the environment and lets overrides win', () => {
    const config = loadConfig(
      {
        GAMESTASH_STEAM_COMMUNITY_URL: 'http://127.0.0.1:9999/',
        GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '250',
        GAMESTASH_PROXIES: 'http://127.0.0.1:3128, http://127.0.0.1:3129',
        STEAM_ID: '76561198012345678',
      },
      { steam: { communityIntervalMs: 0 } },
    );
    expect(config.steam.communityUrl).toBe('http://127.0.0.1:9999');
    expect(config.steam.communityIntervalMs).toBe(0);
    expect(config.http.proxies).toHaveLength(2);
    expect(config.steam.steamId).toBe('76561198012345678');
  });

  it('names the variable at fault', () => {
    expect(() => loadConfig({ GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: 'fast' })).toThrow(
      /GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS must be a whole number/,
    );
    expect(() => loadConfig({ GAMESTASH_STEAM_INVENTORY_PAGE_SIZE: '5000' })).toThrow(InvalidInputError);
    expect(() => loadConfig({ GAMESTASH_ROBLOX_API_URL: 'ftp://x' })).toThrow(/GAMESTASH_ROBLOX_API_URL/);
    expect(() => loadConfig({}, { steam: { communityUrl: 'not a url' } })).toThrow(
      /--community-url must be an http/,
    );
  });
});
