/**
 * @module steam/snapshots/history
 * An inventory's history: its snapshots newest first, each with its value (the value recorded
 * when it was taken, in the source and currency asked for, or else at today's prices, said
 * so), and diffs between any two. A CS2 context-2 snapshot is diffed together with the
 * context-16 snapshot taken with it (within ten minutes), so protected items are seen moving.
 */
import { InvalidInputError } from '../../core/errors.js';
import type { SnapshotStore } from '../../store/snapshots.js';
import type { Currency } from '../market/currencies.js';
import { money, type Money } from '../market/money.js';
import type { PriceService, RefreshMode } from '../market/price-service.js';
import type { PriceSourceId } from '../market/price-source.js';
import { buildValuation, groupByName, type ValuedItem } from '../market/valuation.js';
import { diffInventories, PROTECTED_CONTEXT, type InventoryDiff } from './diff.js';
import { infoOf, loadSnapshot } from './record.js';
import { classKey, type InventorySnapshot, type SnapshotInfo } from './types.js';

/** Snapshots of contexts 2 and 16 this close together were taken together. */
export const COMPANION_WINDOW_MS = 10 * 60_000;

export interface SnapshotValue {
  total: Money;
  marketableTotal: Money;
  missingQuantity: number;
  staleLines: number;
  pricedAt: number;
  /** True: priced when the snapshot was taken; false: at today's prices. */
  atSnapshotTime: boolean;
}

export interface HistoryPoint extends SnapshotInfo {
  value?: SnapshotValue | undefined;
}

export interface HistoryValueOptions {
  prices: PriceService;
  source: PriceSourceId;
  currency: Currency;
  refresh?: RefreshMode;
  signal?: AbortSignal | undefined;
}

export interface HistoryQuery {
  steamid: string;
  appid: number;
  contextid: string;
  /** Newest first, at most this many (default 100). */
  limit?: number;
  value?: HistoryValueOptions | undefined;
}

export async function listHistory(store: SnapshotStore, query: HistoryQuery): Promise<HistoryPoint[]> {
  const rows = await store.list({ ...query, limit: query.limit ?? 100 });
  const points: HistoryPoint[] = rows.map(infoOf);
  if (!query.value || points.length === 0) return points;
  const { source, currency } = query.value;
  const recorded = await store.values(
    points.map((p) => p.id),
    source,
    currency.code,
  );
  const unpriced: InventorySnapshot[] = [];
  for (const point of points) {
    const value = recorded.get(point.id);
    if (value) {
      point.value = {
        total: money(value.total, value.currency),
        marketableTotal: money(value.marketableTotal, value.currency),
        missingQuantity: value.missingQuantity,
        staleLines: value.staleLines,
        pricedAt: value.pricedAt,
        atSnapshotTime: true,
      };
    } else {
      unpriced.push(await loadSnapshot(store, point.id));
    }
  }
  if (unpriced.length > 0) await valueAtTodaysPrices(points, unpriced, query.appid, query.value);
  return points;
}

/** One price lookup for every name in every snapshot without a recorded value. */
async function valueAtTodaysPrices(
  points: HistoryPoint[],
  snapshots: InventorySnapshot[],
  appid: number,
  options: HistoryValueOptions,
): Promise<void> {
  const grouped = snapshots.map((s) => ({ id: s.id, ...groupByName(itemsOf(s), appid) }));
  const names = new Set<string>();
  for (const g of grouped) for (const name of g.groups.keys()) if (name) names.add(name);
  const lookup = await options.prices.lookup({
    source: options.source,
    appid,
    currency: options.currency,
    names: [...names],
    refresh: options.refresh,
    signal: options.signal,
  });
  const now = Date.now();
  for (const g of grouped) {
    const valuation = buildValuation(g.groups, lookup, options.currency, now);
    const point = points.find((p) => p.id === g.id);
    if (!point) continue;
    point.value = {
      total: valuation.totals.total,
      marketableTotal: valuation.totals.marketableTotal,
      missingQuantity: valuation.totals.missingQuantity,
      staleLines: valuation.totals.staleLines,
      pricedAt: now,
      atSnapshotTime: false,
    };
  }
}

/** A snapshot's assets as items valuation reads. */
export function itemsOf(snapshot: InventorySnapshot): ValuedItem[] {
  return snapshot.assets.map((asset) => {
    const d = snapshot.descriptions.get(classKey(asset.classid, asset.instanceid));
    return {
      appid: snapshot.appid,
      marketHashName: d?.marketHashName ?? '',
      marketName: d?.marketName,
      name: d?.name ?? `class ${asset.classid}`,
      amount: asset.amount,
      marketable: d?.marketable ?? false,
    };
  });
}

export interface SnapshotDiff {
  from: SnapshotInfo[];
  to: SnapshotInfo[];
  diff: InventoryDiff;
}

/**
 * The diff between two sides, each one or more snapshot ids (contexts of one owner and app).
 * A single CS2 context-2 snapshot brings along the context-16 snapshot taken with it.
 */
export async function diffSnapshots(
  store: SnapshotStore,
  fromIds: readonly number[],
  toIds: readonly number[],
): Promise<SnapshotDiff> {
  const from = await loadSide(store, fromIds);
  const to = await loadSide(store, toIds);
  // Protected items are seen moving only when both sides have their context-16 snapshot:
  // one side alone would make its protected items look added or removed.
  if (from.length === 1 && to.length === 1) {
    const [a, b] = await Promise.all([companionOf(store, from[0]!), companionOf(store, to[0]!)]);
    if (a && b && a.id !== b.id && a.contextid === b.contextid) {
      from.push(await loadSnapshot(store, a.id));
      to.push(await loadSnapshot(store, b.id));
    }
  }
  const owner = (s: InventorySnapshot) => `${s.steamid}/${s.appid}`;
  const owners = new Set([...from, ...to].map(owner));
  if (owners.size > 1) {
    throw new InvalidInputError(
      `snapshots ${[...fromIds, ...toIds].join(', ')} are of different inventories (${[...owners].join(', ')}): diff snapshots of one owner and app`,
      'snapshot',
    );
  }
  return { from: from.map(infoOf), to: to.map(infoOf), diff: diffInventories(from, to) };
}

/** The diff between the two newest snapshots of a context, or undefined with fewer than two. */
export async function latestDiff(
  store: SnapshotStore,
  query: { steamid: string; appid: number; contextid: string },
): Promise<SnapshotDiff | undefined> {
  const [newest, previous] = await store.list({ ...query, limit: 2 });
  if (!newest || !previous) return undefined;
  return diffSnapshots(store, [previous.id], [newest.id]);
}

async function loadSide(store: SnapshotStore, ids: readonly number[]): Promise<InventorySnapshot[]> {
  if (ids.length === 0) throw new InvalidInputError('name at least one snapshot id on each side', 'snapshot');
  return Promise.all(ids.map((id) => loadSnapshot(store, id)));
}

/** The CS2 context 2/16 snapshot taken together with this one, if any. */
export async function companionOf(
  store: SnapshotStore,
  snapshot: SnapshotInfo,
): Promise<SnapshotInfo | undefined> {
  if (snapshot.appid !== 730 || !['2', PROTECTED_CONTEXT].includes(snapshot.contextid)) return undefined;
  const other = snapshot.contextid === '2' ? PROTECTED_CONTEXT : '2';
  const near = await store.list({
    steamid: snapshot.steamid,
    appid: snapshot.appid,
    contextid: other,
    from: snapshot.takenAt - COMPANION_WINDOW_MS,
    to: snapshot.takenAt + COMPANION_WINDOW_MS,
  });
  near.sort((x, y) => Math.abs(x.takenAt - snapshot.takenAt) - Math.abs(y.takenAt - snapshot.takenAt));
  return near[0] ? infoOf(near[0]) : undefined;
}
