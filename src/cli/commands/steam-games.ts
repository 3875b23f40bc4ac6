/**
 * @module cli/commands/steam-games
 * `gamestash steam games [who]`: IPlayerService/GetOwnedGames, most played first. A hidden
 * library says so ("no games visible"), which is not "owns nothing" (UPSTREAM.md).
 */
import type { OwnedGame } from '../../steam/webapi/index.js';
import { renderTable, type Column } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import {
  dateOf,
  hoursOf,
  NO_GAMES_VISIBLE,
  whoOf,
  withWebApi,
  type WebApiCommandOptions,
} from './steam-webapi-common.js';

export interface SteamGamesOptions extends WebApiCommandOptions {
  appinfo?: boolean;
  freeGames?: boolean;
  /** From `--apps 440,570`. */
  apps?: number[];
}

export async function steamGames(who: string | undefined, options: SteamGamesOptions): Promise<void> {
  await withWebApi(options, async (client, config) => {
    const result = await client.getOwnedGames(whoOf(who, config), {
      format: options.format,
      ...(options.appinfo ? { include_appinfo: true } : {}),
      ...(options.freeGames ? { include_played_free_games: true } : {}),
      ...(options.apps ? { appids_filter: options.apps } : {}),
    });
    if (options.json) writeJson(result);
    else if (!result.visible) writeLine(NO_GAMES_VISIBLE);
    else if (result.games.length === 0) writeLine('no games');
    else writeLine(renderTable(byPlaytime(result.games), COLUMNS));
  });
}

export function byPlaytime<T extends { playtime_forever: number }>(games: readonly T[]): T[] {
  return [...games].sort((a, b) => b.playtime_forever - a.playtime_forever);
}

const COLUMNS: Column<OwnedGame>[] = [
  { header: 'appid', value: (g) => g.appid, align: 'right' },
  { header: 'name', value: (g) => g.name },
  { header: 'hours', value: (g) => hoursOf(g.playtime_forever), align: 'right' },
  { header: 'last 2 weeks', value: (g) => hoursOf(g.playtime_2weeks), align: 'right' },
  { header: 'last played', value: (g) => dateOf(g.rtime_last_played) },
];
