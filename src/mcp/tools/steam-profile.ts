/**
 * @module mcp/tools/steam-profile
 * `steam_profile`: player profiles (GetPlayerSummaries), trimmed to what an agent uses.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { ME } from '../../steam/ids/resolve.js';
import type { PlayerSummary } from '../../steam/webapi/index.js';
import { withToolErrors } from '../errors.js';
import { toolResult } from '../result.js';
import { READ_ONLY, type ToolContext } from './context.js';
import { isoDate, steamWhoSchema } from './webapi-output.js';

const MAX_PLAYERS = 100;

const inputSchema = {
  who: z
    .union([steamWhoSchema, z.array(z.string().min(1)).min(1).max(MAX_PLAYERS)])
    .default(ME)
    .describe(
      `one account, or a list of up to ${MAX_PLAYERS}, in any form (SteamID64, profile URL, vanity name, "me")`,
    ),
};

const playerSchema = z.object({
  steamid: z.string(),
  name: z.string(),
  visibility: z.string().describe('public, or private (also friends-only: Steam shows both as 1)'),
  status: z.string().describe('offline, online, busy, away, snooze, looking to trade/play'),
  playing: z.string().optional().describe('the game being played now'),
  realName: z.string().optional(),
  country: z.string().optional(),
  created: z.string().optional().describe('account creation date (public profiles)'),
  lastOnline: z.string().optional(),
  profileUrl: z.string(),
});

const outputSchema = { players: z.array(playerSchema) };

const DESCRIPTION = `Steam player profiles (ISteamUser/GetPlayerSummaries): name, visibility, online status, game being played, real name and country (public profiles), account creation date, profile URL.
Give one account or up to ${MAX_PLAYERS}; they come back in the order asked (unknown ids are left out). A private profile still answers with its public fields. Needs the server's STEAM_API_KEY.`;

const VISIBILITY: Record<number, string> = { 1: 'private', 2: 'friends only', 3: 'public' };
const STATES = ['offline', 'online', 'busy', 'away', 'snooze', 'looking to trade', 'looking to play'];

export function registerSteamProfileTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'steam_profile',
    { title: 'Steam profiles', description: DESCRIPTION, inputSchema, outputSchema, annotations: READ_ONLY },
    withToolErrors(async ({ who }: { who: string | string[] }, extra) => {
      const { players } = await ctx.steamWebApi.getPlayerSummaries(who, { signal: extra.signal });
      const trimmed = players.map(trim);
      const lines = trimmed.map(
        (p) =>
          `- ${p.name} [${p.steamid}] ${p.visibility}, ${p.playing ? `playing ${p.playing}` : p.status}${p.country ? `, ${p.country}` : ''}${p.created ? `, since ${p.created}` : ''}`,
      );
      return toolResult(lines.join('\n') || 'no such players', { players: trimmed });
    }),
  );
}

function trim(p: PlayerSummary): z.infer<typeof playerSchema> {
  return {
    steamid: p.steamid,
    name: p.personaname,
    visibility: VISIBILITY[p.communityvisibilitystate] ?? String(p.communityvisibilitystate),
    status: STATES[p.personastate] ?? String(p.personastate),
    ...(p.gameextrainfo ? { playing: p.gameextrainfo } : {}),
    ...(p.realname ? { realName: p.realname } : {}),
    ...(p.loccountrycode ? { country: p.loccountrycode } : {}),
    ...(p.timecreated ? { created: isoDate(p.timecreated) } : {}),
    ...(p.lastlogoff ? { lastOnline: isoDate(p.lastlogoff) } : {}),
    profileUrl: p.profileurl,
  };
}
