/**
 * @module gateway/routes/v1-inventory
 * `GET /v1/steam/inventory/{steamid}/{appid}/{contextid}`: normalized items, filtered, in
 * pages of `limit` with an opaque `cursor`; or `summary=1` for names and quantities (paged the
 * same way when `limit` is given).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { InvalidInputError } from '../../core/errors.js';
import { matchesFilter, summarize, type InventoryFilter } from '../../steam/community/inventory/filter.js';
import { requireApiKey } from '../plugins/auth.js';
import { isOn } from '../schemas/common.js';
import {
  DEFAULT_PAGE_LIMIT,
  v1InventoryRouteSchema,
  type V1InventoryResponse,
  type V1Query,
} from '../schemas/v1-inventory.js';
import type { GatewayServices } from '../services/index.js';
import type { InventoryCaller, InventoryTarget } from '../services/inventory-service.js';
import { callerOf, setInventoryHeaders, targetOf } from './inventory-common.js';
import { withPrices } from './item-prices.js';
import { methodNotAllowed } from './method-not-allowed.js';

const URL_PATTERN = '/v1/steam/inventory/:steamid/:appid/:contextid';

export async function v1InventoryRoutes(instance: FastifyInstance): Promise<void> {
  const fastify = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = fastify;
  fastify.get(
    URL_PATTERN,
    { schema: v1InventoryRouteSchema, preValidation: requireApiKey(services) },
    async (request, reply): Promise<V1InventoryResponse> => {
      const query = request.query;
      const target = await targetOf({ ...request.params, language: query.language }, services);
      return answerInventory(services, reply, target, callerOf(request), query);
    },
  );
  methodNotAllowed(fastify, URL_PATTERN);
}

/**
 * One page of an inventory (or its summary) for a resolved target and caller: shared with
 * a registered account's own inventory (routes/trading-inventory.ts).
 */
export async function answerInventory(
  services: GatewayServices,
  reply: FastifyReply,
  target: InventoryTarget,
  caller: InventoryCaller,
  query: V1Query,
): Promise<V1InventoryResponse> {
  const result = await services.inventory.get(target, caller, { fresh: isOn(query.fresh) });
  setInventoryHeaders(reply, target, result);
  const filter = filterOf(query);
  const all = result.entry.items;
  const matched = Object.keys(filter).length ? all.filter((item) => matchesFilter(item, filter)) : all;
  const head = {
    status: 200 as const,
    steamid: target.steamid64,
    appid: target.appid,
    contextid: target.contextid,
    total_inventory_count: result.entry.totalCount,
    matched: matched.length,
  };
  // `limit` counts what is returned, items or summary lines, as `--limit` does on the CLI
  // and `limit` in the MCP tool; a summary without one has every line.
  if (isOn(query.summary)) {
    const lines = summarize(matched);
    const { page, next } = pageOf(lines, query.cursor, query.limit ?? lines.length);
    return { ...head, distinct: lines.length, count: page.length, summary: page, next_cursor: next };
  }
  const { page, next } = pageOf(matched, query.cursor, query.limit ?? DEFAULT_PAGE_LIMIT);
  // prices=1: each item with its unit price from the price store (docs/value.md).
  const items = isOn(query.prices) ? await withPrices(services, page, Number(target.appid), query) : page;
  return { ...head, count: items.length, items, next_cursor: next };
}

function filterOf(query: V1Query): InventoryFilter {
  return {
    ...(query.tradable === undefined ? {} : { tradable: isOn(query.tradable) }),
    ...(query.marketable === undefined ? {} : { marketable: isOn(query.marketable) }),
    ...(query.type ? { type: query.type } : {}),
    ...(query.rarity ? { rarity: query.rarity } : {}),
    ...(query.exterior ? { exterior: query.exterior } : {}),
    ...(query.name ? { name: query.name } : {}),
  };
}

/** One page of a list: `limit` entries from the cursor's offset, and the cursor of the next page. */
function pageOf<T>(list: T[], cursor: string | undefined, limit: number): { page: T[]; next: string | null } {
  const offset = decodeCursor(cursor, list.length);
  const page = list.slice(offset, offset + limit);
  return { page, next: offset + page.length < list.length ? encodeCursor(offset + page.length) : null };
}

/** Cursors are opaque to callers (an offset into the filtered list, base64url-encoded). */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined, length: number): number {
  if (cursor === undefined) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  const offset = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(offset) || offset > length) {
    throw new InvalidInputError(
      'cursor is invalid or no longer fits this inventory: pass next_cursor from the previous page, or start again without cursor',
      'cursor',
    );
  }
  return offset;
}
