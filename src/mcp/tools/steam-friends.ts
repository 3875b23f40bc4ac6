/**
 * @module mcp/tools/steam-friends
 * `steam_friends`: a player's friend list (GetFriendList); a private one is the private error.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { withToolErrors } from '../errors.js';
import { plural, toolResult } from '../result.js';
import { READ_ONLY, type ToolContext } from './context.js';
import { isoDate, steamWhoSchema } from './webapi-output.js';

const inputSchema = {
  who: steamWhoSchema,
  limit: z
    .number()
    .int()
    .min(1)
    .max(5000)
    .default(200)
    .describe('most friends returned, longest friendships first'),
};

const outputSchema = {
  steamid: z.string(),
  total: z.number(),
  returned: z.number(),
  friends: z.array(z.object({ steamid: z.string(), since: z.string().optional() })),
};

const DESCRIPTION = `A Steam player's friends (ISteamUser/GetFriendList): SteamID64 and friends-since date, longest friendships first, up to \`limit\`.
For names, pass the ids to steam_profile. A private or friends-only profile fails with "private". Needs the server's STEAM_API_KEY.`;

type Args = { who: string; limit: number };

export function registerSteamFriendsTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'steam_friends',
    { title: 'Steam friends', description: DESCRIPTION, inputSchema, outputSchema, annotations: READ_ONLY },
    withToolErrors(async ({ who, limit }: Args, extra) => {
      const steamid = await ctx.steamWebApi.resolve(who);
      const { friends } = await ctx.steamWebApi.getFriendList(steamid, { signal: extra.signal });
      const shown = [...friends]
        .sort((a, b) => a.friend_since - b.friend_since)
        .slice(0, limit)
        .map((f) => ({ steamid: f.steamid, ...(f.friend_since ? { since: isoDate(f.friend_since) } : {}) }));
      const head = `${steamid}: ${plural(friends.length, 'friend')}${shown.length < friends.length ? ` (${shown.length} shown)` : ''}`;
      const lines = shown.map((f) => `- ${f.steamid}${f.since ? ` since ${f.since}` : ''}`);
      return toolResult([head, ...lines].join('\n'), {
        steamid,
        total: friends.length,
        returned: shown.length,
        friends: shown,
      });
    }),
  );
}
