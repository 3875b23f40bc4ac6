/**
 * The Web API client against the emulator over real HTTP: every typed method in JSON, XML and
 * VDF, privacy as Steam answers it, chunking, the generic caller's checks, and the emulator's
 * refusals, burst 429s and injected faults as typed errors.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  GamestashError,
  InvalidInputError,
  MalformedResponseError,
  NotFoundError,
  PrivateError,
  RateLimitError,
  UpstreamError,
  UpstreamUnavailableError,
} from '../../core/errors.js';
import { HttpClient } from '../../core/http/client.js';
import { startEmulator, type StartedEmulator } from '../../emulator/index.js';
import { SteamWebApiClient } from './client.js';
import type { WebApiFormat } from './formats/index.js';

const KEY = '0123456789ABCDEF0123456789ABCDEF';
const ALICE = '76561198000000110';
const BOB = '76561198000000111'; // private
const CAROL = '76561198000000112'; // friends only
const FORMATS: WebApiFormat[] = ['json', 'xml', 'vdf'];

const PEOPLE = {
  users: {
    [ALICE]: {
      name: 'Alice <3 "&"',
      realName: 'Alice Liddell',
      country: 'GB',
      personaState: 1,
      friends: [BOB, { steamid: CAROL, friendSince: 1_600_000_000 }],
      games: {
        '440': { playtimeForever: 600, playtime2Weeks: 30 },
        '620': { playtimeForever: 900, lastPlayed: 1_700_000_000 },
        '730': { playtimeForever: 5000 },
        '365670': { playtimeForever: 42 },
      },
      achievements: { '620': ['WAKE_UP', 'LASER'] },
      stats: { '730': { total_kills: 1234, total_deaths: 999 } },
    },
    [BOB]: { private: true },
    [CAROL]: { visibility: 'friendsOnly' as const },
  },
  vanities: { alice: ALICE },
  apiKeys: [KEY],
};

let emulator: StartedEmulator;
const http = new HttpClient({ retries: 0 });
const client = (options: Partial<ConstructorParameters<typeof SteamWebApiClient>[0]> = {}) =>
  new SteamWebApiClient({ http, apiUrl: emulator.url, communityUrl: emulator.url, apiKey: KEY, ...options });

beforeAll(async () => {
  emulator = await startEmulator({ scenario: { steam: PEOPLE } });
});
beforeEach(() => emulator.reset());
afterAll(async () => {
  await http.close();
  await emulator.close();
});

/** Calls a method in each format and checks the three typed results are equal; returns it. */
async function sameInEveryFormat<T>(call: (format: WebApiFormat) => Promise<T>): Promise<T> {
  const [json, xml, vdf] = await Promise.all(FORMATS.map(call));
  expect(xml).toEqual(json);
  expect(vdf).toEqual(json);
  return json!;
}

async function failure(run: () => Promise<unknown>): Promise<GamestashError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GamestashError);
  expect(JSON.stringify(error)).not.toContain(KEY);
  expect((error as Error).message).not.toContain(KEY);
  return error as GamestashError;
}

describe('typed methods against the emulator, in json, xml and vdf', () => {
  it('getPlayerSummaries: public, private and friends-only profiles as Steam shows them', async () => {
    const { players } = await sameInEveryFormat((format) =>
      client().getPlayerSummaries([ALICE, 'alice', BOB, CAROL], { format }),
    );
    expect(players.map((p) => p.steamid)).toEqual([ALICE, BOB, CAROL]);
    expect(players[0]).toMatchObject({
      personaname: 'Alice <3 "&"',
      communityvisibilitystate: 3,
      realname: 'Alice Liddell',
      loccountrycode: 'GB',
      personastate: 1,
    });
    expect(typeof players[0]!.timecreated).toBe('number');
    for (const hidden of players.slice(1)) {
      expect(hidden.communityvisibilitystate).toBe(1);
      expect(hidden).not.toHaveProperty('realname');
    }
  });

  it('getFriendList: ids as strings, numbers as numbers; a hidden list is a PrivateError', async () => {
    const { friends } = await sameInEveryFormat((format) => client().getFriendList(ALICE, { format }));
    expect(friends).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ steamid: BOB, relationship: 'friend' }),
        { steamid: CAROL, relationship: 'friend', friend_since: 1_600_000_000 },
      ]),
    );
    for (const who of [BOB, CAROL]) {
      const error = await failure(() => client().getFriendList(who));
      expect(error).toBeInstanceOf(PrivateError);
      expect(error.status).toBe(401);
    }
  });

  it('resolveVanityURL', async () => {
    expect(await sameInEveryFormat((format) => client().resolveVanityURL('ALICE', { format }))).toEqual({
      steamid: ALICE,
      success: 1,
    });
    expect(await client().resolveVanityURL('nobody-here')).toEqual({ success: 42, message: 'No match' });
  });

  it('getOwnedGames: appinfo, the filter through input_json, and "no games visible" for hidden profiles', async () => {
    const owned = await sameInEveryFormat((format) =>
      client().getOwnedGames(ALICE, { format, include_appinfo: true, include_played_free_games: true }),
    );
    if (!owned.visible) throw new Error('Alice’s games should be visible');
    expect(owned.game_count).toBe(4);
    expect(owned.games.map((g) => g.appid).sort((a, b) => a - b)).toEqual([440, 620, 730, 365670]);
    // Free games (TF2, CS2) only come with include_played_free_games.
    const paid = await client().getOwnedGames(ALICE);
    expect(paid.games.map((g) => g.appid).sort((a, b) => a - b)).toEqual([620, 365670]);
    expect(owned.games.find((g) => g.appid === 620)).toMatchObject({
      name: 'Portal 2',
      playtime_forever: 900,
      rtime_last_played: 1_700_000_000,
    });
    const filtered = await client().getOwnedGames(ALICE, {
      appids_filter: [620],
      include_played_free_games: true,
    });
    expect(filtered.games.map((g) => g.appid)).toEqual([620]);
    for (const who of [BOB, CAROL]) {
      expect(await sameInEveryFormat((format) => client().getOwnedGames(who, { format }))).toEqual({
        visible: false,
        games: [],
      });
    }
  });

  it('getRecentlyPlayedGames', async () => {
    const recent = await sameInEveryFormat((format) => client().getRecentlyPlayedGames(ALICE, { format }));
    expect(recent).toMatchObject({
      visible: true,
      total_count: 1,
      games: [{ appid: 440, playtime_2weeks: 30 }],
    });
    expect(await client().getRecentlyPlayedGames(BOB, { format: 'vdf' })).toEqual({
      visible: false,
      games: [],
    });
  });

  it('getPlayerAchievements: names with l, 403 "Profile is not public", 400 "no stats"', async () => {
    const stats = await sameInEveryFormat((format) =>
      client().getPlayerAchievements(ALICE, 620, { format, l: 'english' }),
    );
    expect(stats).toMatchObject({ steamID: ALICE, gameName: 'Portal 2', success: true });
    const unlocked = stats.achievements.filter((a) => a.achieved === 1).map((a) => a.apiname);
    expect(unlocked.sort()).toEqual(['LASER', 'WAKE_UP']);
    expect(
      stats.achievements.every((a) => typeof a.name === 'string' && typeof a.unlocktime === 'number'),
    ).toBe(true);
    for (const format of FORMATS) {
      expect(await failure(() => client().getPlayerAchievements(BOB, 620, { format }))).toBeInstanceOf(
        PrivateError,
      );
    }
    const noStats = await failure(() => client().getPlayerAchievements(ALICE, 365670));
    expect(noStats).toBeInstanceOf(NotFoundError);
    expect(noStats.message).toMatch(/Requested app has no stats/);
  });

  it('getUserStatsForGame', async () => {
    const stats = await sameInEveryFormat((format) => client().getUserStatsForGame(ALICE, 730, { format }));
    expect(stats.stats).toEqual(
      expect.arrayContaining([
        { name: 'total_kills', value: 1234 },
        { name: 'total_deaths', value: 999 },
      ]),
    );
    expect(await failure(() => client().getUserStatsForGame(CAROL, 730))).toBeInstanceOf(PrivateError);
  });

  it('getGlobalAchievementPercentagesForApp: percents as numbers; an app without any is not found', async () => {
    const { achievements } = await sameInEveryFormat((format) =>
      client({ apiKey: undefined }).getGlobalAchievementPercentagesForApp(620, { format }),
    );
    expect(achievements.length).toBeGreaterThan(1);
    for (const a of achievements) expect(typeof a.percent).toBe('number');
    expect(await failure(() => client().getGlobalAchievementPercentagesForApp(365670))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it('getNewsForApp: count and maxlength; an unknown app is not found', async () => {
    const news = await sameInEveryFormat((format) =>
      client({ apiKey: undefined }).getNewsForApp(440, { format, count: 3, maxlength: 80 }),
    );
    expect(news.appid).toBe(440);
    expect(news.newsitems).toHaveLength(3);
    for (const item of news.newsitems) {
      expect(item.gid).toMatch(/^\d+$/);
      expect(typeof item.is_external_url).toBe('boolean');
      expect(item.contents.length).toBeLessThanOrEqual(83);
    }
    expect(await failure(() => client().getNewsForApp(999999))).toBeInstanceOf(NotFoundError);
  });

  it('getSupportedAPIList: every method with a key, only keyless ones without', async () => {
    const withKey = await sameInEveryFormat((format) => client().getSupportedAPIList({ format }));
    const names = (list: typeof withKey) =>
      list.interfaces.flatMap((i) => i.methods.map((m) => `${i.name}/${m.name}`));
    expect(names(withKey)).toEqual(
      expect.arrayContaining([
        'ISteamUser/GetPlayerSummaries',
        'IPlayerService/GetOwnedGames',
        'ISteamNews/GetNewsForApp',
      ]),
    );
    const summaries = withKey.interfaces
      .find((i) => i.name === 'ISteamUser')!
      .methods.find((m) => m.name === 'GetPlayerSummaries')!;
    expect(summaries).toMatchObject({ version: 2, httpmethod: 'GET' });
    expect(summaries.parameters[0]).toEqual({
      name: 'key',
      type: 'string',
      optional: false,
      description: 'access key',
    });
    const keyless = await client({ apiKey: undefined }).getSupportedAPIList();
    expect(names(keyless)).toContain('ISteamNews/GetNewsForApp');
    expect(names(keyless)).not.toContain('ISteamUser/GetPlayerSummaries');
  });

  it('getServerInfo', async () => {
    const info = await client().getServerInfo({ format: 'vdf' });
    expect(Math.abs(info.servertime - Date.now() / 1000)).toBeLessThan(3600);
    expect(info.servertimestring).toMatch(/^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/);
  });
});

describe('getPlayerSummaries chunking', () => {
  it('sends 1,000 ids in exactly 10 requests', async () => {
    const ids = Array.from({ length: 1000 }, (_, i) => (76561198000001000n + BigInt(i)).toString());
    const { players } = await client().getPlayerSummaries(ids);
    expect(emulator.stats.count({ pathPrefix: '/ISteamUser/GetPlayerSummaries' })).toBe(10);
    expect(players.map((p) => p.steamid)).toEqual(ids);
  });
});

describe('the generic caller against the emulator’s method list', () => {
  it('answers a listed call in the typed shape, whatever the format', async () => {
    const api = client();
    const typed = await api.getFriendList(ALICE);
    for (const format of FORMATS) {
      expect(await api.call('ISteamUser/GetFriendList/v0001', [`steamid=${ALICE}`], { format })).toEqual({
        friendslist: typed,
      });
    }
  });

  it('sends a service call’s text parameters as typed input_json', async () => {
    const answer = (await client().call('IPlayerService/GetOwnedGames/v1', [
      `steamid=${ALICE}`,
      'include_appinfo=true',
      'include_played_free_games=1',
      'appids_filter=620',
      'appids_filter=440',
    ])) as { response: { games: { appid: number; name: string }[] } };
    expect(answer.response.games.map((g) => g.name).sort()).toEqual(['Portal 2', 'Team Fortress 2']);
  });

  it('checks names against the list and sends nothing for a call that fails', async () => {
    const api = client();
    await expect(api.call('ISteamUser/GetPlayerSummary/v2', [`steamids=${ALICE}`])).rejects.toThrow(
      /no method GetPlayerSummary in ISteamUser; did you mean GetPlayerSummaries \(v2\)\?/,
    );
    await expect(api.call('ISteamUser/GetPlayerSummaries/v3', [`steamids=${ALICE}`])).rejects.toThrow(
      /has no v3; it has v2/,
    );
    await expect(
      api.call('ISteamUser/GetFriendList/v1', [`steamid=${ALICE}`, 'relation=all']),
    ).rejects.toThrow(/no parameter relation; did you mean relationship\?/);
    await expect(api.call('ISteamUser/GetFriendList/v1', [])).rejects.toThrow(InvalidInputError);
    expect(emulator.stats.count()).toBe(1);
    expect(emulator.stats.count({ pathPrefix: '/ISteamWebAPIUtil/GetSupportedAPIList' })).toBe(1);
  });

  it('returns Steam’s body untouched with raw', async () => {
    const raw = await client().call('ISteamUser/ResolveVanityURL/v1', ['vanityurl=alice'], {
      raw: true,
      format: 'xml',
    });
    expect(raw).toMatchObject({ status: 200, contentType: 'text/xml; charset=UTF-8' });
    expect(raw.body).toContain(`<steamid>${ALICE}</steamid>`);
  });
});

describe('refusals and faults as typed errors', () => {
  it('a key the emulator does not know is an AuthenticationError naming STEAM_API_KEY', async () => {
    const other = 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF';
    const error = await failure(() => client({ apiKey: other }).getPlayerSummaries(ALICE));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/STEAM_API_KEY/);
    expect(JSON.stringify(error)).not.toContain(other);
  });

  it('burst 429s on GetPlayerSummaries and injected faults', async () => {
    const faulty = await startEmulator({
      scenario: {
        steam: {
          ...PEOPLE,
          webApi: {
            playerSummariesBurst: { requests: 1, windowMs: 60_000 },
            faults: {
              script: { '3': 'status503', '4': 'eresultHeader', '5': 'truncated' },
              eresult: { status: 200, eresult: 15, message: 'Access Denied' },
            },
          },
        },
      },
    });
    try {
      // No cool-down after the 429: the next calls must reach the faults at once.
      const api = client({ apiUrl: faulty.url, rateLimitCooldownMs: 0 });
      await api.getPlayerSummaries(ALICE); // 1
      expect(await failure(() => api.getPlayerSummaries(ALICE))).toBeInstanceOf(RateLimitError); // 2
      expect(await failure(() => api.getNewsForApp(440))).toBeInstanceOf(UpstreamUnavailableError); // 3
      const eresult = await failure(() => api.getNewsForApp(440)); // 4
      expect(eresult).toBeInstanceOf(UpstreamError);
      expect(eresult.code).toBe(15);
      expect(await failure(() => api.getNewsForApp(440, { format: 'xml' }))).toBeInstanceOf(
        MalformedResponseError,
      ); // 5
    } finally {
      await faulty.close();
    }
  });
});
