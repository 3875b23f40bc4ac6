/**
 * @module mcp/tools/steam-resolve
 * `steam_resolve_id`: any way of naming a Steam account to its SteamID64.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { ME, resolveSteamId } from '../../steam/ids/resolve.js';
import { withToolErrors } from '../errors.js';
import { toolResult } from '../result.js';
import { READ_ONLY, type ToolContext } from './context.js';

export const steamWhoSchema = z
  .string()
  .min(1)
  .default(ME)
  .describe(
    'the account: SteamID64 (7656119...), STEAM_0:X:Y, [U:1:N], profile URL (steamcommunity.com/profiles/... or /id/...), trade offer URL, custom URL (vanity) name, or "me" (the default: the server\'s STEAM_ID)',
  );

const DESCRIPTION = `Turn any way of naming a Steam account into its SteamID64 (and the trade token, when given a trade offer URL).
SteamIDs, profile URLs and trade URLs resolve offline; "me" (or no who) is the server's STEAM_ID. A vanity name (steamcommunity.com/id/<name>) costs one request: the Steam Web API when the server has STEAM_API_KEY, otherwise the profile page, which shares the inventory rate limit. Unknown names fail with not_found.`;

export function registerSteamResolveTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'steam_resolve_id',
    {
      title: 'Resolve a Steam account',
      description: DESCRIPTION,
      inputSchema: { who: steamWhoSchema },
      outputSchema: { steamid64: z.string(), tradeToken: z.string().optional() },
      annotations: READ_ONLY,
    },
    withToolErrors(async ({ who }: { who: string }) => {
      const resolved = await resolveSteamId(who, ctx.resolveOptions);
      const token = resolved.tradeToken ? ` (trade token ${resolved.tradeToken})` : '';
      return toolResult(`${resolved.steamid64}${token}`, { ...resolved });
    }),
  );
}
