/**
 * @module cli/commands/steam-recent
 * `gamestash steam recent [who]`: IPlayerService/GetRecentlyPlayedGames (the last two weeks).
 */
import type { RecentGame } from '../../steam/webapi/index.js';
import { renderTable, type Column } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import {
  hoursOf,
  NO_GAMES_VISIBLE,
  whoOf,
  withWebApi,
  type WebApiCommandOptions,
} from './steam-webapi-common.js';

export interface SteamRecentOptions extends WebApiCommandOptions {
  count?: number;
}

export async function steamRecent(who: string | undefined, options: SteamRecentOptions): Promise<void> {
  await withWebApi(options, async (client, config) => {
    const result = await client.getRecentlyPlayedGames(whoOf(who, config), {
      format: options.format,
      ...(options.count === undefined ? {} : { count: options.count }),
    });
    if (options.json) writeJson(result);
    else if (!result.visible) writeLine(NO_GAMES_VISIBLE);
    else if (result.games.length === 0) writeLine('no games played in the last two weeks');
    else writeLine(renderTable(result.games, COLUMNS));
  });
}

const COLUMNS: Column<RecentGame>[] = [
  { header: 'appid', value: (g) => g.appid, align: 'right' },
  { header: 'name', value: (g) => g.name },
  { header: 'last 2 weeks', value: (g) => hoursOf(g.playtime_2weeks), align: 'right' },
  { header: 'hours', value: (g) => hoursOf(g.playtime_forever), align: 'right' },
];
