/**
 * @module emulator/steam/webapi/methods/user-stats
 * ISteamUserStats: GetPlayerAchievements v1, GetUserStatsForGame v2 and
 * GetGlobalAchievementPercentagesForApp v2. Privacy and "no stats" are answered as data
 * with an error status (UPSTREAM.md): 403 `{"playerstats":{"error":"Profile is not
 * public","success":false}}` and 400 `…"Requested app has no stats"…`. Since 2024 Steam
 * sends global percentages as strings with one decimal ("38.7", a recorded 2026 answer).
 */
import { hasStats, steamApp, type AppAchievement, type OwnedGame } from '../../people/index.js';
import { isIndividualSteamId } from '../../request-info.js';
import type { WebApiObject } from '../formats/index.js';
import type { WebApiCall, WebApiData, WebApiMethod } from '../registry.js';

const playerParameters = [
  { name: 'steamid', type: 'uint64', optional: false, description: 'SteamID of user' },
];

const notPublic = (): WebApiData => ({
  root: 'playerstats',
  status: 403,
  value: { error: 'Profile is not public', success: false },
});

const noStats = (): WebApiData => ({
  root: 'playerstats',
  status: 400,
  value: { error: 'Requested app has no stats', success: false },
});

/**
 * The player's game, or the error answer. An app the player does not own answers like an
 * app without stats (an assumption: Steam has no separate message for it).
 */
function playerGame(
  { params, people }: WebApiCall,
  needsAchievements: boolean,
): { steamid: string; game: OwnedGame } | WebApiData {
  const steamid = params.uint64('steamid') ?? '';
  const appid = params.uint('appid', 0);
  if (!isIndividualSteamId(steamid)) return notPublic();
  const person = people.profile(steamid);
  if (person.visibility !== 'public' || !person.profileSetUp) return notPublic();
  const app = steamApp(appid);
  const game = people.games(steamid).find((owned) => owned.app.appid === appid);
  if (!hasStats(app) || !game || (needsAchievements && app.achievements.length === 0)) return noStats();
  return { steamid, game };
}

export const getPlayerAchievements: WebApiMethod = {
  interface: 'ISteamUserStats',
  method: 'GetPlayerAchievements',
  version: 1,
  needsKey: true,
  parameters: [
    ...playerParameters,
    { name: 'appid', type: 'uint32', optional: false, description: 'AppID to get achievements for' },
    { name: 'l', type: 'string', optional: true, description: 'Language to return strings for' },
  ],
  arrayElements: { achievements: 'achievement' },
  handle(call) {
    const found = playerGame(call, true);
    if ('root' in found) return found;
    const { steamid, game } = found;
    const language = call.params.get('l')?.toLowerCase();
    const definitions = new Map(game.app.achievements.map((a) => [a.apiname, a]));
    const achievements = call.people.achievements(steamid, game).map((unlocked) => ({
      apiname: unlocked.apiname,
      achieved: unlocked.achieved ? 1 : 0,
      unlocktime: unlocked.unlockTime,
      // Names and descriptions only when a language is asked for (seeds/004).
      ...(language ? localized(definitions.get(unlocked.apiname), language) : {}),
    }));
    return {
      root: 'playerstats',
      value: { steamID: steamid, gameName: game.app.name, achievements, success: true },
    };
  },
};

function localized(achievement: AppAchievement | undefined, language: string): WebApiObject {
  const text = achievement?.text[language] ?? achievement?.text.english;
  return text ? { name: text.name, description: text.description } : {};
}

export const getUserStatsForGame: WebApiMethod = {
  interface: 'ISteamUserStats',
  method: 'GetUserStatsForGame',
  version: 2,
  needsKey: true,
  parameters: [
    ...playerParameters,
    { name: 'appid', type: 'uint32', optional: false, description: 'appid of game' },
  ],
  arrayElements: { stats: 'stat', achievements: 'achievement' },
  handle(call) {
    const found = playerGame(call, false);
    if ('root' in found) return found;
    const { steamid, game } = found;
    const stats = call.people.stats(steamid, game);
    // Only unlocked achievements are listed, as `{name, achieved: 1}`.
    const achieved = call.people
      .achievements(steamid, game)
      .filter((a) => a.achieved)
      .map((a) => ({ name: a.apiname, achieved: 1 }));
    return {
      root: 'playerstats',
      value: {
        steamID: steamid,
        gameName: game.app.name,
        stats: stats.length > 0 ? stats.map((stat) => ({ name: stat.name, value: stat.value })) : undefined,
        achievements: achieved.length > 0 ? achieved : undefined,
      },
    };
  },
};

export const getGlobalAchievementPercentagesForApp: WebApiMethod = {
  interface: 'ISteamUserStats',
  method: 'GetGlobalAchievementPercentagesForApp',
  version: 2,
  needsKey: false,
  parameters: [
    {
      name: 'gameid',
      type: 'uint64',
      optional: false,
      description: 'GameID to retrieve the achievement percentages for',
    },
  ],
  arrayElements: { achievements: 'achievement' },
  handle({ params }) {
    const app = steamApp(Number(params.uint64('gameid') ?? 0));
    // An app without achievements (or unknown) gets a 403 with an empty object
    // (fkrzski/laravel-steam-api-sdk's recorded fixtures; not confirmed elsewhere).
    if (!app || app.achievements.length === 0) return { root: '', status: 403, value: {} };
    const achievements = [...app.achievements]
      .sort((a, b) => b.percent - a.percent)
      .map((a) => ({ name: a.apiname, percent: a.percent.toFixed(1) }));
    return { root: 'achievementpercentages', value: { achievements } };
  },
};
