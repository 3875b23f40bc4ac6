/**
 * @module emulator/steam/people/progress
 * Per-game progress: which achievements an account unlocked (and when) and its stat
 * values. Only for games it owns and has played; a global percentage makes an achievement
 * as likely to be unlocked as Steam's figure says. The scenario can list either outright.
 */
import { createRng, hash32 } from '../random.js';
import type { SteamUserScenario } from '../scenario.js';
import type { OwnedGame } from './games.js';

export interface UnlockedAchievement {
  apiname: string;
  achieved: boolean;
  /** Unix time of the unlock; 0 when not achieved. */
  unlockTime: number;
}

export interface StatValue {
  name: string;
  value: number;
}

export function achievementsFor(
  steamid: string,
  game: OwnedGame,
  user: SteamUserScenario | undefined,
  timeCreated: number,
): UnlockedAchievement[] {
  const listed = user?.achievements?.[String(game.app.appid)];
  const rng = createRng(hash32(`${steamid}#achievements#${game.app.appid}`));
  const first = Math.max(timeCreated, game.lastPlayed - Math.max(3_600, game.playtimeForever * 60));
  return game.app.achievements.map((achievement) => {
    const roll = rng();
    const when = first + Math.floor(rng() * Math.max(1, game.lastPlayed - first));
    const achieved = listed
      ? listed.includes(achievement.apiname)
      : game.playtimeForever > 0 && roll * 100 < achievement.percent;
    const unlockTime = achieved ? (game.lastPlayed > 0 ? when : first) : 0;
    return { apiname: achievement.apiname, achieved, unlockTime };
  });
}

export function statsFor(steamid: string, game: OwnedGame, user: SteamUserScenario | undefined): StatValue[] {
  const listed = user?.stats?.[String(game.app.appid)];
  if (listed) return Object.entries(listed).map(([name, value]) => ({ name, value }));
  const rng = createRng(hash32(`${steamid}#stats#${game.app.appid}`));
  const hours = game.playtimeForever / 60;
  return game.app.stats
    .map((stat) => ({ name: stat.name, value: Math.floor(hours * stat.perHour * (0.5 + rng())) }))
    .filter((stat) => stat.value > 0);
}
