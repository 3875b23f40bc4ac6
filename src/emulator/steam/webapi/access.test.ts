import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startEmulator,
  type EmulatorStatsReport,
  type StartedEmulator,
  type SteamWebApiStats,
} from '../../index.js';

const PUBLIC = '76561198000000210';
const PRIVATE = '76561198000000211';
const FRIENDS_ONLY = '76561198000000212';
const KEY = 'AAAABBBBCCCCDDDDEEEEFFFF00001111';
const OTHER_KEY = '11110000FFFFEEEEDDDDCCCCBBBBAAAA';
const TOKEN = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiI3NjU2MTE5ODAwMDAwMDIxMCJ9.c2ln';

const FORBIDDEN =
  '<html><head><title>Forbidden</title></head><body><h1>Forbidden</h1>Access is denied. Retrying will not help. Please verify your <pre>key=</pre> parameter.</body></html>';
const UNAUTHORIZED =
  '<html><head><title>Unauthorized</title></head><body><h1>Unauthorized</h1>Access is denied. Retrying will not help. Please verify your <pre>key=</pre> parameter.</body></html>';

const users = {
  [PUBLIC]: { games: { '620': { playtimeForever: 60 } } },
  [PRIVATE]: { private: true, games: { '620': { playtimeForever: 60 } } },
  [FRIENDS_ONLY]: { visibility: 'friendsOnly' as const, games: { '620': { playtimeForever: 60 } } },
};

let emulator: StartedEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ scenario: { steam: { users, apiKeys: [KEY, OTHER_KEY] } } });
});
afterAll(() => emulator.close());

async function get(base: string, path: string, init?: RequestInit) {
  const response = await fetch(`${base}${path}`, init);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

describe('keys', () => {
  const summaries = `/ISteamUser/GetPlayerSummaries/v2/?steamids=${PUBLIC}`;

  it('answers 401 without a key and 403 with a key Steam does not know, as HTML', async () => {
    expect(await get(emulator.url, summaries)).toEqual({
      status: 401,
      type: 'text/html; charset=UTF-8',
      text: UNAUTHORIZED,
    });
    const bad = await get(emulator.url, `${summaries}&key=0123456789ABCDEF0123456789ABCDEF&format=xml`);
    expect([bad.status, bad.text]).toEqual([403, FORBIDDEN]);
  });

  it('takes a listed key, the x-webapi-key header, or an access token', async () => {
    expect((await get(emulator.url, `${summaries}&key=${KEY}`)).status).toBe(200);
    expect((await get(emulator.url, summaries, { headers: { 'x-webapi-key': KEY } })).status).toBe(200);
    expect((await get(emulator.url, `${summaries}&access_token=${TOKEN}`)).status).toBe(200);
    expect((await get(emulator.url, `${summaries}&access_token=not-a-jwt`)).status).toBe(403);
  });

  it('lets methods that need no key through without one, but still refuses a bad key', async () => {
    expect((await get(emulator.url, '/ISteamNews/GetNewsForApp/v2/?appid=440&count=1')).status).toBe(200);
    expect((await get(emulator.url, '/ISteamNews/GetNewsForApp/v2/?appid=440&key=nope')).status).toBe(403);
  });

  it('answers 400 for a 64-bit id that is not a number, and names a missing parameter', async () => {
    const notNumber = await get(emulator.url, `/ISteamUser/GetFriendList/v1/?key=${KEY}&steamid=alice`);
    expect(notNumber).toEqual({
      status: 400,
      type: 'text/html; charset=UTF-8',
      text: '<html><head><title>Bad Request</title></head><body><h1>Bad Request</h1>Please verify that all required parameters are being sent</body></html>',
    });
    const service = await get(emulator.url, `/IPlayerService/GetOwnedGames/v1/?key=${KEY}&steamid=7656x`);
    expect(service.status).toBe(400);
    const missing = await get(emulator.url, `/ISteamUser/GetFriendList/v1/?key=${KEY}`);
    expect([missing.status, missing.text]).toEqual([
      400,
      "<html><head><title>Bad Request</title></head><body><h1>Bad Request</h1>Required parameter 'steamid' is missing</body></html>",
    ]);
  });
});

describe('privacy', () => {
  it('hides friend lists of private and friends-only profiles behind a 401 page', async () => {
    for (const steamid of [PRIVATE, FRIENDS_ONLY]) {
      expect(await get(emulator.url, `/ISteamUser/GetFriendList/v1/?key=${KEY}&steamid=${steamid}`)).toEqual({
        status: 401,
        type: 'text/html; charset=UTF-8',
        text: UNAUTHORIZED,
      });
    }
  });

  it('answers an empty response for the games of a hidden profile', async () => {
    for (const steamid of [PRIVATE, FRIENDS_ONLY]) {
      for (const method of ['GetOwnedGames', 'GetRecentlyPlayedGames']) {
        const path = `/IPlayerService/${method}/v1/?key=${KEY}&steamid=${steamid}&include_appinfo=1`;
        expect(await get(emulator.url, path)).toMatchObject({ status: 200, text: '{"response":{}}' });
        expect((await get(emulator.url, `${path}&format=xml`)).text).toBe(
          '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE response>\n<response></response>',
        );
        expect((await get(emulator.url, `${path}&format=vdf`)).text).toBe('"response"\n{\n\n}');
      }
    }
  });

  it('answers 403 "Profile is not public" for achievements and stats, in every format', async () => {
    for (const method of ['GetPlayerAchievements/v1', 'GetUserStatsForGame/v2']) {
      const path = `/ISteamUserStats/${method}/?key=${KEY}&steamid=${PRIVATE}&appid=620`;
      expect(await get(emulator.url, path)).toEqual({
        status: 403,
        type: 'application/json; charset=UTF-8',
        text: '{"playerstats":{"error":"Profile is not public","success":false}}',
      });
      expect((await get(emulator.url, `${path}&format=xml`)).text).toBe(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE playerstats>\n<playerstats>\n\t<error>Profile is not public</error>\n\t<success>false</success>\n</playerstats>',
      );
      expect((await get(emulator.url, `${path}&format=vdf`)).text).toBe(
        '"playerstats"\n{\n\t"error"\t"Profile is not public"\n\t"success"\t"0"\n}',
      );
    }
  });

  it('shows the same privacy in the profile XML and inventories', async () => {
    expect((await get(emulator.url, `/profiles/${FRIENDS_ONLY}/?xml=1`)).text).toContain(
      '<privacyState>friendsonly</privacyState>',
    );
    expect((await get(emulator.url, `/inventory/${FRIENDS_ONLY}/730/2`)).status).toBe(403);
  });
});

describe('budgets', () => {
  it('answers 429 once a key has spent its daily budget; other keys keep theirs', async () => {
    const emu = await startEmulator({
      scenario: { steam: { users, apiKeys: [KEY, OTHER_KEY], webApi: { dailyBudget: 3 } } },
    });
    try {
      const call = (key: string) =>
        get(emu.url, `/ISteamNews/GetNewsForApp/v2/?appid=440&count=1&key=${key}`);
      expect([(await call(KEY)).status, (await call(KEY)).status, (await call(KEY)).status]).toEqual([
        200, 200, 200,
      ]);
      expect((await call(KEY)).status).toBe(429);
      expect((await call(OTHER_KEY)).status).toBe(200);
      // Calls without a key are nobody's budget.
      expect((await get(emu.url, '/ISteamNews/GetNewsForApp/v2/?appid=440&count=1')).status).toBe(200);
      const stats = (await (await fetch(`${emu.url}/__emulator/stats`)).json()) as EmulatorStatsReport;
      expect(stats.modules.steamWebApi as SteamWebApiStats).toMatchObject({
        requests: 6,
        budgetExhausted: 1,
      });
      await fetch(`${emu.url}/__emulator/reset`, { method: 'POST' });
      expect((await call(KEY)).status).toBe(200);
    } finally {
      await emu.close();
    }
  });

  it('answers sporadic 429s on GetPlayerSummaries past the burst limit, per key', async () => {
    const emu = await startEmulator({
      scenario: { steam: { webApi: { playerSummariesBurst: { requests: 2, windowMs: 600_000 } } } },
    });
    try {
      const summaries = (key: string) =>
        get(emu.url, `/ISteamUser/GetPlayerSummaries/v2/?key=${key}&steamids=${PUBLIC}`);
      expect([(await summaries(KEY)).status, (await summaries(KEY)).status]).toEqual([200, 200]);
      expect((await summaries(KEY)).status).toBe(429);
      expect((await summaries(OTHER_KEY)).status).toBe(200);
      // Other methods are not affected.
      expect((await get(emu.url, `/ISteamUser/GetFriendList/v1/?key=${KEY}&steamid=${PUBLIC}`)).status).toBe(
        200,
      );
      const stats = (await (await fetch(`${emu.url}/__emulator/stats`)).json()) as EmulatorStatsReport;
      expect((stats.modules.steamWebApi as SteamWebApiStats).burst429).toBe(1);
    } finally {
      await emu.close();
    }
  });
});

describe('faults', () => {
  it('fails the scripted requests as Steam does, and counts them', async () => {
    const emu = await startEmulator({
      scenario: {
        steam: {
          webApi: {
            faults: {
              script: { '1': 'status500', '2': 'status503', '3': 'eresultHeader', '4': 'truncated' },
              eresult: { status: 200, eresult: 2, message: 'Fail' },
            },
          },
        },
      },
    });
    try {
      const path = `/IPlayerService/GetOwnedGames/v1/?key=${KEY}&steamid=${PUBLIC}&include_appinfo=1`;
      expect((await get(emu.url, path)).status).toBe(500);
      expect((await get(emu.url, path)).status).toBe(503);
      const eresult = await fetch(`${emu.url}${path}`);
      expect([
        eresult.status,
        eresult.headers.get('x-eresult'),
        eresult.headers.get('x-error_message'),
      ]).toEqual([200, '2', 'Fail']);
      const cut = await get(emu.url, path);
      const healthy = await get(emu.url, path);
      expect(cut.status).toBe(200);
      expect(cut.text).toBe(healthy.text.slice(0, Math.floor(healthy.text.length / 2)));
      expect(() => JSON.parse(cut.text) as unknown).toThrow();
      const stats = (await (await fetch(`${emu.url}/__emulator/stats`)).json()) as EmulatorStatsReport;
      expect(stats.modules.steamWebApi as SteamWebApiStats).toMatchObject({
        requests: 5,
        byMethod: { 'IPlayerService/GetOwnedGames/v1': 5 },
        faults: { status500: 1, status503: 1, eresultHeader: 1, truncated: 1 },
      });
    } finally {
      await emu.close();
    }
  });

  it('draws faults from a seeded rate, the same way every run', async () => {
    const run = async () => {
      const emu = await startEmulator({
        scenario: { steam: { webApi: { faults: { rate: 0.5, seed: 3 } } } },
      });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 12; i++)
          statuses.push((await get(emu.url, '/ISteamWebAPIUtil/GetSupportedAPIList/v1/')).status);
        return statuses;
      } finally {
        await emu.close();
      }
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first.some((status) => status !== 200)).toBe(true);
    expect(first).toContain(200);
  });
});
