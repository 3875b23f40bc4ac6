/**
 * @module steam/snapshots/record
 * Storing and loading snapshots. `recordSnapshot` is the one call a caller needs (the CLI's
 * `--snapshot`, the gateway's watched inventories): it encodes the assets, writes any
 * description not stored yet, and returns the new snapshot's id.
 */
import { InvalidInputError } from '../../core/errors.js';
import type { SnapshotRow, SnapshotStore } from '../../store/snapshots.js';
import type { Valuation } from '../market/valuation.js';
import { decodeSnapshotAssets, encodeAssets } from './encode.js';
import {
  classKey,
  type InventorySnapshot,
  type SnapshotDescription,
  type SnapshotInfo,
  type SnapshotItem,
} from './types.js';

export interface RecordSnapshotInput {
  steamid: string;
  appid: number | string;
  contextid: number | string;
  items: Iterable<SnapshotItem>;
  takenAt?: number;
  /** The items' valuation at the time, kept as this snapshot's value in that source and currency. */
  valuation?: Valuation | undefined;
}

export async function recordSnapshot(
  store: SnapshotStore,
  input: RecordSnapshotInput,
): Promise<SnapshotInfo> {
  const appid = Number(input.appid);
  const contextid = String(input.contextid);
  const assets: { assetid: string; classid: string; instanceid: string; amount: number }[] = [];
  const descriptions = new Map<string, [string, string, string]>();
  let itemCount = 0;
  for (const item of input.items) {
    const instanceid = item.instanceid || '0';
    assets.push({ assetid: item.assetid, classid: item.classid, instanceid, amount: item.amount });
    itemCount += item.amount;
    const key = classKey(item.classid, instanceid);
    if (!descriptions.has(key))
      descriptions.set(key, [item.classid, instanceid, JSON.stringify(describe(item))]);
  }
  const encoded = await encodeAssets(assets);
  await store.saveDescriptions(appid, [...descriptions.values()]);
  const row = {
    steamid: input.steamid,
    appid,
    contextid,
    takenAt: input.takenAt ?? Date.now(),
    assetCount: assets.length,
    itemCount,
  };
  const id = await store.insert({ ...row, ...encoded });
  if (input.valuation) await recordSnapshotValue(store, id, input.valuation);
  return { id, ...row };
}

export async function recordSnapshotValue(
  store: SnapshotStore,
  snapshotId: number,
  valuation: Valuation,
): Promise<void> {
  await store.saveValue({
    snapshotId,
    source: valuation.source,
    currency: valuation.currency,
    total: valuation.totals.total.amount,
    marketableTotal: valuation.totals.marketableTotal.amount,
    missingQuantity: valuation.totals.missingQuantity,
    staleLines: valuation.totals.staleLines,
    pricedAt: valuation.valuedAt,
  });
}

/** A stored snapshot with its assets and their descriptions; unknown ids are bad input. */
export async function loadSnapshot(store: SnapshotStore, id: number): Promise<InventorySnapshot> {
  const row = await store.get(id);
  if (!row) {
    throw new InvalidInputError(
      `no snapshot ${id}: list them with \`gamestash steam history <who> --app <appid>\``,
      'snapshot',
    );
  }
  const { assets, classes } = await decodeSnapshotAssets(row, row.contextid);
  const descriptions = await store.descriptions(
    row.appid,
    classes,
    (body) => JSON.parse(body) as SnapshotDescription,
  );
  return { ...infoOf(row), assets, descriptions };
}

export function infoOf(row: SnapshotRow): SnapshotInfo {
  return {
    id: row.id,
    steamid: row.steamid,
    appid: row.appid,
    contextid: row.contextid,
    takenAt: row.takenAt,
    assetCount: row.assetCount,
    itemCount: row.itemCount,
  };
}

function describe(item: SnapshotItem): SnapshotDescription {
  return {
    marketHashName: item.marketHashName,
    ...(item.marketName && item.marketName !== item.name ? { marketName: item.marketName } : {}),
    name: item.name,
    type: item.type,
    marketable: item.marketable,
    tradable: item.tradable,
    ...(item.iconUrl ? { iconUrl: item.iconUrl } : {}),
    ...(item.rarity ? { rarity: item.rarity } : {}),
    ...(item.exterior ? { exterior: item.exterior } : {}),
  };
}
