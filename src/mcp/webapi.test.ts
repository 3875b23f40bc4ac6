/**
 * The Steam Web API tools as an agent sees them: an SDK client over the in-memory transport,
 * real HTTP to the emulator. Compact answers, privacy as Steam answers it, the generic caller
 * for GET methods only, one-line errors, and the key in no answer.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { McpSessions } from '../../test/mcp-sessions.js';
import { ALICE, BOB, CAROL, KEY, WEB_API_PEOPLE } from '../../test/webapi-world.js';

let emulator: StartedEmulator;
const sessions = new McpSessions(() => ({
  GAMESTASH_STEAM_COMMUNITY_URL: emulator.url,
  GAMESTASH_STEAM_API_URL: emulator.url,
  GAMESTASH_HTTP_RETRIES: '0',
  STEAM_API_KEY: KEY,
  STEAM_ID: ALICE,
}));
let agent: Client;

beforeAll(async () => {
  emulator = await startEmulator({ scenario: WEB_API_PEOPLE });
  agent = await sessions.connect();
});
afterAll(async () => {
  await sessions.closeAll();
  await emulator?.close();
});

const call = (name: string, args: Record<string, unknown>, client = agent) =>
  sessions.call(client, name, args);

describe('tools/list', () => {
  it('lists the Web API tools, read-only, with input and output schemas', async () => {
    const { tools } = await agent.listTools();
    for (const name of [
      'steam_profile',
      'steam_friends',
      'steam_games',
      'steam_achievements',
      'steam_news',
      'steam_api',
    ]) {
      const tool = tools.find((t) => t.name === name);
      expect(tool, name).toBeDefined();
      expect(tool!.annotations?.readOnlyHint).toBe(true);
      expect(tool!.outputSchema?.type).toBe('object');
    }
  });
});

describe('steam_profile', () => {
  it('answers several accounts in the order asked, a private one included; "me" by default', async () => {
    const { result, data, text } = await call('steam_profile', { who: [BOB, 'alice'] });
    expect(result.isError).toBeFalsy();
    const players = data.players as { steamid: string; visibility: string; realName?: string }[];
    expect(players.map((p) => [p.steamid, p.visibility])).toEqual([
      [BOB, 'private'],
      [ALICE, 'public'],
    ]);
    expect(players[1]).toMatchObject({ name: 'Alice <3', realName: 'Alice Liddell', country: 'GB' });
    expect(Object.keys(players[1]!)).not.toContain('avatarfull');
    expect(text.split('\n')).toHaveLength(2);
    const me = await call('steam_profile', {});
    expect((me.data.players as { steamid: string }[])[0]!.steamid).toBe(ALICE);
  });
});

describe('steam_friends', () => {
  it('lists friends, longest first, and says a private list is private', async () => {
    const { data } = await call('steam_friends', { who: 'alice' });
    expect(data).toMatchObject({ steamid: ALICE, total: 2, returned: 2 });
    expect((data.friends as { steamid: string }[]).map((f) => f.steamid)).toEqual([BOB, CAROL]);
    const hidden = await call('steam_friends', { who: BOB });
    expect(hidden.result.isError).toBe(true);
    expect(hidden.text).toMatch(/^private: the friend list is private/);
    expect(hidden.text.split('\n')).toHaveLength(1);
  });
});

describe('steam_games', () => {
  it('returns the most played games up to the limit, with names and hours', async () => {
    const { data, text } = await call('steam_games', { who: ALICE, limit: 2 });
    expect(data).toMatchObject({ steamid: ALICE, visible: true, total: 4, returned: 2 });
    expect(data.games).toEqual([
      { appid: 730, name: 'Counter-Strike 2', hours: 83.3, hoursTwoWeeks: 2, lastPlayed: expect.any(String) },
      { appid: 620, name: 'Portal 2', hours: 15, lastPlayed: '2023-11-14' },
    ]);
    expect(text.split('\n')[0]).toBe(`${ALICE}: 4 games (2 most played shown)`);
    const recent = await call('steam_games', { who: ALICE, recent: true });
    expect((recent.data.games as { appid: number }[]).map((g) => g.appid)).toEqual([730, 440]);
  });

  it('says "no games visible" for a hidden library, not an empty one', async () => {
    for (const who of [BOB, CAROL]) {
      const { result, data, text } = await call('steam_games', { who });
      expect(result.isError).toBeFalsy();
      expect(data).toEqual({ steamid: who, visible: false, returned: 0, games: [] });
      expect(text).toMatch(/no games visible/);
    }
  });
});

describe('steam_achievements and steam_news', () => {
  it('lists achievements unlocked first, in a language; a private profile is private', async () => {
    const { data } = await call('steam_achievements', { who: 'alice', appid: 620, language: 'german' });
    expect(data).toMatchObject({ game: 'Portal 2', total: 6, unlocked: 2, returned: 6 });
    const achievements = data.achievements as { apiname: string; name?: string; unlocked: boolean }[];
    expect(achievements.slice(0, 2).map((a) => [a.apiname, a.unlocked])).toEqual([
      ['WAKE_UP', true],
      ['LASER', true],
    ]);
    expect(achievements[0]!.name).toBe('Du Monster');
    const only = await call('steam_achievements', { who: ALICE, appid: 620, unlockedOnly: true });
    expect(only.data.returned).toBe(2);
    const hidden = await call('steam_achievements', { who: BOB, appid: 620 });
    expect(hidden.text).toMatch(/^private: /);
  });

  it('gives an app’s latest news, shortened', async () => {
    const { data, text } = await call('steam_news', { appid: 440, count: 2, maxLength: 50 });
    const items = data.items as { title: string; contents: string; date: string }[];
    expect(items).toHaveLength(2);
    expect(items.every((n) => n.contents.length <= 53)).toBe(true);
    expect(items[0]!.date).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(text.split('\n')[0]).toBe('app 440: 2 news items');
  });
});

describe('steam_api', () => {
  it('calls a GET method by name and returns Steam’s JSON', async () => {
    const { result, data } = await call('steam_api', {
      method: 'isteamuser/getfriendlist/v0001',
      params: { steamid: ALICE, relationship: 'friend' },
    });
    expect(result.isError).toBeFalsy();
    expect(data.method).toBe('ISteamUser/GetFriendList/v1');
    expect((data.result as { friendslist: { friends: unknown[] } }).friendslist.friends).toHaveLength(2);
    const service = await call('steam_api', {
      method: 'IPlayerService/GetOwnedGames/v1',
      params: { steamid: ALICE, input_json: { appids_filter: [620] } },
    });
    expect(service.data.result).toMatchObject({ response: { game_count: 1 } });
  });

  it('refuses POST methods, typos and a key before sending them', async () => {
    const post = await call('steam_api', {
      method: 'IEconService/CancelTradeOffer/v1',
      params: { tradeofferid: '1' },
    });
    expect(post.result.isError).toBe(true);
    expect(post.text).toBe(
      'invalid_input (method): IEconService/CancelTradeOffer/v1 is a POST method (it changes something on Steam): steam_api only calls GET methods',
    );
    expect(emulator.stats.count({ pathPrefix: '/IEconService/' })).toBe(0);
    const typo = await call('steam_api', {
      method: 'ISteamUser/GetFriendLists/v1',
      params: { steamid: ALICE },
    });
    expect(typo.text).toMatch(/did you mean GetFriendList \(v1\)\?/);
    const key = await call('steam_api', {
      method: 'ISteamUser/GetFriendList/v1',
      params: { steamid: ALICE, key: KEY },
    });
    expect(key.text).toMatch(/^invalid_input \(key\): parameter "key" is not accepted/);
  });

  it('lists GET methods and their parameters, one interface at a time', async () => {
    const { data } = await call('steam_api', { list: true, interface: 'isteamuser' });
    const methods = data.methods as { method: string; parameters: string[] }[];
    expect(methods).toContainEqual({
      method: 'ISteamUser/GetFriendList/v1',
      parameters: ['steamid', 'relationship?'],
    });
    expect(methods.every((m) => m.method.startsWith('ISteamUser/'))).toBe(true);
    const all = await call('steam_api', { list: true });
    expect((all.data.methods as { method: string }[]).map((m) => m.method)).not.toContain(
      'IEconService/CancelTradeOffer/v1',
    );
  });
});

describe('without STEAM_API_KEY', () => {
  it('names the variable for methods that need it, and still reads the news', async () => {
    const keyless = await sessions.connect({ STEAM_API_KEY: undefined });
    const before = emulator.stats.count();
    const friends = await call('steam_friends', { who: ALICE }, keyless);
    expect(friends.text).toMatch(/^invalid_input \(key\): .*needs a Steam Web API key: set STEAM_API_KEY/);
    expect(emulator.stats.count()).toBe(before);
    const news = await call('steam_news', { appid: 620, count: 1 }, keyless);
    expect(news.result.isError).toBeFalsy();
  });
});

describe('secrets', () => {
  it('never appear in any tool answer', () => {
    expect(sessions.answers.length).toBeGreaterThan(10);
    for (const answer of sessions.answers) expect(answer).not.toContain(KEY);
  });
});
