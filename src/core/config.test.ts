import { describe, expect, it } from 'vitest';
import { dataPath, loadConfig, userDataDir } from './config.js';
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

  it("keeps what it remembers in the user's data directory, or GAMESTASH_DATA_DIR", () => {
    expect(loadConfig({ XDG_DATA_HOME: '/xdg', HOME: '/home/u' }).dataDir).toBe('/xdg/gamestash');
    expect(loadConfig({ HOME: '/home/u' }).dataDir).toBe('/home/u/.local/share/gamestash');
    // A relative XDG_DATA_HOME is ignored (XDG Base Directory spec).
    expect(loadConfig({ XDG_DATA_HOME: 'rel', HOME: '/home/u' }).dataDir).toBe(
      '/home/u/.local/share/gamestash',
    );
    expect(userDataDir({ LOCALAPPDATA: 'C:/Users/u/AppData/Local' }, 'win32')).toMatch(
      /^C:\/Users\/u\/AppData\/Local.gamestash$/,
    );
    const config = loadConfig({ GAMESTASH_DATA_DIR: '/var/lib/gs', XDG_DATA_HOME: '/xdg' });
    expect(config.dataDir).toBe('/var/lib/gs');
    expect(config.store).toEqual({ databaseUrl: undefined, sqlitePath: '/var/lib/gs/gamestash.sqlite' });
    expect(dataPath(config, 'webapi-methods.json')).toBe('/var/lib/gs/webapi-methods.json');
    expect(
      loadConfig({ GAMESTASH_DATA_DIR: '/var/lib/gs', GAMESTASH_SQLITE_PATH: '/db.sqlite' }).store.sqlitePath,
    ).toBe('/db.sqlite');
    expect(loadConfig({}, {}, { defaultDataDir: './data' }).store.sqlitePath).toBe('data/gamestash.sqlite');
    expect(loadConfig({ GAMESTASH_DATABASE_URL: 'postgres://db/gs' }).store.databaseUrl).toBe(
      'postgres://db/gs',
    );
  });

  it("reads the offer watcher's pace", () => {
    expect(loadConfig({}).tradeWatch).toEqual({
      offerPollIntervalMs: 30_000,
      offerFullPollIntervalMs: 120_000,
      reversalCheckIntervalMs: 3_600_000,
    });
    const config = loadConfig({
      GAMESTASH_OFFER_POLL_INTERVAL_MS: '10000',
      GAMESTASH_OFFER_FULL_POLL_INTERVAL_MS: '600000',
      GAMESTASH_REVERSAL_CHECK_INTERVAL_MS: '900000',
    });
    expect(config.tradeWatch).toEqual({
      offerPollIntervalMs: 10_000,
      offerFullPollIntervalMs: 600_000,
      reversalCheckIntervalMs: 900_000,
    });
    expect(() => loadConfig({ GAMESTASH_OFFER_POLL_INTERVAL_MS: '10' })).toThrow(
      /GAMESTASH_OFFER_POLL_INTERVAL_MS/,
    );
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
