/**
 * @module cli/commands/steam-achievements
 * `gamestash steam achievements [who] --app N [--lang L]`: ISteamUserStats/
 * GetPlayerAchievements. A private profile is the private error (exit 4; Steam's 403
 * "Profile is not public").
 */
import type { PlayerAchievement } from '../../steam/webapi/index.js';
import { renderTable, type Column } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import { dateTimeOf, whoOf, withWebApi, type WebApiCommandOptions } from './steam-webapi-common.js';

export interface SteamAchievementsOptions extends WebApiCommandOptions {
  app: number;
  lang?: string;
}

export async function steamAchievements(
  who: string | undefined,
  options: SteamAchievementsOptions,
): Promise<void> {
  await withWebApi(options, async (client, config) => {
    const result = await client.getPlayerAchievements(whoOf(who, config), options.app, {
      format: options.format,
      ...(options.lang ? { l: options.lang } : {}),
    });
    if (options.json) return writeJson(result);
    const unlocked = result.achievements.filter((a) => a.achieved === 1).length;
    if (result.achievements.length === 0) return writeLine(`${result.gameName}: no achievements`);
    writeLine(`${result.gameName}: ${unlocked} of ${result.achievements.length} achievements unlocked`);
    writeLine(renderTable(result.achievements, COLUMNS));
  });
}

const COLUMNS: Column<PlayerAchievement>[] = [
  { header: 'achievement', value: (a) => a.apiname },
  { header: 'name', value: (a) => a.name },
  { header: 'unlocked', value: (a) => (a.achieved === 1 ? 'yes' : 'no') },
  { header: 'when (UTC)', value: (a) => dateTimeOf(a.unlocktime) },
];
