/**
 * @module mcp/tools/steam-inventory-history
 * `steam_inventory_history`: the stored snapshots of an inventory with their value over time,
 * and what changed between two of them (by item name, with counts).
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import { resolveOptionsFromConfig, resolveSteamId } from '../../steam/ids/resolve.js';
import { requireCurrency } from '../../steam/market/currencies.js';
import { formatMoney } from '../../steam/market/price-text.js';
import { diffSnapshots, latestDiff, listHistory } from '../../steam/snapshots/history.js';
import { withToolErrors } from '../errors.js';
import { toolResult } from '../result.js';
import { READ_ONLY, type ToolContext } from './context.js';
import { moneySchema, priceInputs } from './steam-inventory-value.js';
import { steamWhoSchema } from './steam-resolve.js';

const ids = z.array(z.number().int().positive()).min(1).max(4);

const inputSchema = {
  who: steamWhoSchema,
  appid: z.number().int().positive().default(730),
  contextid: z.union([z.string(), z.number().int().nonnegative()]).default('2'),
  ...priceInputs,
  value: z
    .boolean()
    .default(true)
    .describe('value each snapshot (as recorded when taken, else at today’s prices)'),
  from: ids
    .optional()
    .describe('snapshot ids of the earlier side (with `to`); default: the two newest snapshots'),
  to: ids.optional(),
  limit: z.number().int().min(1).max(500).default(20).describe('most snapshots to list, newest first'),
  names: z.number().int().min(0).max(500).default(25).describe('most item names in the diff'),
};

const outputSchema = {
  steamid64: z.string(),
  appid: z.number(),
  contextid: z.string(),
  snapshots: z.array(
    z.object({
      id: z.number(),
      contextid: z.string(),
      takenAt: z.string(),
      itemCount: z.number(),
      value: moneySchema.optional(),
      valuedAtSnapshotTime: z.boolean().optional(),
    }),
  ),
  diff: z
    .object({
      from: z.array(z.number()),
      to: z.array(z.number()),
      added: z.number(),
      removed: z.number(),
      changed: z.number(),
      protected: z.number().describe('moved into CS2 trade protection (context 16), not gone'),
      released: z.number(),
      unchanged: z.number(),
      byName: z.array(
        z.object({
          name: z.string(),
          added: z.number(),
          removed: z.number(),
          protected: z.number(),
          net: z.number(),
        }),
      ),
    })
    .optional(),
};

const DESCRIPTION = `An inventory's history from the snapshots stored for it (steam_inventory_value with snapshot=true, the CLI's --snapshot, a gateway's watched inventories): each snapshot's item count and value over time, and what changed between two snapshots — items added, removed, changed in amount, and CS2 items moved into trade protection (context 16), which are not gone. Costs no Steam request except to price snapshots that had no value recorded.`;

type Args = z.infer<z.ZodObject<typeof inputSchema>>;

export function registerSteamInventoryHistoryTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'steam_inventory_history',
    {
      title: 'Steam inventory history',
      description: DESCRIPTION,
      inputSchema,
      outputSchema,
      annotations: READ_ONLY,
    },
    withToolErrors(async (args: Args, extra) => {
      const currency = requireCurrency(args.currency);
      if ((args.from === undefined) !== (args.to === undefined)) {
        throw new InvalidInputError(
          'give both from and to (snapshot ids), or neither for the two newest',
          'from',
        );
      }
      const market = await ctx.market();
      if (args.value) market.prices.source(args.source).check(args.appid, currency, { names: 0 });
      const { steamid64 } = await resolveSteamId(args.who, resolveOptionsFromConfig(ctx.config, ctx.http));
      const contextid = String(args.contextid).trim();
      const owner = { steamid: steamid64, appid: args.appid, contextid };
      const points = await listHistory(market.snapshots, {
        ...owner,
        limit: args.limit,
        value: args.value
          ? { prices: market.prices, source: args.source, currency, signal: extra.signal }
          : undefined,
      });
      const result =
        args.from && args.to
          ? await diffSnapshots(market.snapshots, args.from, args.to)
          : await latestDiff(market.snapshots, owner);
      const stranger = [...(result?.from ?? []), ...(result?.to ?? [])].find(
        (s) => s.steamid !== steamid64 || s.appid !== args.appid,
      );
      if (stranger) throw new InvalidInputError(`snapshot ${stranger.id} is not of this inventory`, 'from');
      const snapshots = points.map((p) => ({
        id: p.id,
        contextid: p.contextid,
        takenAt: new Date(p.takenAt).toISOString(),
        itemCount: p.itemCount,
        ...(p.value
          ? {
              value: { ...p.value.total, text: formatMoney(p.value.total, currency) },
              valuedAtSnapshotTime: p.value.atSnapshotTime,
            }
          : {}),
      }));
      const d = result?.diff;
      const diff =
        result && d
          ? {
              from: result.from.map((s) => s.id),
              to: result.to.map((s) => s.id),
              added: d.added.length,
              removed: d.removed.length,
              changed: d.changed.length,
              protected: d.protected.length,
              released: d.released.length,
              unchanged: d.unchanged,
              byName: d.byName.slice(0, args.names).map((r) => ({
                name: r.name,
                added: r.added,
                removed: r.removed,
                protected: r.protected,
                net: r.net,
              })),
            }
          : undefined;
      const where = `${steamid64} ${args.appid}/${contextid}`;
      const text = [
        snapshots.length === 0
          ? `${where}: no snapshots stored`
          : `${where}: ${snapshots.length} snapshots, newest first`,
        ...snapshots.map(
          (s) =>
            `#${s.id} ${s.takenAt} ${s.itemCount} items${s.value ? ` ${s.value.text}${s.valuedAtSnapshotTime ? '' : ' (at today’s prices)'}` : ''}`,
        ),
        ...(diff
          ? [
              `from #${diff.from.join('+#')} to #${diff.to.join('+#')}: ${diff.added} added, ${diff.removed} removed, ${diff.changed} changed, ${diff.protected} into trade protection, ${diff.released} back`,
              ...diff.byName.map(
                (r) =>
                  `${r.net > 0 ? '+' : ''}${r.net} ${r.name}${r.protected ? ` (${r.protected} protected)` : ''}`,
              ),
            ]
          : []),
      ];
      return toolResult(text.join('\n'), {
        steamid64,
        appid: args.appid,
        contextid,
        snapshots,
        ...(diff ? { diff } : {}),
      });
    }),
  );
}
