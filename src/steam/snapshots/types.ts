/**
 * @module steam/snapshots/types
 * An inventory snapshot: which assets one context held at one moment (asset id, class and
 * instance, amount), stored compactly; the descriptions those classes point to are stored
 * once and shared by every snapshot.
 */

export interface SnapshotAsset {
  assetid: string;
  contextid: string;
  classid: string;
  instanceid: string;
  amount: number;
}

/** The description fields snapshots keep: enough to name, price and show an item. */
export interface SnapshotDescription {
  marketHashName: string;
  /** The market name people read (with the exterior, without an app prefix). */
  marketName?: string | undefined;
  name: string;
  type: string;
  marketable: boolean;
  tradable: boolean;
  iconUrl?: string | undefined;
  rarity?: string | undefined;
  exterior?: string | undefined;
}

/** What a snapshot is made from: normalized inventory items carry all of it. */
export interface SnapshotItem extends SnapshotDescription {
  assetid: string;
  classid: string;
  instanceid: string;
  amount: number;
  contextid?: string;
}

export interface SnapshotInfo {
  id: number;
  steamid: string;
  appid: number;
  contextid: string;
  takenAt: number;
  /** Asset entries, and the sum of their amounts (stacks count their size). */
  assetCount: number;
  itemCount: number;
}

export interface InventorySnapshot extends SnapshotInfo {
  assets: SnapshotAsset[];
  /** By `classid_instanceid`. */
  descriptions: Map<string, SnapshotDescription>;
}

export function classKey(classid: string, instanceid: string): string {
  return `${classid}_${instanceid || '0'}`;
}
