/**
 * @module mcp/tools/steam-news
 * `steam_news`: an app's latest news (GetNewsForApp), short blurbs by default.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { withToolErrors } from '../errors.js';
import { toolResult } from '../result.js';
import { READ_ONLY, type ToolContext } from './context.js';
import { appIdSchema, isoDate } from './webapi-output.js';

const inputSchema = {
  appid: appIdSchema,
  count: z.number().int().min(1).max(100).default(5).describe('how many items, newest first'),
  maxLength: z
    .number()
    .int()
    .min(0)
    .max(100_000)
    .default(300)
    .describe('shorten each item to this many characters (0: whole items, which can be long)'),
};

const outputSchema = {
  appid: z.number(),
  returned: z.number(),
  items: z.array(
    z.object({
      title: z.string(),
      date: z.string().optional(),
      author: z.string().optional(),
      feed: z.string(),
      url: z.string(),
      contents: z.string(),
    }),
  ),
};

const DESCRIPTION = `The latest news of a Steam app (ISteamNews/GetNewsForApp): title, date, feed, URL and a blurb of each item (\`maxLength\` characters, 300 by default), newest first. No key needed.`;

type Args = { appid: number; count: number; maxLength: number };

export function registerSteamNewsTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'steam_news',
    { title: 'Steam news', description: DESCRIPTION, inputSchema, outputSchema, annotations: READ_ONLY },
    withToolErrors(async ({ appid, count, maxLength }: Args, extra) => {
      const news = await ctx.steamWebApi.getNewsForApp(appid, {
        count,
        maxlength: maxLength,
        signal: extra.signal,
      });
      const items = news.newsitems.map((n) => ({
        title: n.title,
        ...(n.date ? { date: isoDate(n.date) } : {}),
        ...(n.author ? { author: n.author } : {}),
        feed: n.feedlabel,
        url: n.url,
        contents: n.contents,
      }));
      const lines = items.map((n) => `- ${n.date ?? ''} ${n.title} (${n.feed}) ${n.url}\n  ${n.contents}`);
      return toolResult([`app ${appid}: ${items.length} news items`, ...lines].join('\n'), {
        appid,
        returned: items.length,
        items,
      });
    }),
  );
}
