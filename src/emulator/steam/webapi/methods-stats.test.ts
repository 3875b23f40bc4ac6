import { describe, expect, it } from 'vitest';
import { readVdf } from '../../../../test/webapi-formats.js';
import { ALICE, KEY, webApiWorld } from '../../../../test/webapi-world.js';
import { startEmulator } from '../../index.js';

const { world, get, inAllFormats } = webApiWorld();

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
    const again = await startEmulator({ scenario: { steam: world.emulator.scenario.steam } });
    try {
      for (const path of [
        `/ISteamUser/GetPlayerSummaries/v2/?key=${KEY}&steamids=${ALICE},76561198000009999&format=vdf`,
        `/ISteamUser/GetFriendList/v1/?key=${KEY}&steamid=76561198000009999&format=xml`,
        `/IPlayerService/GetOwnedGames/v1/?key=${KEY}&steamid=76561198000009999&include_appinfo=1&include_played_free_games=1`,
        `/ISteamNews/GetNewsForApp/v2/?appid=252490`,
      ]) {
        const [a, b] = await Promise.all([
          fetch(`${world.emulator.url}${path}`),
          fetch(`${again.url}${path}`),
        ]);
        expect(await a.text()).toBe(await b.text());
      }
    } finally {
      await again.close();
    }
  });
});
