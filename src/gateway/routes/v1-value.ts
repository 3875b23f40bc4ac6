/**
 * @module gateway/routes/v1-value
 * `GET /v1/steam/inventory/{steamid}/{appid}/{contextid}/value`: the cached inventory valued
 * through the price store (no upstream price request while the prices are fresh), and
 * `.../history`: its snapshots with their value over time and the diff between two.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { InvalidInputError } from '../../core/errors.js';
import { requireCurrency, type Currency } from '../../steam/market/currencies.js';
import type { Money } from '../../steam/market/money.js';
import { requireSourceId } from '../../steam/market/price-source.js';
import { formatMoney } from '../../steam/market/price-text.js';
import { valueInventory } from '../../steam/market/valuation.js';
import { diffSnapshots, latestDiff, listHistory, type SnapshotDiff } from '../../steam/snapshots/history.js';
import { requireApiKey } from '../plugins/auth.js';
import { isOn } from '../schemas/common.js';
import {
  historyRouteSchema,
  valueRouteSchema,
  type HistoryQuery,
  type HistoryResponse,
  type ValueResponse,
} from '../schemas/v1-value.js';
import { callerOf, setInventoryHeaders, targetOf } from './inventory-common.js';
import { methodNotAllowed } from './method-not-allowed.js';

const VALUE_URL = '/v1/steam/inventory/:steamid/:appid/:contextid/value';
const HISTORY_URL = '/v1/steam/inventory/:steamid/:appid/:contextid/history';

export async function v1ValueRoutes(instance: FastifyInstance): Promise<void> {
  const fastify = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = fastify;

  fastify.get(
    VALUE_URL,
    { schema: valueRouteSchema, preValidation: requireApiKey(services) },
    async (request, reply): Promise<ValueResponse> => {
      const query = request.query;
      const currency = requireCurrency(query.currency ?? 'USD');
      const source = requireSourceId(query.source ?? 'steam');
      const target = await targetOf({ ...request.params, language: query.language }, services);
      const appid = Number(target.appid);
      // Bad input (an app or currency the source cannot price) before any request.
      services.market.prices.source(source).check(appid, currency, { names: 0 });
      const result = await services.inventory.get(target, callerOf(request), { fresh: isOn(query.fresh) });
      setInventoryHeaders(reply, target, result);
      const items = result.entry.items;
      const valuation = await valueInventory(items, {
        currency,
        source,
        prices: services.market.prices,
        appid,
        refresh: isOn(query.refresh_prices) ? 'force' : 'auto',
        signal: abortOnClose(request.raw),
      });
      const icons = new Map<string, string>();
      for (const item of items)
        if (item.iconUrl && !icons.has(item.marketHashName)) icons.set(item.marketHashName, item.iconUrl);
      const lines = valuation.lines.slice(0, query.limit ?? 500);
      const m = (value: Money | null) => (value ? moneyJson(value, currency) : null);
      return {
        status: 200,
        steamid: target.steamid64,
        appid: target.appid,
        contextid: target.contextid,
        currency: currency.code,
        source,
        valued_at: new Date(valuation.valuedAt).toISOString(),
        total_inventory_count: result.entry.totalCount,
        totals: {
          ...valuation.totals,
          total: moneyJson(valuation.totals.total, currency),
          marketableTotal: moneyJson(valuation.totals.marketableTotal, currency),
        },
        stale: valuation.totals.staleLines > 0,
        ...(valuation.staleReason ? { stale_reason: valuation.staleReason } : {}),
        price_requests: valuation.requests,
        count: lines.length,
        lines: lines.map((line) => ({
          ...line,
          unitPrice: m(line.unitPrice),
          total: m(line.total),
          observedAt: line.observedAt === null ? null : new Date(line.observedAt).toISOString(),
          ...(icons.has(line.marketHashName) ? { iconUrl: icons.get(line.marketHashName) } : {}),
        })),
      };
    },
  );
  methodNotAllowed(fastify, VALUE_URL);

  fastify.get(
    HISTORY_URL,
    { schema: historyRouteSchema, preValidation: requireApiKey(services) },
    async (request): Promise<HistoryResponse> => {
      const query = request.query;
      const target = await targetOf(request.params, services);
      const appid = Number(target.appid);
      const wantsValue = query.value === undefined || isOn(query.value);
      const currency = requireCurrency(query.currency ?? 'USD');
      const source = requireSourceId(query.source ?? 'steam');
      if (wantsValue) services.market.prices.source(source).check(appid, currency, { names: 0 });
      const store = services.market.snapshots;
      const owner = { steamid: target.steamid64, appid, contextid: target.contextid };
      const points = await listHistory(store, {
        ...owner,
        limit: query.limit ?? 100,
        value: wantsValue ? { prices: services.market.prices, source, currency } : undefined,
      });
      const diff = await diffOf(
        query,
        owner,
        (from, to) => diffSnapshots(store, from, to),
        () => latestDiff(store, owner),
      );
      return {
        status: 200,
        steamid: target.steamid64,
        appid: target.appid,
        contextid: target.contextid,
        ...(wantsValue ? { currency: currency.code, source } : {}),
        snapshots: points.map((p) => ({
          id: p.id,
          contextid: p.contextid,
          takenAt: new Date(p.takenAt).toISOString(),
          assetCount: p.assetCount,
          itemCount: p.itemCount,
          ...(p.value
            ? {
                value: {
                  ...p.value,
                  total: moneyJson(p.value.total, currency),
                  marketableTotal: moneyJson(p.value.marketableTotal, currency),
                  pricedAt: new Date(p.value.pricedAt).toISOString(),
                },
              }
            : {}),
        })),
        diff: diff ? diffJson(diff, query.diff_limit ?? 500) : null,
      };
    },
  );
  methodNotAllowed(fastify, HISTORY_URL);
}

async function diffOf(
  query: HistoryQuery,
  owner: { steamid: string; appid: number },
  between: (from: number[], to: number[]) => Promise<SnapshotDiff>,
  latest: () => Promise<SnapshotDiff | undefined>,
): Promise<SnapshotDiff | undefined> {
  if ((query.from === undefined) !== (query.to === undefined)) {
    throw new InvalidInputError(
      'give both from and to (snapshot ids), or neither for the two newest',
      query.from ? 'to' : 'from',
    );
  }
  const result = query.from && query.to ? await between(ids(query.from), ids(query.to)) : await latest();
  const strangers = [...(result?.from ?? []), ...(result?.to ?? [])].filter(
    (s) => s.steamid !== owner.steamid || s.appid !== owner.appid,
  );
  if (strangers.length > 0) {
    throw new InvalidInputError(
      `snapshot ${strangers[0]!.id} is not of this inventory (${owner.steamid}, app ${owner.appid})`,
      'from',
    );
  }
  return result;
}

const ids = (text: string) => text.split(',').map(Number);

function diffJson(result: SnapshotDiff, limit: number) {
  const { diff } = result;
  const lists = [diff.added, diff.removed, diff.changed, diff.protected, diff.released];
  return {
    from: result.from.map((s) => s.id),
    to: result.to.map((s) => s.id),
    counts: {
      added: diff.added.length,
      removed: diff.removed.length,
      changed: diff.changed.length,
      protected: diff.protected.length,
      released: diff.released.length,
      unchanged: diff.unchanged,
    },
    added: diff.added.slice(0, limit),
    removed: diff.removed.slice(0, limit),
    changed: diff.changed.slice(0, limit),
    protected: diff.protected.slice(0, limit),
    released: diff.released.slice(0, limit),
    truncated: lists.some((list) => list.length > limit),
    byName: diff.byName,
  };
}

export function moneyJson(value: Money, currency: Currency) {
  return { amount: value.amount, currency: value.currency, text: formatMoney(value, currency) };
}

/** Stops a long price pass when the caller hangs up. */
function abortOnClose(raw: NodeJS.EventEmitter): AbortSignal {
  const controller = new AbortController();
  raw.once('close', () => controller.abort());
  return controller.signal;
}
