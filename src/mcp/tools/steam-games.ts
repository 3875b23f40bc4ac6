/**
 * @module mcp/tools/steam-games
 * `steam_games`: owned (or recently played) games, most played first, up to a limit. A
 * hidden library says so: "no games visible" is not "owns nothing" (UPSTREAM.md).
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { OwnedGame, RecentGame } from '../../steam/webapi/index.js';
import { withToolErrors } from '../errors.js';
import { toolResult } from '../result.js';
import { READ_ONLY, type ToolContext } from './context.js';
import { hours, isoDate, steamWhoSchema } from './webapi-output.js';

const inputSchema = {
  who: steamWhoSchema,
  limit: z.number().int().min(1).max(5000).default(25).describe('most games returned, most played first'),
  recent: z
    .boolean()
    .default(false)
    .describe('only games played in the last two weeks (GetRecentlyPlayedGames)'),
  freeGames: z
    .boolean()
    .default(true)
    .describe('include free games the player has played (TF2, Dota 2, CS2, ...)'),
  appids: z
    .array(z.number().int().positive())
    .max(100)
    .optional()
    .describe('only these apps (owned games only)'),
};

const gameSchema = z.object({
  appid: z.number(),
  name: z.string().optional(),
  hours: z.number().describe('playtime, all time'),
  hoursTwoWeeks: z.number().optional(),
  lastPlayed: z.string().optional(),
});

const outputSchema = {
  steamid: z.string(),
  visible: z
    .boolean()
    .describe('false: the profile hides its games (private or friends-only); not "owns nothing"'),
  total: z.number().optional().describe('games owned (or played recently)'),
  returned: z.number(),
  games: z.array(gameSchema),
};

const DESCRIPTION = `A Steam player's games (IPlayerService/GetOwnedGames, or GetRecentlyPlayedGames with recent=true): app id, name, hours played (all time and last two weeks), last played date, most played first, up to \`limit\` (default 25).
A private or friends-only profile answers visible=false ("no games visible"), which does not mean the player owns nothing. Needs the server's STEAM_API_KEY.`;

type Args = {
  who: string;
  limit: number;
  recent: boolean;
  freeGames: boolean;
  appids?: number[] | undefined;
};

export function registerSteamGamesTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'steam_games',
    { title: 'Steam games', description: DESCRIPTION, inputSchema, outputSchema, annotations: READ_ONLY },
    withToolErrors(async ({ who, limit, recent, freeGames, appids }: Args, extra) => {
      const steamid = await ctx.steamWebApi.resolve(who);
      const answer = recent
        ? await ctx.steamWebApi.getRecentlyPlayedGames(steamid, { signal: extra.signal })
        : await ctx.steamWebApi.getOwnedGames(steamid, {
            include_appinfo: true,
            ...(freeGames ? { include_played_free_games: true } : {}),
            ...(appids ? { appids_filter: appids } : {}),
            signal: extra.signal,
          });
      if (!answer.visible) {
        return toolResult(`${steamid}: no games visible (the profile is private or friends-only)`, {
          steamid,
          visible: false,
          returned: 0,
          games: [],
        });
      }
      const total = 'game_count' in answer ? answer.game_count : answer.total_count;
      const games = [...(answer.games as (OwnedGame | RecentGame)[])]
        .sort(
          (a, b) =>
            (recent ? (b.playtime_2weeks ?? 0) - (a.playtime_2weeks ?? 0) : 0) ||
            b.playtime_forever - a.playtime_forever,
        )
        .slice(0, limit)
        .map(trim);
      const head = `${steamid}: ${total} ${recent ? 'games played in the last two weeks' : 'games'}${games.length < total ? ` (${games.length} most played shown)` : ''}`;
      const lines = games.map(
        (g) =>
          `- ${g.name ?? `app ${g.appid}`} [${g.appid}] ${g.hours} h${g.hoursTwoWeeks ? ` (${g.hoursTwoWeeks} h in 2 weeks)` : ''}${g.lastPlayed ? `, last ${g.lastPlayed}` : ''}`,
      );
      return toolResult([head, ...lines].join('\n'), {
        steamid,
        visible: true,
        total,
        returned: games.length,
        games,
      });
    }),
  );
}

function trim(game: OwnedGame | RecentGame): z.infer<typeof gameSchema> {
  const last = 'rtime_last_played' in game ? isoDate(game.rtime_last_played) : undefined;
  return {
    appid: game.appid,
    ...(game.name ? { name: game.name } : {}),
    hours: hours(game.playtime_forever) ?? 0,
    ...(game.playtime_2weeks ? { hoursTwoWeeks: hours(game.playtime_2weeks) } : {}),
    ...(last ? { lastPlayed: last } : {}),
  };
}
