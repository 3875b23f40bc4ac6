/**
 * @module mcp/tools/steam-inventory-value
 * `steam_inventory_value`: a schema, one library call (read the inventory, value it through
 * the price store) and output formatting: the totals and the most valuable lines.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { resolveOptionsFromConfig, resolveSteamId } from '../../steam/ids/resolve.js';
import { requireCurrency } from '../../steam/market/currencies.js';
import type { Money } from '../../steam/market/money.js';
import { PRICE_SOURCE_IDS } from '../../steam/market/price-source.js';
import { formatMoney } from '../../steam/market/price-text.js';
import { valueInventory } from '../../steam/market/valuation.js';
import { recordSnapshot } from '../../steam/snapshots/record.js';
import { withToolErrors } from '../errors.js';
import { toolResult } from '../result.js';
import { progressOf, type ToolContext } from './context.js';
import { steamWhoSchema } from './steam-resolve.js';

export const moneySchema = z.object({
  amount: z.number().describe('integer minor units (cents; whole yen)'),
  currency: z.string(),
  text: z.string().describe('as Steam writes it, e.g. "$1,234.56"'),
});

export const priceInputs = {
  currency: z.string().default('USD').describe('ISO 4217 code (USD, EUR, GBP, ...) or a Steam currency id'),
  source: z
    .enum(PRICE_SOURCE_IDS)
    .default('steam')
    .describe(
      'steam: the Community Market (bulk prices in USD only; other currencies item by item); skinport: one request per app, CS2 and Rust only',
    ),
};

const inputSchema = {
  who: steamWhoSchema,
  appid: z
    .number()
    .int()
    .positive()
    .default(730)
    .describe('730 CS2, 440 TF2, 570 Dota 2, 252490 Rust, 753 Steam'),
  contextid: z.union([z.string(), z.number().int().nonnegative()]).default('2'),
  ...priceInputs,
  limit: z.number().int().min(0).max(1000).default(30).describe('most valuable lines to return'),
  refresh: z.boolean().default(false).describe('fetch prices now even if the cached ones are fresh'),
  snapshot: z
    .boolean()
    .default(false)
    .describe('also store a snapshot with this value, for steam_inventory_history'),
};

const lineSchema = z.object({
  marketHashName: z.string(),
  name: z.string(),
  quantity: z.number(),
  marketableQuantity: z.number(),
  unitPrice: moneySchema.nullable(),
  total: moneySchema.nullable(),
  observedAt: z.string().nullable().describe('when the price was observed (ISO 8601)'),
  stale: z.boolean().describe('older than the maximum age: refreshing it failed'),
  missing: z.boolean().describe('no price (not counted as 0)'),
});

const outputSchema = {
  steamid64: z.string(),
  appid: z.number(),
  contextid: z.string(),
  currency: z.string(),
  source: z.string(),
  total: moneySchema.describe('every priced item'),
  marketableTotal: moneySchema.describe('only items that can be listed on the market now'),
  quantity: z.number(),
  missingQuantity: z.number().describe('items without a price'),
  totalLines: z.number(),
  lines: z.array(lineSchema).describe('most valuable first'),
  priceRequests: z.number().describe('upstream price requests this call cost (0 on a warm cache)'),
  staleReason: z.string().optional(),
  snapshotId: z.number().optional(),
};

const DESCRIPTION = `What a Steam inventory is worth: its total and its lines (quantity × unit price, with the price's source and age), most valuable first, in the currency asked for. Items without a price are listed as missing, never as 0; "marketableTotal" leaves out items that cannot be sold now (trade holds, protected items).
Prices are cached: a warm cache costs no request. A cold one costs one pass over the app's market (a few requests on Skinport; on the Steam market up to one request per 100 listed items, paced with inventories) — prefer skinport for CS2 and Rust, especially outside USD.`;

type Args = z.infer<z.ZodObject<typeof inputSchema>>;

export function registerSteamInventoryValueTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'steam_inventory_value',
    {
      title: 'Steam inventory value',
      description: DESCRIPTION,
      inputSchema,
      outputSchema,
      // Reads upstream; writes only the local price cache (and a snapshot when asked).
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    withToolErrors(async (args: Args, extra) => {
      const currency = requireCurrency(args.currency);
      const market = await ctx.market();
      market.prices.source(args.source).check(args.appid, currency, { names: 0 });
      const { steamid64 } = await resolveSteamId(args.who, resolveOptionsFromConfig(ctx.config, ctx.http));
      const contextid = String(args.contextid).trim();
      const progress = progressOf(extra);
      const items = await ctx.steamInventory.fetchItems({
        steamid: steamid64,
        appid: args.appid,
        contextid,
        signal: extra.signal,
        onProgress: progress,
      });
      const valuation = await valueInventory(items, {
        currency,
        source: args.source,
        prices: market.prices,
        appid: args.appid,
        refresh: args.refresh ? 'force' : 'auto',
        signal: extra.signal,
      });
      const snapshot = args.snapshot
        ? await recordSnapshot(market.snapshots, {
            steamid: steamid64,
            appid: args.appid,
            contextid,
            items,
            valuation,
          })
        : undefined;
      const m = (value: Money) => ({ ...value, text: formatMoney(value, currency) });
      const lines = valuation.lines.slice(0, args.limit).map((line) => ({
        marketHashName: line.marketHashName,
        name: line.name,
        quantity: line.quantity,
        marketableQuantity: line.marketableQuantity,
        unitPrice: line.unitPrice ? m(line.unitPrice) : null,
        total: line.total ? m(line.total) : null,
        observedAt: line.observedAt === null ? null : new Date(line.observedAt).toISOString(),
        stale: line.stale,
        missing: line.missing,
      }));
      const t = valuation.totals;
      const head =
        `${steamid64} ${args.appid}/${contextid}: ${m(t.total).text} (${m(t.marketableTotal).text} marketable now), ` +
        `${t.quantity} items in ${t.lines} lines, ${t.missingQuantity} without a price; ${args.source} prices in ${currency.code}` +
        (valuation.staleReason ? `; some stale: ${valuation.staleReason}` : '') +
        (snapshot ? `; snapshot ${snapshot.id} stored` : '');
      const text = lines.map(
        (l) =>
          `${l.quantity} × ${l.name} @ ${l.unitPrice?.text ?? 'no price'}${l.total ? ` = ${l.total.text}` : ''}${l.stale ? ' (stale)' : ''}`,
      );
      return toolResult([head, ...text].join('\n'), {
        steamid64,
        appid: args.appid,
        contextid,
        currency: currency.code,
        source: args.source,
        total: m(t.total),
        marketableTotal: m(t.marketableTotal),
        quantity: t.quantity,
        missingQuantity: t.missingQuantity,
        totalLines: t.lines,
        lines,
        priceRequests: valuation.requests,
        ...(valuation.staleReason ? { staleReason: valuation.staleReason } : {}),
        ...(snapshot ? { snapshotId: snapshot.id } : {}),
      });
    }),
  );
}
