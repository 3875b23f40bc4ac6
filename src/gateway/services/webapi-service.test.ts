/**
 * Web API cache keys and families: what the gateway's cache keeps answers under, and for how
 * long. (The routes' behaviour is covered over HTTP in ../webapi.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { webApiFamilyOf, webApiTtlOf } from './webapi-families.js';
import { webApiCacheKey } from './webapi-service.js';

describe('webApiCacheKey', () => {
  it('is readable for a short question and a hash for a long one, always within the store’s 512', () => {
    expect(webApiCacheKey('ISteamUser/GetFriendList/v1', 'json:[["steamid","1"]]')).toBe(
      'steam-webapi:v1:ISteamUser/GetFriendList/v1:json:[["steamid","1"]]',
    );
    const ids = JSON.stringify([
      Array.from({ length: 1000 }, (_, i) => String(76561198000000000n + BigInt(i))),
    ]);
    const long = webApiCacheKey('ISteamUser/GetPlayerSummaries', ids);
    expect(long).toMatch(/^steam-webapi:v1:ISteamUser\/GetPlayerSummaries:sha256:[0-9a-f]{64}$/);
    expect(long.length).toBeLessThanOrEqual(512);
    expect(webApiCacheKey('ISteamUser/GetPlayerSummaries', `${ids} `)).not.toBe(long);
  });
});

describe('web API families', () => {
  const ttls = { players: 1, apps: 2, list: 3 };
  it.each([
    ['ISteamUser', 'GetPlayerSummaries', 'players', 1],
    ['IPlayerService', 'GetOwnedGames', 'players', 1],
    ['IEconService', 'GetTradeOffers', 'players', 1],
    ['ISteamNews', 'GetNewsForApp', 'apps', 2],
    ['isteamuserstats', 'getglobalachievementpercentagesforapp', 'apps', 2],
    ['ISteamWebAPIUtil', 'GetSupportedAPIList', 'list', 3],
    ['ISteamWebAPIUtil', 'GetServerInfo', 'live', 0],
  ])('%s/%s is %s', (iface, method, family, ttl) => {
    expect(webApiFamilyOf(iface, method)).toBe(family);
    expect(webApiTtlOf(webApiFamilyOf(iface, method), ttls)).toBe(ttl);
  });
});
