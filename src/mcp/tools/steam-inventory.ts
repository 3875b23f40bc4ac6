/**
 * @module mcp/tools/steam-inventory
 * `steam_inventory`: a schema, one library call (resolve, then read items through the
 * filters) and output formatting.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { collect } from '../../core/paginate.js';
import { canonicalAppId, canonicalContextId } from '../../steam/ids/app-context.js';
import { resolveSteamId } from '../../steam/ids/resolve.js';
import { filterItems, summarize, type InventoryFilter } from '../../steam/community/inventory/filter.js';
import { withToolErrors } from '../errors.js';
import { plural, toolResult } from '../result.js';
import { MAX_TOOL_LIMIT, progressOf, READ_ONLY, type ToolContext } from './context.js';
import { steamWhoSchema } from './steam-resolve.js';
import {
  renderItem,
  renderSummaryLine,
  steamItemSchema,
  steamSummaryLineSchema,
  trimItem,
  trimSummaryLine,
} from './steam-output.js';

const inputSchema = {
  who: steamWhoSchema,
  appid: z
    .union([z.string(), z.number().int().positive()])
    .default(730)
    .describe('730 CS2, 440 TF2, 570 Dota 2, 252490 Rust, 753 Steam'),
  contextid: z
    .union([z.string(), z.number().int().nonnegative()])
    .default('2')
    .describe('"2" for game items; "6" for Steam items (appid 753); "16" CS2 trade-protected items'),
  limit: z
    .number()
    .int()
    .min(1)
    .max(MAX_TOOL_LIMIT)
    .default(200)
    .describe('most items (or, with summary, summary lines) to return'),
  tradable: z.boolean().optional().describe('true: only tradable items; false: only untradable ones'),
  marketable: z.boolean().optional(),
  type: z.string().min(1).optional().describe('type tag or type line contains this, e.g. "Rifle", "Sticker"'),
  rarity: z.string().min(1).optional().describe('rarity contains this, e.g. "Covert"'),
  name: z.string().min(1).optional().describe('name or market hash name contains this (case-insensitive)'),
  summary: z
    .boolean()
    .default(false)
    .describe('names and quantities over the whole inventory instead of single items'),
  icons: z
    .boolean()
    .default(false)
    .describe("include each item's icon URL (off by default: icons are ~40% of an answer)"),
};

const outputSchema = {
  steamid64: z.string(),
  appid: z.number(),
  contextid: z.string(),
  inventoryTotal: z.number().optional().describe("Steam's count of assets in the whole inventory"),
  scanned: z
    .number()
    .describe("assets read from Steam (Steam's separate currency entries, e.g. gems, are items on top)"),
  returned: z.number().describe('items (or summary lines) in this answer'),
  complete: z.boolean().describe('false when the limit cut the answer short: more may match'),
  items: z.array(steamItemSchema).optional(),
  summary: z.array(steamSummaryLineSchema).optional(),
  quantity: z.number().optional().describe('with summary: matching items counted, stacks included'),
};

const DESCRIPTION = `Read a Steam community inventory (CS2, TF2, Dota 2, Rust, Steam items...) as normalized items: name, type, rarity, CS2 exterior/float/paint seed, tradable/marketable, inspect link.
Filters (tradable, marketable, type, rarity, name) are applied while reading; returns up to \`limit\` matching items (default 200, max ${MAX_TOOL_LIMIT}). With summary=true the whole inventory is read and you get one line per distinct item with quantities, most plentiful first.
Only public inventories are readable (private ones fail with "private", unless the server has the owner's STEAM_COOKIES).
Rate limits: Steam allows about one inventory request every few seconds per IP; the server spaces requests (default 4 s) and each returns up to 2000 items, so a 10,000-item inventory takes about 20 s. Short rate-limit waits are absorbed; otherwise the tool fails with rate_limited and when to retry. Do not call again sooner, and prefer one call with filters over many calls.`;

type Args = z.infer<z.ZodObject<typeof inputSchema>>;

export function registerSteamInventoryTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'steam_inventory',
    { title: 'Steam inventory', description: DESCRIPTION, inputSchema, outputSchema, annotations: READ_ONLY },
    withToolErrors(async (args: Args, extra) => {
      // Checked before the account is resolved, so a bad id costs no vanity lookup.
      const appid = canonicalAppId(args.appid);
      const contextid = canonicalContextId(args.contextid);
      const { steamid64 } = await resolveSteamId(args.who, ctx.resolveOptions);
      const filter = filterOf(args);
      const filtered = Object.keys(filter).length > 0;
      const progress = progressOf(extra);
      let scanned = 0;
      let inventoryTotal: number | undefined;
      const items = filterItems(
        ctx.steamInventory.items({
          steamid: steamid64,
          appid,
          contextid,
          signal: extra.signal,
          // Unfiltered lists stop paging at the limit; filters and summaries must read on.
          ...(args.summary || filtered ? { all: true } : { limit: args.limit }),
          onProgress: (done, total) => {
            scanned = done;
            inventoryTotal = total;
            progress?.(done, total);
          },
        }),
        filter,
      );
      const base = { steamid64, appid: Number(appid), contextid };
      const where = `${steamid64} ${base.appid}/${base.contextid}`;
      if (args.summary) {
        const lines = summarize(await collect(items));
        const shown = lines.slice(0, args.limit).map(trimSummaryLine);
        const quantity = lines.reduce((sum, line) => sum + line.quantity, 0);
        const head = `${where}: ${quantity} matching items, ${lines.length} distinct (${shown.length} shown)`;
        return toolResult([head, ...shown.map(renderSummaryLine)].join('\n'), {
          ...base,
          inventoryTotal,
          scanned,
          returned: shown.length,
          complete: shown.length === lines.length,
          summary: shown,
          quantity,
        });
      }
      const found = (await collect(items, args.limit)).map((item) => trimItem(item, { icons: args.icons }));
      // A filtered read that filled the limit may have left matches unread.
      const complete = found.length < args.limit || (!filtered && scanned >= (inventoryTotal ?? scanned));
      const head = `${where}: ${plural(found.length, 'item')}${complete ? '' : ' (limit reached: more may match)'}, ${scanned} of ${inventoryTotal ?? '?'} assets read`;
      return toolResult([head, ...found.map(renderItem)].join('\n'), {
        ...base,
        inventoryTotal,
        scanned,
        returned: found.length,
        complete,
        items: found,
      });
    }),
  );
}

function filterOf(args: Args): InventoryFilter {
  const { tradable, marketable, type, rarity, name } = args;
  return Object.fromEntries(
    Object.entries({ tradable, marketable, type, rarity, name }).filter(([, v]) => v !== undefined),
  ) as InventoryFilter;
}
