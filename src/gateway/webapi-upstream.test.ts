/**
 * The Steam Web API routes when the operator's side is at fault or shared: no key (503), a
 * key Steam refuses (502, not the caller's fault), Steam rate limiting (503 + Retry-After),
 * the cache shared through the store by two instances (one upstream call between them with
 * Redis), and the time to live per family.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { ALICE, KEY, WEB_API_PEOPLE } from '../../test/webapi-world.js';
import { startRedis } from '../../test/services/redis.js';
import {
  removeTempDirs,
  startGateway,
  tempSqlitePath,
  type TestGateway,
} from '../../test/services/gateway.js';

let emulator: StartedEmulator;
const gateways: TestGateway[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      steam: {
        ...WEB_API_PEOPLE.steam,
        webApi: { playerSummariesBurst: { requests: 1, windowMs: 600_000 } },
      },
    },
  });
});
afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
  await emulator.close();
  removeTempDirs();
});

async function gatewayWith(env: Record<string, string>) {
  const gateway = await startGateway({
    emulatorUrl: emulator.url,
    env: { GAMESTASH_STEAM_API_URL: emulator.url, ...env },
  });
  gateways.push(gateway);
  const key = await gateway.key();
  return { gateway, get: (path: string) => gateway.get(path, { 'x-api-key': key }) };
}

describe('the operator’s key', () => {
  it('missing: 503 webapi_not_configured on every Web API route, nothing sent', async () => {
    const { get } = await gatewayWith({});
    emulator.reset();
    for (const path of [
      `/v1/steam/api/ISteamNews/GetNewsForApp/v2?appid=440`,
      `/v1/steam/players/${ALICE}`,
      `/v1/steam/players/alice/games`,
    ]) {
      const answer = await get(path);
      expect(answer.status).toBe(503);
      expect(answer.body.error.code).toBe('webapi_not_configured');
      expect(answer.body.error.message).toMatch(/operator must start it with STEAM_API_KEY/);
    }
    expect(emulator.stats.count()).toBe(0);
  });

  it('refused by Steam: 502 that does not blame the caller, and never echoed', async () => {
    const refused = 'not-a-steam-web-api-key-but-long';
    const { get } = await gatewayWith({ STEAM_API_KEY: refused });
    for (const path of [
      `/v1/steam/players/${ALICE}/friends`,
      `/v1/steam/api/ISteamUser/GetFriendList/v1?steamid=${ALICE}`,
    ]) {
      const answer = await get(path);
      expect(answer.status).toBe(502);
      expect(answer.body.error.code).toBe('upstream_auth_failed');
      expect(answer.body.error.message).toMatch(/nothing is wrong with your request/);
      expect(answer.text).not.toContain(refused);
    }
  });
});

describe('Steam rate limiting', () => {
  it('is a 503 with Retry-After', async () => {
    const { get } = await gatewayWith({ STEAM_API_KEY: KEY });
    emulator.reset();
    expect((await get(`/v1/steam/players/${ALICE}`)).status).toBe(200);
    const limited = await get('/v1/steam/players/76561198000000999');
    expect(limited.status).toBe(503);
    expect(limited.body.error.code).toBe('upstream_rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('the cache', () => {
  it('is shared through the store: a second instance answers without asking Steam', async () => {
    const sqlite = tempSqlitePath();
    const env = { STEAM_API_KEY: KEY, GAMESTASH_SQLITE_PATH: sqlite };
    const first = await gatewayWith(env);
    const second = await gatewayWith(env);
    emulator.reset();
    const path = `/v1/steam/api/ISteamNews/GetNewsForApp/v2?appid=620&count=3&format=vdf`;
    const miss = await first.get(path);
    expect(miss.headers.get('x-gamestash-cache')).toBe('miss');
    const calls = emulator.stats.count({ pathPrefix: '/ISteamNews/' });
    const hit = await second.get(path);
    expect(hit.headers.get('x-gamestash-cache')).toBe('hit');
    expect(hit.headers.get('content-type')).toBe('text/vdf; charset=UTF-8');
    expect(hit.text).toBe(miss.text);
    expect(emulator.stats.count({ pathPrefix: '/ISteamNews/' })).toBe(calls);
  });

  it('with Redis, instances asked the same at once make one upstream call between them', async () => {
    const redis = await startRedis();
    try {
      const env = {
        STEAM_API_KEY: KEY,
        GAMESTASH_SQLITE_PATH: tempSqlitePath(),
        GAMESTASH_REDIS_URL: redis.url,
      };
      const [a, b] = [await gatewayWith(env), await gatewayWith(env)];
      emulator.reset();
      const path = `/v1/steam/players/${ALICE}/games?appinfo=1`;
      const answers = await Promise.all([a, b, a, b, a, b].map((one) => one.get(path)));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
      expect(emulator.stats.count({ pathPrefix: '/IPlayerService/GetOwnedGames/' })).toBe(1);
    } finally {
      for (const gateway of gateways.splice(-2)) await gateway.close();
      await redis.stop();
    }
  });

  it('keeps each family its own time: players not at all here, news still cached', async () => {
    const { get } = await gatewayWith({ STEAM_API_KEY: KEY, GAMESTASH_WEBAPI_PLAYERS_TTL_MS: '0' });
    emulator.reset();
    for (let i = 0; i < 2; i++) {
      expect((await get(`/v1/steam/players/${ALICE}/friends`)).headers.get('x-gamestash-cache')).toBe('miss');
      await get('/v1/steam/api/ISteamNews/GetNewsForApp/v2?appid=570&count=1');
    }
    expect(emulator.stats.count({ pathPrefix: '/ISteamUser/GetFriendList/' })).toBe(2);
    expect(emulator.stats.count({ pathPrefix: '/ISteamNews/' })).toBe(1);
    // The server time is never cached, whatever the settings.
    await get('/v1/steam/api/ISteamWebAPIUtil/GetServerInfo/v1');
    await get('/v1/steam/api/ISteamWebAPIUtil/GetServerInfo/v1');
    expect(emulator.stats.count({ pathPrefix: '/ISteamWebAPIUtil/GetServerInfo/' })).toBe(2);
  });
});
