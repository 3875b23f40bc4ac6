/**
 * @module mcp/tools/steam-achievements
 * `steam_achievements`: a player's achievements in one app (GetPlayerAchievements), unlocked
 * first; a private profile is the private error (Steam's 403 "Profile is not public").
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { withToolErrors } from '../errors.js';
import { toolResult } from '../result.js';
import { READ_ONLY, type ToolContext } from './context.js';
import { appIdSchema, isoDate, steamWhoSchema } from './webapi-output.js';

const inputSchema = {
  who: steamWhoSchema,
  appid: appIdSchema,
  language: z
    .string()
    .regex(/^[a-z_]{2,32}$/)
    .optional()
    .describe(
      "names and descriptions in this language (Steam's names: english, german, french, schinese, ...)",
    ),
  unlockedOnly: z.boolean().default(false).describe('only the achievements the player has'),
  limit: z.number().int().min(1).max(2000).default(200).describe('most achievements returned'),
};

const achievementSchema = z.object({
  apiname: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
  unlocked: z.boolean(),
  unlockedOn: z.string().optional(),
});

const outputSchema = {
  steamid: z.string(),
  game: z.string(),
  total: z.number(),
  unlocked: z.number(),
  returned: z.number(),
  achievements: z.array(achievementSchema),
};

const DESCRIPTION = `A Steam player's achievements in one game (ISteamUserStats/GetPlayerAchievements): which are unlocked and when, with names and descriptions in \`language\` when given. Unlocked ones first.
A private profile fails with "private"; a game without stats (or not owned) fails with not_found. Needs the server's STEAM_API_KEY.`;

type Args = {
  who: string;
  appid: number;
  language?: string | undefined;
  unlockedOnly: boolean;
  limit: number;
};

export function registerSteamAchievementsTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'steam_achievements',
    {
      title: 'Steam achievements',
      description: DESCRIPTION,
      inputSchema,
      outputSchema,
      annotations: READ_ONLY,
    },
    withToolErrors(async ({ who, appid, language, unlockedOnly, limit }: Args, extra) => {
      const answer = await ctx.steamWebApi.getPlayerAchievements(who, appid, {
        ...(language ? { l: language } : {}),
        signal: extra.signal,
      });
      const all = answer.achievements.map((a) => ({
        apiname: a.apiname,
        ...(a.name ? { name: a.name } : {}),
        ...(a.description ? { description: a.description } : {}),
        unlocked: a.achieved === 1,
        ...(a.achieved === 1 && a.unlocktime ? { unlockedOn: isoDate(a.unlocktime) } : {}),
      }));
      const unlocked = all.filter((a) => a.unlocked).length;
      const shown = [
        ...all.filter((a) => a.unlocked),
        ...(unlockedOnly ? [] : all.filter((a) => !a.unlocked)),
      ].slice(0, limit);
      const head = `${answer.gameName}: ${unlocked} of ${all.length} achievements unlocked by ${answer.steamID}`;
      const lines = shown.map(
        (a) =>
          `- [${a.unlocked ? 'x' : ' '}] ${a.name ?? a.apiname}${a.unlockedOn ? ` (${a.unlockedOn})` : ''}`,
      );
      return toolResult([head, ...lines].join('\n'), {
        steamid: answer.steamID,
        game: answer.gameName,
        total: all.length,
        unlocked,
        returned: shown.length,
        achievements: shown,
      });
    }),
  );
}
