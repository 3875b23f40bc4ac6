/**
 * @module emulator/steam/people
 * The emulated Steam accounts (the same people whose inventories the emulator serves) and
 * the app catalogue their games, achievements and news come from.
 */
export { People } from './people.js';
export {
  DEFAULT_AVATAR_HASH,
  generatedPersonaName,
  profileVisibility,
  type PersonProfile,
} from './persona.js';
export type { Friendship } from './friends.js';
export type { OwnedGame } from './games.js';
export type { StatValue, UnlockedAchievement } from './progress.js';
export { STEAM_APPS, steamApp, hasStats, type SteamApp, type AppAchievement } from './apps.js';
export { newsFor, NEWS_PER_APP, type NewsItem } from './news.js';
export { REFERENCE_TIME } from './time.js';
