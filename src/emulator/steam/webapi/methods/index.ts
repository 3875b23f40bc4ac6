/**
 * @module emulator/steam/webapi/methods
 * The Web API methods the emulator answers out of the box.
 */
import type { WebApiMethod, WebApiRegistry } from '../registry.js';
import { getOwnedGames, getRecentlyPlayedGames } from './player-service.js';
import { getNewsForApp } from './steam-news.js';
import { getFriendList, getPlayerSummaries, resolveVanityUrl } from './steam-user.js';
import {
  getGlobalAchievementPercentagesForApp,
  getPlayerAchievements,
  getUserStatsForGame,
} from './user-stats.js';
import { getServerInfo, getSupportedApiList } from './web-api-util.js';

export function builtInMethods(registry: WebApiRegistry): WebApiMethod[] {
  return [
    getPlayerSummaries,
    getFriendList,
    resolveVanityUrl,
    getOwnedGames,
    getRecentlyPlayedGames,
    getPlayerAchievements,
    getUserStatsForGame,
    getGlobalAchievementPercentagesForApp,
    getNewsForApp,
    getServerInfo,
    getSupportedApiList(registry),
  ];
}
