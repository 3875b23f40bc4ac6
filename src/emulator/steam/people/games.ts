/**
 * @module emulator/steam/people/games
 * An account's game library: which catalogue apps it owns (or, for free games, has
 * played), minutes played in total and in the last two weeks, and when it last played.
 * Generated from the SteamID unless the scenario lists the games.
 */
import { createRng, hash32 } from '../random.js';
import type { SteamUserScenario } from '../scenario.js';
import { STEAM_APPS, steamApp, type SteamApp } from './apps.js';
import { DAY, REFERENCE_TIME } from './time.js';

export interface OwnedGame {
  app: SteamApp;
  playtimeForever: number;
  playtime2Weeks: number;
  /** 0 when never played. */
  lastPlayed: number;
  /** Free games count as owned only once played (`include_played_free_games`). */
  playedFree: boolean;
}

export function ownedGames(
  steamid: string,
  user: SteamUserScenario | undefined,
  timeCreated: number,
): OwnedGame[] {
  if (user?.games) return listedGames(user.games, timeCreated);
  const rng = createRng(hash32(`${steamid}#games`));
  const owned: { game: OwnedGame; acquired: number }[] = [];
  for (const app of STEAM_APPS) {
    const roll = rng();
    const played = rng() < 0.85;
    const hours = Math.floor(rng() * rng() * 1500);
    const recent = rng() < 0.25 ? 1 + Math.floor(rng() * 900) : 0;
    const daysAgo = Math.floor(rng() * 400);
    const acquired = rng();
    if (roll >= app.popularity) continue;
    // A free game nobody started is not in the library at all.
    if (app.free && !played) continue;
    const playtimeForever = played ? hours * 60 + 1 + Math.floor(rng() * 59) : 0;
    const playtime2Weeks = played ? Math.min(recent, playtimeForever) : 0;
    const lastPlayed =
      playtimeForever === 0
        ? 0
        : Math.max(timeCreated, REFERENCE_TIME - (playtime2Weeks > 0 ? daysAgo % 14 : daysAgo) * DAY - 3_600);
    owned.push({
      game: { app, playtimeForever, playtime2Weeks, lastPlayed, playedFree: app.free },
      acquired,
    });
  }
  // Steam lists a library in no particular order; keep one that is stable per account.
  return owned.sort((a, b) => a.acquired - b.acquired).map((entry) => entry.game);
}

function listedGames(games: NonNullable<SteamUserScenario['games']>, timeCreated: number): OwnedGame[] {
  const out: OwnedGame[] = [];
  for (const [appText, spec] of Object.entries(games)) {
    const app = steamApp(Number(appText)) ?? unknownApp(Number(appText));
    const playtimeForever = spec.playtimeForever ?? 0;
    const playtime2Weeks = spec.playtime2Weeks ?? 0;
    const lastPlayed =
      spec.lastPlayed ?? (playtimeForever > 0 ? Math.max(timeCreated, REFERENCE_TIME - DAY) : 0);
    out.push({ app, playtimeForever, playtime2Weeks, lastPlayed, playedFree: app.free });
  }
  return out;
}

/** A scenario may list an app the catalogue lacks: it gets a name and icon of the right shape. */
function unknownApp(appid: number): SteamApp {
  let icon = '';
  for (let i = 0; icon.length < 40; i++) icon += hash32(`${appid}#icon${i}`).toString(16).padStart(8, '0');
  return {
    appid,
    name: `App ${appid}`,
    iconHash: icon.slice(0, 40),
    free: false,
    communityVisibleStats: false,
    leaderboards: false,
    achievements: [],
    stats: [],
    popularity: 0,
    feeds: [],
  };
}
