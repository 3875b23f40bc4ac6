/**
 * @module cli/commands/steam-profile
 * `gamestash steam profile [who...]`: ISteamUser/GetPlayerSummaries for any number of
 * players, in the order asked. A private profile is a row like any other (public fields only).
 */
import type { PlayerSummary } from '../../steam/webapi/index.js';
import { renderTable, type Column } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import { dateOf, whoOf, withWebApi, type WebApiCommandOptions } from './steam-webapi-common.js';

export type SteamProfileOptions = WebApiCommandOptions;

export async function steamProfile(who: string[], options: SteamProfileOptions): Promise<void> {
  await withWebApi(options, async (client, config) => {
    const asked = who.length === 0 ? [whoOf(undefined, config)] : who.map((one) => whoOf(one, config));
    const result = await client.getPlayerSummaries(asked, { format: options.format });
    if (options.json) writeJson(result);
    else writeLine(result.players.length === 0 ? 'no such players' : renderTable(result.players, COLUMNS));
  });
}

/** seed 004: 1 not visible to the caller, 3 public (2 is friends-only where Steam says so). */
const VISIBILITY: Record<number, string> = { 1: 'private', 2: 'friends only', 3: 'public' };
const STATES = ['offline', 'online', 'busy', 'away', 'snooze', 'looking to trade', 'looking to play'];

const COLUMNS: Column<PlayerSummary>[] = [
  { header: 'steamid', value: (p) => p.steamid },
  { header: 'name', value: (p) => p.personaname },
  {
    header: 'visibility',
    value: (p) => VISIBILITY[p.communityvisibilitystate] ?? String(p.communityvisibilitystate),
  },
  { header: 'status', value: (p) => (p.gameextrainfo ? `in ${p.gameextrainfo}` : STATES[p.personastate]) },
  { header: 'real name', value: (p) => p.realname },
  { header: 'country', value: (p) => p.loccountrycode },
  { header: 'since', value: (p) => dateOf(p.timecreated) },
  { header: 'profile', value: (p) => p.profileurl },
];
