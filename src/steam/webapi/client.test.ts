/**
 * The typed methods over real HTTP against a stand-in for Steam (test/fake-steam-webapi.ts):
 * the same typed result from json, xml and vdf, what goes on the wire (key, format, plain
 * parameters or input_json), chunking, privacy and the checks made before any request.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSteamWebApi, formatted, type FakeSteamWebApi } from '../../../test/fake-steam-webapi.js';
import {
  JSON_ANSWERS,
  LITERAL_ANSWERS,
  playerSummary,
  PRIVATE_PLAYER,
  ROBIN,
} from '../../../test/steam-webapi-fixtures.js';
import { InvalidInputError } from '../../core/errors.js';
import { HttpClient } from '../../core/http/client.js';
import { SteamWebApiClient } from './client.js';
import type { WebApiFormat } from './formats/index.js';

const KEY = 'ABCDEF0123456789ABCDEF0123456789';
let steam: FakeSteamWebApi;
let answerFor: Parameters<typeof startFakeSteamWebApi>[0] = () => undefined;
const http = new HttpClient({ retries: 0 });

beforeAll(async () => {
  steam = await startFakeSteamWebApi((req) => answerFor?.(req));
});
afterEach(() => {
  answerFor = () => undefined;
  steam.requests.length = 0;
});
afterAll(async () => {
  await http.close();
  await steam.close();
});

const client = (options: Partial<ConstructorParameters<typeof SteamWebApiClient>[0]> = {}) =>
  new SteamWebApiClient({ http, apiUrl: steam.url, apiKey: KEY, ...options });

const FORMATS: WebApiFormat[] = ['json', 'xml', 'vdf'];
const unwrap = <T>(answer: Record<string, unknown>, root: string) => answer[root] as T;

describe('typed methods give the same result in every format', () => {
  it.each(FORMATS)('%s', async (format) => {
    const api = client();
    const options = { format };
    expect(await api.getPlayerSummaries([ROBIN, PRIVATE_PLAYER], options)).toEqual(
      unwrap(JSON_ANSWERS.getPlayerSummaries, 'response'),
    );
    expect(await api.getFriendList(ROBIN, options)).toEqual(
      unwrap(JSON_ANSWERS.getFriendList, 'friendslist'),
    );
    expect(await api.resolveVanityURL('robinwalker', options)).toEqual({ steamid: ROBIN, success: 1 });
    expect(await api.getOwnedGames(ROBIN, { ...options, include_appinfo: true })).toEqual({
      visible: true,
      ...unwrap<object>(JSON_ANSWERS.getOwnedGames, 'response'),
    });
    expect(await api.getRecentlyPlayedGames(ROBIN, options)).toEqual({
      visible: true,
      ...unwrap<object>(JSON_ANSWERS.getRecentlyPlayedGames, 'response'),
    });
    expect(await api.getPlayerAchievements(ROBIN, 440, { ...options, l: 'english' })).toEqual(
      unwrap(JSON_ANSWERS.getPlayerAchievements, 'playerstats'),
    );
    expect(await api.getUserStatsForGame(ROBIN, 440, options)).toEqual(
      unwrap(JSON_ANSWERS.getUserStatsForGame, 'playerstats'),
    );
    expect(await api.getGlobalAchievementPercentagesForApp(440, options)).toEqual(
      unwrap(JSON_ANSWERS.getGlobalAchievementPercentagesForApp, 'achievementpercentages'),
    );
    expect(await api.getNewsForApp(440, { ...options, count: 1, maxlength: 300 })).toEqual(
      unwrap(JSON_ANSWERS.getNewsForApp, 'appnews'),
    );
    expect(await api.getSupportedAPIList(options)).toEqual(
      unwrap(JSON_ANSWERS.getSupportedAPIList, 'apilist'),
    );
    expect(await api.getServerInfo(options)).toEqual(JSON_ANSWERS.getServerInfo);
    expect(steam.requests.every((r) => r.query.get('format') === format)).toBe(true);
  });
});

describe('what goes on the wire', () => {
  it('sends the key and plain parameters to classic interfaces', async () => {
    await client().getPlayerAchievements(ROBIN, 440, { l: 'german' });
    const [req] = steam.requests;
    expect(req!.path).toBe('/ISteamUserStats/GetPlayerAchievements/v1/');
    expect(Object.fromEntries(req!.query)).toEqual({
      key: KEY,
      format: 'json',
      steamid: ROBIN,
      appid: '440',
      l: 'german',
    });
  });

  it('sends a service interface’s arguments as one input_json, key and format apart', async () => {
    await client().getOwnedGames('[U:1:169802]', {
      include_appinfo: true,
      include_played_free_games: true,
      appids_filter: [440, 570],
    });
    const [req] = steam.requests;
    expect(req!.path).toBe('/IPlayerService/GetOwnedGames/v1/');
    expect([...req!.query.keys()].sort()).toEqual(['format', 'input_json', 'key']);
    expect(JSON.parse(req!.query.get('input_json')!)).toEqual({
      steamid: ROBIN,
      include_appinfo: true,
      include_played_free_games: true,
      appids_filter: [440, 570],
    });
  });

  it('sends nothing for options left out, and no key to keyless methods', async () => {
    await client().getRecentlyPlayedGames(ROBIN);
    await client().getNewsForApp(440);
    await client().getGlobalAchievementPercentagesForApp(620);
    expect(JSON.parse(steam.requests[0]!.query.get('input_json')!)).toEqual({ steamid: ROBIN });
    expect(Object.fromEntries(steam.requests[1]!.query)).toEqual({ format: 'json', appid: '440' });
    expect(Object.fromEntries(steam.requests[2]!.query)).toEqual({ format: 'json', gameid: '620' });
  });

  it('uses an access token instead of the key when asked', async () => {
    await client().getOwnedGames(ROBIN, { accessToken: 'eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl' });
    await client({ apiKey: undefined, accessToken: 'eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl' }).getFriendList(
      ROBIN,
    );
    for (const req of steam.requests) {
      expect(req.query.get('access_token')).toBe('eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl');
      expect(req.query.has('key')).toBe(false);
    }
  });

  it('resolves vanity names with ResolveVanityURL first', async () => {
    const friends = await client().getFriendList('https://steamcommunity.com/id/robinwalker/');
    expect(friends.friends).toHaveLength(2);
    expect(steam.requests.map((r) => r.path)).toEqual([
      '/ISteamUser/ResolveVanityURL/v1/',
      '/ISteamUser/GetFriendList/v1/',
    ]);
    expect(steam.requests[0]!.query.get('vanityurl')).toBe('robinwalker');
    expect(steam.requests[1]!.query.get('steamid')).toBe(ROBIN);
  });
});

describe('getPlayerSummaries', () => {
  const ids = Array.from({ length: 1000 }, (_, i) => (76561198000000000n + BigInt(i)).toString());

  it('sends 1,000 ids in exactly 10 requests of 100 and returns them in the order asked', async () => {
    answerFor = (req) =>
      req.path.startsWith('/ISteamUser/GetPlayerSummaries')
        ? formatted(req, {
            // Steam answers in its own order: reversed here.
            response: {
              players: req.params
                .get('steamids')!
                .split(',')
                .reverse()
                .map((id) => playerSummary(id)),
            },
          })
        : undefined;
    const { players } = await client().getPlayerSummaries([...ids, ids[0]!, ids[1]!]);
    expect(steam.requests).toHaveLength(10);
    for (const req of steam.requests) expect(req.query.get('steamids')!.split(',')).toHaveLength(100);
    expect(new Set(steam.requests.flatMap((r) => r.query.get('steamids')!.split(','))).size).toBe(1000);
    expect(players.map((p) => p.steamid)).toEqual(ids);
  });

  it('returns private profiles as Steam shows them: visibility 1, public fields only', async () => {
    const { players } = await client().getPlayerSummaries([PRIVATE_PLAYER, ROBIN]);
    expect(players.map((p) => p.steamid)).toEqual([PRIVATE_PLAYER, ROBIN]);
    expect(players[0]).toMatchObject({ communityvisibilitystate: 1 });
    expect(players[0]).not.toHaveProperty('realname');
    expect(players[1]).toMatchObject({ communityvisibilitystate: 3, realname: 'Robin Walker' });
  });

  it('refuses more than 100,000 ids, other account types and bad ids before any request', async () => {
    const api = client();
    const many = Array.from({ length: 100_001 }, () => ROBIN);
    await expect(api.getPlayerSummaries(many)).rejects.toThrow(/100,001 ids is more than 100,000/);
    await expect(api.getPlayerSummaries([ROBIN, '103582791429521412'])).rejects.toThrow(
      /103582791429521412" is the SteamID of a group, clan or game server/,
    );
    await expect(api.getPlayerSummaries(['[g:1:4]'])).rejects.toThrow(/group, clan or game server/);
    await expect(api.getPlayerSummaries([ROBIN, 'not a steam id!'])).rejects.toThrow(InvalidInputError);
    await expect(api.getPlayerSummaries([])).rejects.toThrow(/at least one/);
    expect(steam.requests).toHaveLength(0);
  });
});

describe('privacy: no games visible is not owning nothing', () => {
  it('a private profile’s owned and recent games are visible: false', async () => {
    answerFor = (req) =>
      req.path.startsWith('/IPlayerService/')
        ? formatted(req, JSON.parse(LITERAL_ANSWERS.privateGamesJson))
        : undefined;
    for (const format of FORMATS) {
      expect(await client().getOwnedGames(ROBIN, { format })).toEqual({ visible: false, games: [] });
      expect(await client().getRecentlyPlayedGames(ROBIN, { format })).toEqual({ visible: false, games: [] });
    }
  });

  it('a public profile that owns nothing is visible with a count of 0', async () => {
    answerFor = () => ({ body: LITERAL_ANSWERS.noGamesJson });
    expect(await client().getOwnedGames(ROBIN)).toEqual({ visible: true, game_count: 0, games: [] });
  });
});

describe('bad input fails before any request, naming what to fix', () => {
  it.each([
    [
      'a missing key',
      () => client({ apiKey: undefined }).getPlayerSummaries(ROBIN),
      /needs a Steam Web API key: set STEAM_API_KEY/,
    ],
    [
      'a format Steam does not offer',
      () => client().getNewsForApp(440, { format: 'yaml' }),
      /format "yaml".*json, xml or vdf/,
    ],
    [
      'an app id that is not one',
      () => client().getPlayerAchievements(ROBIN, -1),
      /appid -1 is not an app id/,
    ],
    ['a negative count', () => client().getNewsForApp(440, { count: -2 }), /count -2 must be a whole number/],
    [
      'an appids_filter entry',
      () => client().getOwnedGames(ROBIN, { appids_filter: [440, 1.5] }),
      /appids_filter 1.5/,
    ],
    ['a bad who', () => client().getFriendList('not an account!'), /invalid steamid/],
    ['a profile URL off Steam', () => client().getFriendList('http://example.com/id/x'), /is not Steam/],
    ['token auth without a token', () => client().getOwnedGames(ROBIN, { auth: 'token' }), /access token/],
  ])('%s', async (_name, run, message) => {
    await expect(run()).rejects.toThrow(InvalidInputError);
    await expect(run()).rejects.toThrow(message);
    expect(steam.requests).toHaveLength(0);
  });

  it('a missing key fails before a vanity name is resolved', async () => {
    await expect(
      client({ apiKey: undefined, communityUrl: steam.url }).getPlayerSummaries('robinwalker'),
    ).rejects.toThrow(/STEAM_API_KEY/);
    expect(steam.requests).toHaveLength(0);
  });
});

describe('"me"', () => {
  it('is the configured account (STEAM_ID) for every method taking a player', async () => {
    const api = client({ me: ROBIN });
    await api.getFriendList('me');
    await api.getPlayerSummaries(['ME', ROBIN]);
    expect(await api.resolve('me')).toBe(ROBIN);
    expect(steam.requests.map((r) => r.query.get('steamid') ?? r.query.get('steamids'))).toEqual([
      ROBIN,
      ROBIN,
    ]);
  });

  it('asks for STEAM_ID when none is configured, and means nothing where `me: false`', async () => {
    await expect(client().getOwnedGames('me')).rejects.toThrow(/STEAM_ID is not set/);
    await expect(client({ me: false }).getFriendList('me')).rejects.toThrow(/"me" has no meaning here/);
    expect(steam.requests).toHaveLength(0);
  });
});
