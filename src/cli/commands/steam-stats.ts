/**
 * @module cli/commands/steam-stats
 * `gamestash steam stats [who] --app N`: ISteamUserStats/GetUserStatsForGame: the player's
 * stats, then the achievements they unlocked.
 */
import { renderTable, type Column } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import { whoOf, withWebApi, type WebApiCommandOptions } from './steam-webapi-common.js';

export interface SteamStatsOptions extends WebApiCommandOptions {
  app: number;
}

export async function steamStats(who: string | undefined, options: SteamStatsOptions): Promise<void> {
  await withWebApi(options, async (client, config) => {
    const result = await client.getUserStatsForGame(whoOf(who, config), options.app, {
      format: options.format,
    });
    if (options.json) return writeJson(result);
    writeLine(
      result.stats.length === 0 ? `${result.gameName}: no stats` : renderTable(result.stats, STAT_COLUMNS),
    );
    const names = result.achievements.map((a) => a.name);
    writeLine(`achievements unlocked: ${names.length === 0 ? 'none' : names.join(', ')}`);
  });
}

const STAT_COLUMNS: Column<{ name: string; value: number }>[] = [
  { header: 'stat', value: (s) => s.name },
  { header: 'value', value: (s) => s.value, align: 'right' },
];
