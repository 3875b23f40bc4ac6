/**
 * @module steam/snapshots/diff
 * What changed between two inventory states: assets added, removed, and stacks whose amount
 * changed. Since the 2025-07 trade protection, traded items wait in CS2's context 16 for about
 * a week (UPSTREAM.md): an asset that left context 2 and shows up in 16 (same asset id, or
 * else the same item by market hash name) is "protected", not removed, and one that comes
 * back from 16 is "released". Each side may hold several contexts (snapshots of 2 and 16).
 */
import { classKey, type InventorySnapshot, type SnapshotAsset, type SnapshotDescription } from './types.js';

/** CS2's trade-protection context. */
export const PROTECTED_CONTEXT = '16';

export interface InventoryState {
  assets: readonly SnapshotAsset[];
  descriptions: ReadonlyMap<string, SnapshotDescription>;
}

export interface DiffLine {
  assetid: string;
  contextid: string;
  amount: number;
  marketHashName: string;
  name: string;
}

export interface ChangedLine extends DiffLine {
  fromAmount: number;
}

/** An asset that moved between contexts: where it was, and where it is now. */
export interface MovedLine extends DiffLine {
  toAssetid: string;
  toContextid: string;
}

export interface DiffByName {
  marketHashName: string;
  name: string;
  /** Units (stack sizes counted). */
  added: number;
  removed: number;
  protected: number;
  released: number;
  /** Units gained minus lost, moves not counted. */
  net: number;
}

export interface InventoryDiff {
  added: DiffLine[];
  removed: DiffLine[];
  changed: ChangedLine[];
  protected: MovedLine[];
  released: MovedLine[];
  unchanged: number;
  byName: DiffByName[];
}

/** One state from snapshots of one owner and app (e.g. contexts 2 and 16 taken together). */
export function stateOf(snapshots: InventorySnapshot | readonly InventorySnapshot[]): InventoryState {
  const list = Array.isArray(snapshots) ? snapshots : [snapshots as InventorySnapshot];
  if (list.length === 1) return list[0] as InventorySnapshot;
  const descriptions = new Map<string, SnapshotDescription>();
  for (const s of list) for (const [k, d] of s.descriptions) descriptions.set(k, d);
  return { assets: list.flatMap((s) => s.assets), descriptions };
}

export function diffInventories(
  from: InventoryState | readonly InventorySnapshot[],
  to: InventoryState | readonly InventorySnapshot[],
): InventoryDiff {
  const a = Array.isArray(from) ? stateOf(from) : (from as InventoryState);
  const b = Array.isArray(to) ? stateOf(to) : (to as InventoryState);
  // By context, then asset id: no key string per asset on 50,000-item inventories.
  const before = new Map<string, Map<string, SnapshotAsset>>();
  for (const asset of a.assets) {
    let byId = before.get(asset.contextid);
    if (!byId) before.set(asset.contextid, (byId = new Map()));
    byId.set(asset.assetid, asset);
  }
  const diff: InventoryDiff = {
    added: [],
    removed: [],
    changed: [],
    protected: [],
    released: [],
    unchanged: 0,
    byName: [],
  };
  const arrived: SnapshotAsset[] = [];
  for (const asset of b.assets) {
    const byId = before.get(asset.contextid);
    const old = byId?.get(asset.assetid);
    if (!old) {
      arrived.push(asset);
      continue;
    }
    byId?.delete(asset.assetid);
    if (old.amount === asset.amount) diff.unchanged++;
    else diff.changed.push({ ...lineOf(asset, b), fromAmount: old.amount });
  }
  const left = [...before.values()].flatMap((byId) => [...byId.values()]);
  const moves = pairMoves(left, arrived, a, b);
  for (const asset of left) if (!moves.fromUsed.has(asset)) diff.removed.push(lineOf(asset, a));
  for (const asset of arrived) if (!moves.toUsed.has(asset)) diff.added.push(lineOf(asset, b));
  diff.protected = moves.protected;
  diff.released = moves.released;
  diff.byName = byName(diff);
  return diff;
}

/**
 * Pairs assets that left one context with assets that arrived in another, into or out of the
 * protection context: by asset id first, then by market hash name.
 */
function pairMoves(left: SnapshotAsset[], arrived: SnapshotAsset[], a: InventoryState, b: InventoryState) {
  const fromUsed = new Set<SnapshotAsset>();
  const toUsed = new Set<SnapshotAsset>();
  const result = { fromUsed, toUsed, protected: [] as MovedLine[], released: [] as MovedLine[] };
  const candidates = (intoProtection: boolean) =>
    arrived.filter((x) => (x.contextid === PROTECTED_CONTEXT) === intoProtection);
  for (const intoProtection of [true, false]) {
    const leaving = left.filter((x) => (x.contextid === PROTECTED_CONTEXT) !== intoProtection);
    const pool = leaving.length === 0 ? [] : candidates(intoProtection);
    if (pool.length === 0) continue;
    const byId = new Map(pool.map((x) => [x.assetid, x]));
    const byName = new Map<string, SnapshotAsset[]>();
    for (const x of pool) {
      const name = nameOf(x, b).marketHashName;
      let list = byName.get(name);
      if (!list) byName.set(name, (list = []));
      list.push(x);
    }
    for (const asset of leaving) {
      if (fromUsed.has(asset)) continue;
      let match = byId.get(asset.assetid);
      if (match && toUsed.has(match)) match = undefined;
      if (!match) {
        const list = byName.get(nameOf(asset, a).marketHashName);
        match = list?.find((x) => !toUsed.has(x));
      }
      if (!match) continue;
      fromUsed.add(asset);
      toUsed.add(match);
      const line: MovedLine = { ...lineOf(asset, a), toAssetid: match.assetid, toContextid: match.contextid };
      (intoProtection ? result.protected : result.released).push(line);
    }
  }
  return result;
}

function nameOf(asset: SnapshotAsset, state: InventoryState): { marketHashName: string; name: string } {
  const d = state.descriptions.get(classKey(asset.classid, asset.instanceid));
  // Without a description the class stands in: two copies of one class are one item.
  return d
    ? { marketHashName: d.marketHashName, name: d.marketName ?? d.name }
    : { marketHashName: `class ${asset.classid}`, name: `class ${asset.classid}` };
}

function lineOf(asset: SnapshotAsset, state: InventoryState): DiffLine {
  return {
    assetid: asset.assetid,
    contextid: asset.contextid,
    amount: asset.amount,
    ...nameOf(asset, state),
  };
}

function byName(diff: InventoryDiff): DiffByName[] {
  const rows = new Map<string, DiffByName>();
  const row = (line: DiffLine) => {
    let r = rows.get(line.marketHashName);
    if (!r) {
      r = {
        marketHashName: line.marketHashName,
        name: line.name,
        added: 0,
        removed: 0,
        protected: 0,
        released: 0,
        net: 0,
      };
      rows.set(line.marketHashName, r);
    }
    return r;
  };
  for (const l of diff.added) row(l).added += l.amount;
  for (const l of diff.removed) row(l).removed += l.amount;
  for (const l of diff.protected) row(l).protected += l.amount;
  for (const l of diff.released) row(l).released += l.amount;
  for (const l of diff.changed) {
    const r = row(l);
    if (l.amount > l.fromAmount) r.added += l.amount - l.fromAmount;
    else r.removed += l.fromAmount - l.amount;
  }
  for (const r of rows.values()) r.net = r.added - r.removed;
  return [...rows.values()].sort(
    (x, y) =>
      Math.abs(y.net) - Math.abs(x.net) ||
      y.protected - x.protected ||
      x.marketHashName.localeCompare(y.marketHashName),
  );
}
