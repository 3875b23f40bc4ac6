/**
 * @module cli/commands/steam-friends
 * `gamestash steam friends [who]`: ISteamUser/GetFriendList. A private friend list is the
 * private error (exit 4), as Steam's 401 means.
 */
import type { Friend } from '../../steam/webapi/index.js';
import { renderTable, type Column } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import { dateOf, whoOf, withWebApi, type WebApiCommandOptions } from './steam-webapi-common.js';

export type SteamFriendsOptions = WebApiCommandOptions;

export async function steamFriends(who: string | undefined, options: SteamFriendsOptions): Promise<void> {
  await withWebApi(options, async (client, config) => {
    const result = await client.getFriendList(whoOf(who, config), { format: options.format });
    if (options.json) writeJson(result);
    else writeLine(result.friends.length === 0 ? 'no friends' : renderTable(result.friends, COLUMNS));
  });
}

const COLUMNS: Column<Friend>[] = [
  { header: 'steamid', value: (f) => f.steamid },
  { header: 'relationship', value: (f) => f.relationship },
  { header: 'friends since', value: (f) => dateOf(f.friend_since) },
];
