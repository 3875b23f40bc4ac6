/**
 * @module gateway/services/webhooks/inventory-change
 * What a watched inventory's poll compares and publishes: the inventory just read as a
 * snapshot state (the same descriptions `recordSnapshot` keeps, so names match the stored
 * baseline's), whether a diff holds any change, and the `inventoryChanged` event's data.
 */
import type { InventoryItem } from '../../../steam/community/inventory/types.js';
import type { InventoryDiff, InventoryState } from '../../../steam/snapshots/diff.js';
import { classKey, type SnapshotDescription, type SnapshotInfo } from '../../../steam/snapshots/types.js';

/** Lines per list in an event; `counts` always has the whole diff. */
export const EVENT_LINE_LIMIT = 500;

export function stateOfItems(items: readonly InventoryItem[]): InventoryState {
  const descriptions = new Map<string, SnapshotDescription>();
  const assets = items.map((item) => {
    const instanceid = item.instanceid || '0';
    const key = classKey(item.classid, instanceid);
    if (!descriptions.has(key))
      descriptions.set(key, {
        marketHashName: item.marketHashName,
        ...(item.marketName && item.marketName !== item.name ? { marketName: item.marketName } : {}),
        name: item.name,
        type: item.type,
        marketable: item.marketable,
        tradable: item.tradable,
      });
    return {
      assetid: item.assetid,
      contextid: item.contextid,
      classid: item.classid,
      instanceid,
      amount: item.amount,
    };
  });
  return { assets, descriptions };
}

export function hasChanges(diff: InventoryDiff): boolean {
  return (
    diff.added.length +
      diff.removed.length +
      diff.changed.length +
      diff.protected.length +
      diff.released.length >
    0
  );
}

export interface InventoryChangedData {
  steamid: string;
  appid: string;
  contextid: string;
  from: { snapshot: number; takenAt: string };
  to: { snapshot: number; takenAt: string };
  counts: Record<'added' | 'removed' | 'changed' | 'protected' | 'released' | 'unchanged', number>;
  added: InventoryDiff['added'];
  removed: InventoryDiff['removed'];
  changed: InventoryDiff['changed'];
  protected: InventoryDiff['protected'];
  released: InventoryDiff['released'];
  /** True when a list was cut at EVENT_LINE_LIMIT lines (the history route has them all). */
  truncated: boolean;
  byName: InventoryDiff['byName'];
}

export function inventoryChangedData(
  target: { steamid: string; appid: string; contextid: string },
  from: Pick<SnapshotInfo, 'id' | 'takenAt'>,
  to: Pick<SnapshotInfo, 'id' | 'takenAt'>,
  diff: InventoryDiff,
): InventoryChangedData {
  const lists = [diff.added, diff.removed, diff.changed, diff.protected, diff.released, diff.byName];
  const cut = <T>(list: T[]) => list.slice(0, EVENT_LINE_LIMIT);
  return {
    steamid: target.steamid,
    appid: target.appid,
    contextid: target.contextid,
    from: { snapshot: from.id, takenAt: new Date(from.takenAt).toISOString() },
    to: { snapshot: to.id, takenAt: new Date(to.takenAt).toISOString() },
    counts: {
      added: diff.added.length,
      removed: diff.removed.length,
      changed: diff.changed.length,
      protected: diff.protected.length,
      released: diff.released.length,
      unchanged: diff.unchanged,
    },
    added: cut(diff.added),
    removed: cut(diff.removed),
    changed: cut(diff.changed),
    protected: cut(diff.protected),
    released: cut(diff.released),
    truncated: lists.some((list) => list.length > EVENT_LINE_LIMIT),
    byName: cut(diff.byName),
  };
}
