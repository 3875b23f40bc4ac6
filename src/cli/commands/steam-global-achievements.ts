/**
 * @module cli/commands/steam-global-achievements
 * `gamestash steam global-achievements --app N`: ISteamUserStats/
 * GetGlobalAchievementPercentagesForApp, the share of all players holding each achievement
 * (no key needed).
 */
import type { GlobalAchievementPercentage } from '../../steam/webapi/index.js';
import { renderTable, type Column } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import { withWebApi, type WebApiCommandOptions } from './steam-webapi-common.js';

export interface SteamGlobalAchievementsOptions extends WebApiCommandOptions {
  app: number;
}

export async function steamGlobalAchievements(options: SteamGlobalAchievementsOptions): Promise<void> {
  await withWebApi(options, async (client) => {
    const result = await client.getGlobalAchievementPercentagesForApp(options.app, {
      format: options.format,
    });
    if (options.json) writeJson(result);
    else
      writeLine(
        result.achievements.length === 0 ? 'no achievements' : renderTable(result.achievements, COLUMNS),
      );
  });
}

const COLUMNS: Column<GlobalAchievementPercentage>[] = [
  { header: 'achievement', value: (a) => a.name },
  { header: 'players', value: (a) => `${a.percent.toFixed(1)}%`, align: 'right' },
];
