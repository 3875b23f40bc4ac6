import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonAsVdf, jsonAsXml, readVdf, readXml } from '../../../../test/webapi-formats.js';
import { startEmulator, type StartedEmulator } from '../../index.js';

const ALICE = '76561198000000110';
const BOB = '76561198000000111';
const CAROL = '76561198000000112';
const KEY = '0123456789ABCDEF0123456789ABCDEF';

let emulator: StartedEmulator;

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      steam: {
        users: {
          [ALICE]: {
            name: 'Alice <3',
            realName: 'Alice Liddell',
            country: 'GB',
            personaState: 1,
            friends: [BOB, { steamid: CAROL, friendSince: 1_600_000_000 }],
            games: {
              '440': { playtimeForever: 600, playtime2Weeks: 30 },
              '620': { playtimeForever: 900, lastPlayed: 1_700_000_000 },
              '730': { playtimeForever: 5000, playtime2Weeks: 120 },
              '570': { playtimeForever: 0 },
              '365670': { playtimeForever: 42 },
            },
            achievements: { '620': ['WAKE_UP', 'LASER'] },
            stats: { '730': { total_kills: 1234, total_deaths: 999 } },
          },
          [BOB]: { private: true },
          [CAROL]: { visibility: 'friendsOnly' },
        },
        vanities: { alice: ALICE },
      },
    },
  });
});
afterAll(() => emulator.close());

async function get(path: string) {
  const response = await fetch(`${emulator.url}${path}`);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** Calls a method in all three formats; checks XML and VDF carry exactly the JSON's data. */
async function inAllFormats(path: string, itemNames: Record<string, string>) {
  const defaultItem = 'message';
  const sep = path.includes('?') ? '&' : '?';
  const json = await get(path);
  const xml = await get(`${path}${sep}format=xml`);
  const vdf = await get(`${path}${sep}format=vdf`);
  expect(json.type).toBe('application/json; charset=UTF-8');
  expect(xml.type).toBe('text/xml; charset=UTF-8');
  expect(vdf.type).toBe('text/vdf; charset=UTF-8');
  expect([xml.status, vdf.status]).toEqual([json.status, json.status]);
  const value = JSON.parse(json.text) as Record<string, unknown>;
  const item = (name: string) => itemNames[name] ?? defaultItem;
  expect(readXml(xml.text, Object.values(itemNames).concat(defaultItem))).toEqual(jsonAsXml(value, item));
  expect(readVdf(vdf.text)).toEqual(jsonAsVdf(value));
  return { value, json, xml, vdf };
}

describe('ISteamUser/GetPlayerSummaries/v2', () => {
  it('shows public profiles in full and private or friends-only ones by their public fields', async () => {
    const { value, xml } = await inAllFormats(
      `/ISteamUser/GetPlayerSummaries/v2/?key=${KEY}&steamids=${ALICE},${BOB},${CAROL},123,not-an-id`,
      { players: 'player' },
    );
    const players = (value.response as { players: Record<string, unknown>[] }).players;
    expect(players.map((p) => [p.steamid, p.communityvisibilitystate])).toEqual([
      [ALICE, 3],
      [BOB, 1],
      [CAROL, 1],
    ]);
    const [alice, bob] = players;
    expect(alice).toMatchObject({
      personaname: 'Alice <3',
      profileurl: 'https://steamcommunity.com/id/alice/',
      realname: 'Alice Liddell',
      loccountrycode: 'GB',
      primaryclanid: '103582791429521408',
      personastate: 1,
    });
    expect(alice!.avatarfull).toBe(`https://avatars.steamstatic.com/${alice!.avatarhash}_full.jpg`);
    expect(typeof alice!.timecreated).toBe('number');
    for (const hidden of ['realname', 'timecreated', 'loccountrycode', 'lastlogoff', 'primaryclanid']) {
      expect(bob).not.toHaveProperty(hidden);
    }
    expect(bob).toMatchObject({ profilestate: 1, personastate: 0 });
    expect(xml.text).toContain('<personaname>Alice &lt;3</personaname>');
  });

  it('answers an empty list for ids it does not know, and looks up at most 100', async () => {
    const none = await get(`/ISteamUser/GetPlayerSummaries/v2/?key=${KEY}&steamids=1,2`);
    expect(none.text).toBe('{"response":{"players":[]}}');
    const ids = Array.from({ length: 120 }, (_, i) => String(76561198000001000n + BigInt(i)));
    const many = JSON.parse(
      (await get(`/ISteamUser/GetPlayerSummaries/v2/?key=${KEY}&steamids=${ids}`)).text,
    );
    expect(many.response.players).toHaveLength(100);
  });
});

describe('ISteamUser/GetFriendList/v1', () => {
  it('lists friends both ways', async () => {
    const { value } = await inAllFormats(`/ISteamUser/GetFriendList/v1/?key=${KEY}&steamid=${ALICE}`, {
      friends: 'friend',
    });
    expect(value).toEqual({
      friendslist: {
        friends: [
          { steamid: BOB, relationship: 'friend', friend_since: expect.any(Number) },
          { steamid: CAROL, relationship: 'friend', friend_since: 1_600_000_000 },
        ],
      },
    });
    const other = '76561198000005000';
    const theirs = JSON.parse((await get(`/ISteamUser/GetFriendList/v1/?key=${KEY}&steamid=${other}`)).text);
    for (const friend of theirs.friendslist.friends as { steamid: string; friend_since: number }[]) {
      const back = JSON.parse(
        (await get(`/ISteamUser/GetFriendList/v1/?key=${KEY}&steamid=${friend.steamid}`)).text,
      );
      expect(back.friendslist.friends).toContainEqual({
        steamid: other,
        relationship: 'friend',
        friend_since: friend.friend_since,
      });
    }
  });

  it('filters by relationship', async () => {
    const friends = JSON.parse(
      (await get(`/ISteamUser/GetFriendList/v1/?key=${KEY}&steamid=${ALICE}&relationship=friend`)).text,
    );
    expect(friends.friendslist.friends).toHaveLength(2);
    const none = await get(`/ISteamUser/GetFriendList/v1/?key=${KEY}&steamid=${ALICE}&relationship=blocked`);
    expect(none.text).toBe('{"friendslist":{"friends":[]}}');
  });
});

describe('IPlayerService/GetOwnedGames/v1', () => {
  const owned = (input: Record<string, unknown>) =>
    `/IPlayerService/GetOwnedGames/v1/?key=${KEY}&input_json=${encodeURIComponent(JSON.stringify(input))}`;

  it('lists paid games, free ones only when asked and played, with app info when asked', async () => {
    const { value, xml } = await inAllFormats(owned({ steamid: ALICE, include_appinfo: true }), {});
    expect(value).toEqual({
      response: {
        game_count: 2,
        games: [
          {
            appid: 620,
            name: 'Portal 2',
            playtime_forever: 900,
            img_icon_url: '2e478fc6874d06ae5baf0d147f6f21203291aa02',
            has_community_visible_stats: true,
            playtime_windows_forever: 900,
            playtime_mac_forever: 0,
            playtime_linux_forever: 0,
            playtime_deck_forever: 0,
            rtime_last_played: 1_700_000_000,
            has_leaderboards: true,
            playtime_disconnected: 0,
          },
          expect.objectContaining({ appid: 365670, name: 'Blender', playtime_forever: 42 }),
        ],
      },
    });
    expect(xml.text).toContain('<games>\n\t\t<message>\n\t\t\t<appid>620</appid>');

    const withFree = JSON.parse((await get(owned({ steamid: ALICE, include_played_free_games: 1 }))).text);
    expect(withFree.response.games.map((g: { appid: number }) => g.appid)).toEqual([440, 620, 730, 365670]);
    expect(withFree.response.games[0]).toEqual({
      appid: 440,
      playtime_2weeks: 30,
      playtime_forever: 600,
      playtime_windows_forever: 600,
      playtime_mac_forever: 0,
      playtime_linux_forever: 0,
      playtime_deck_forever: 0,
      rtime_last_played: expect.any(Number),
      playtime_disconnected: 0,
    });
  });

  it('filters by appids_filter sent in input_json (or as indexed parameters)', async () => {
    const filtered = JSON.parse(
      (await get(owned({ steamid: ALICE, include_played_free_games: true, appids_filter: [730, 620, 999] })))
        .text,
    );
    expect(filtered.response.game_count).toBe(2);
    expect(filtered.response.games.map((g: { appid: number }) => g.appid)).toEqual([620, 730]);
    const plain = JSON.parse(
      (await get(`/IPlayerService/GetOwnedGames/v1/?key=${KEY}&steamid=${ALICE}&appids_filter[0]=365670`))
        .text,
    );
    expect(plain.response.games.map((g: { appid: number }) => g.appid)).toEqual([365670]);
  });

  it('answers 500 when input_json comes with plain parameters beside it (UPSTREAM.md)', async () => {
    expect((await get(`${owned({ steamid: ALICE })}&include_appinfo=1`)).status).toBe(500);
  });
});

describe('IPlayerService/GetRecentlyPlayedGames/v1', () => {
  it('lists the last two weeks, most played first, and honours count', async () => {
    const { value } = await inAllFormats(
      `/IPlayerService/GetRecentlyPlayedGames/v1/?key=${KEY}&steamid=${ALICE}`,
      {},
    );
    expect(value).toEqual({
      response: {
        total_count: 2,
        games: [
          {
            appid: 730,
            name: 'Counter-Strike 2',
            playtime_2weeks: 120,
            playtime_forever: 5000,
            img_icon_url: '8dbc71957312bbd3baea65848b545be9eae2a355',
            playtime_windows_forever: 5000,
            playtime_mac_forever: 0,
            playtime_linux_forever: 0,
            playtime_deck_forever: 0,
          },
          expect.objectContaining({ appid: 440, playtime_2weeks: 30 }),
        ],
      },
    });
    const one = JSON.parse(
      (await get(`/IPlayerService/GetRecentlyPlayedGames/v1/?key=${KEY}&steamid=${ALICE}&count=1`)).text,
    );
    expect(one.response.total_count).toBe(2);
    expect(one.response.games).toHaveLength(1);
  });
});

describe('ISteamUserStats', () => {
  it('GetPlayerAchievements lists every achievement, localized only when asked', async () => {
    const path = `/ISteamUserStats/GetPlayerAchievements/v1/?key=${KEY}&steamid=${ALICE}&appid=620`;
    const { value } = await inAllFormats(path, { achievements: 'achievement' });
    const stats = value.playerstats as { achievements: Record<string, unknown>[] };
    expect(value.playerstats).toMatchObject({ steamID: ALICE, gameName: 'Portal 2', success: true });
    expect(stats.achievements).toHaveLength(6);
    expect(stats.achievements.filter((a) => a.achieved === 1).map((a) => a.apiname)).toEqual([
      'WAKE_UP',
      'LASER',
    ]);
    expect(stats.achievements.find((a) => a.apiname === 'BRIDGE')).toEqual({
      apiname: 'BRIDGE',
      achieved: 0,
      unlocktime: 0,
    });
    const german = JSON.parse((await get(`${path}&l=german`)).text);
    expect(german.playerstats.achievements[1]).toMatchObject({
      apiname: 'WAKE_UP',
      achieved: 1,
      name: 'Du Monster',
      description: 'Treffen Sie GLaDOS wieder',
    });
    // Achievements without a translation fall back to English.
    expect(german.playerstats.achievements[2]).toMatchObject({ apiname: 'LASER', name: 'Undiscouraged' });
  });

  it('GetUserStatsForGame gives stats and unlocked achievements', async () => {
    const { value } = await inAllFormats(
      `/ISteamUserStats/GetUserStatsForGame/v2/?key=${KEY}&steamid=${ALICE}&appid=730`,
      {
        stats: 'stat',
        achievements: 'achievement',
      },
    );
    expect(value).toEqual({
      playerstats: {
        steamID: ALICE,
        gameName: 'Counter-Strike 2',
        stats: [
          { name: 'total_kills', value: 1234 },
          { name: 'total_deaths', value: 999 },
        ],
        achievements: expect.any(Array),
      },
    });
  });

  it('answers 400 "Requested app has no stats" for an app without stats or not owned', async () => {
    for (const appid of [365670, 570, 252490]) {
      for (const method of ['GetPlayerAchievements/v1', 'GetUserStatsForGame/v2']) {
        const { value, json } = await inAllFormats(
          `/ISteamUserStats/${method}/?key=${KEY}&steamid=${ALICE}&appid=${appid}`,
          {},
        );
        expect(json.status).toBe(400);
        expect(value).toEqual({ playerstats: { error: 'Requested app has no stats', success: false } });
      }
    }
  });

  it('GetGlobalAchievementPercentagesForApp needs no key and gives percents as strings, highest first', async () => {
    const { value } = await inAllFormats(
      '/ISteamUserStats/GetGlobalAchievementPercentagesForApp/v2/?gameid=620',
      {
        achievements: 'achievement',
      },
    );
    const list = (value.achievementpercentages as { achievements: { name: string; percent: string }[] })
      .achievements;
    expect(list[0]).toEqual({ name: 'SURVIVE_CONTAINER_RIDE', percent: '74.9' });
    expect(list.find((a) => a.name === 'BRIDGE')!.percent).toBe('54.0');
    expect(list.map((a) => Number(a.percent))).toEqual(
      [...list.map((a) => Number(a.percent))].sort((a, b) => b - a),
    );
    const none = await get('/ISteamUserStats/GetGlobalAchievementPercentagesForApp/v2/?gameid=570');
    expect([none.status, none.text]).toEqual([403, '{}']);
  });
});

describe('ISteamNews/GetNewsForApp/v2', () => {
  it("gives the newest posts, count of them, with Steam's fields", async () => {
    const { value } = await inAllFormats('/ISteamNews/GetNewsForApp/v2/?appid=440&count=3', {
      newsitems: 'newsitem',
      tags: 'tag',
    });
    const news = value.appnews as { appid: number; count: number; newsitems: Record<string, unknown>[] };
    expect(news.appid).toBe(440);
    expect(news.count).toBe(30);
    expect(news.newsitems).toHaveLength(3);
    expect(Object.keys(news.newsitems[0]!).slice(0, 11)).toEqual([
      'gid',
      'title',
      'url',
      'is_external_url',
      'author',
      'contents',
      'feedlabel',
      'date',
      'feedname',
      'feed_type',
      'appid',
    ]);
    expect(typeof news.newsitems[0]!.gid).toBe('string');
    const dates = news.newsitems.map((item) => item.date as number);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('cuts contents at maxlength and ends them with "..."', async () => {
    const full = JSON.parse((await get('/ISteamNews/GetNewsForApp/v2/?appid=730&count=1')).text);
    const cut = JSON.parse((await get('/ISteamNews/GetNewsForApp/v2/?appid=730&count=1&maxlength=40')).text);
    const contents = cut.appnews.newsitems[0].contents as string;
    expect(full.appnews.newsitems[0].contents.length).toBeGreaterThan(43);
    expect(contents).toHaveLength(43);
    expect(contents.endsWith('...')).toBe(true);
    expect(contents).not.toMatch(/[[<]/);
  });

  it('filters by feed and answers 403 {} for an app without news', async () => {
    const blog = JSON.parse(
      (await get('/ISteamNews/GetNewsForApp/v2/?appid=440&feeds=tf2_blog&count=50')).text,
    );
    expect(blog.appnews.newsitems.length).toBeGreaterThan(0);
    expect(blog.appnews.newsitems.every((item: { feedname: string }) => item.feedname === 'tf2_blog')).toBe(
      true,
    );
    const none = await get('/ISteamNews/GetNewsForApp/v2/?appid=12345');
    expect([none.status, none.text]).toEqual([403, '{}']);
  });
});

describe('ISteamWebAPIUtil', () => {
  it('GetServerInfo gives the time and its Pacific ctime string, without a root in JSON', async () => {
    const before = Math.floor(Date.now() / 1000);
    const path = '/ISteamWebAPIUtil/GetServerInfo/v1/';
    // Separate calls may straddle a second: check each format's shape, not equal values.
    const value = JSON.parse((await get(path)).text) as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['servertime', 'servertimestring']);
    expect(value.servertime).toBeGreaterThanOrEqual(before);
    expect(value.servertimestring).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}$/);
    const xml = (await get(`${path}?format=xml`)).text;
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<!DOCTYPE response>\n<response>\n\t<servertime>\d+<\/servertime>\n\t<servertimestring>[^<]+<\/servertimestring>\n<\/response>$/,
    );
    const vdf = readVdf((await get(`${path}?format=vdf`)).text);
    expect(Object.keys(vdf.response as object)).toEqual(['servertime', 'servertimestring']);
  });
});

describe('ISteamUser/ResolveVanityURL/v1', () => {
  it('answers in every format', async () => {
    const { value } = await inAllFormats(`/ISteamUser/ResolveVanityURL/v1/?key=${KEY}&vanityurl=ALICE`, {});
    expect(value).toEqual({ response: { steamid: ALICE, success: 1 } });
  });
});

describe('determinism', () => {
  it('gives the same bytes for the same scenario', async () => {
    const again = await startEmulator({ scenario: { steam: emulator.scenario.steam } });
    try {
      for (const path of [
        `/ISteamUser/GetPlayerSummaries/v2/?key=${KEY}&steamids=${ALICE},76561198000009999&format=vdf`,
        `/ISteamUser/GetFriendList/v1/?key=${KEY}&steamid=76561198000009999&format=xml`,
        `/IPlayerService/GetOwnedGames/v1/?key=${KEY}&steamid=76561198000009999&include_appinfo=1&include_played_free_games=1`,
        `/ISteamNews/GetNewsForApp/v2/?appid=252490`,
      ]) {
        const [a, b] = await Promise.all([fetch(`${emulator.url}${path}`), fetch(`${again.url}${path}`)]);
        expect(await a.text()).toBe(await b.text());
      }
    } finally {
      await again.close();
    }
  });
});
