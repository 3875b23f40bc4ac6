/**
 * @module emulator/steam/inventory-overlay
 * What trades did to the generated inventories: per (steamid, app, context), the assets
 * that left and the assets that arrived. The inventory route serves the generated
 * inventory through this overlay. A changed inventory gets a new view object, so the page
 * bytes cached for the old one (page.ts, keyed by the view) are dropped with it and every
 * untouched inventory keeps its cache: the 50,000-item path pays nothing for trading.
 */
import type { RawAsset, RawAssetProperty, RawDescription } from '../../steam/community/inventory/types.js';
import type { GeneratedInventory } from './generate.js';

/** An asset that arrived by trade: its new id, description and (CS2) properties. */
export interface OverlayAsset {
  asset: RawAsset;
  description: RawDescription;
  properties?: () => RawAssetProperty[];
}

interface Changes {
  removed: Set<string>;
  /** Newest (largest id) first, like the generated assets. */
  added: OverlayAsset[];
  version: number;
}

interface CachedView {
  version: number;
  view: GeneratedInventory;
}

export class InventoryOverlay {
  private readonly changes = new Map<string, Changes>();
  private readonly views = new WeakMap<GeneratedInventory, CachedView>();
  /** One counter for all inventories, so a view cached before `clear()` is never mistaken for a new one. */
  private version = 0;

  /** Whether trades touched this inventory at all. */
  touched(steamid: string, appid: number, contextid: string): boolean {
    return this.changes.has(key(steamid, appid, contextid));
  }

  /** Takes an asset out (one the generator made, or one that arrived earlier). */
  remove(steamid: string, appid: number, contextid: string, assetid: string): void {
    const changes = this.entry(steamid, appid, contextid);
    const at = changes.added.findIndex((item) => item.asset.assetid === assetid);
    if (at >= 0) changes.added.splice(at, 1);
    else changes.removed.add(assetid);
    changes.version = ++this.version;
  }

  add(steamid: string, appid: number, contextid: string, item: OverlayAsset): void {
    const changes = this.entry(steamid, appid, contextid);
    const id = Number(item.asset.assetid);
    let at = 0;
    while (at < changes.added.length && Number(changes.added[at]?.asset.assetid) > id) at++;
    changes.added.splice(at, 0, item);
    changes.version = ++this.version;
  }

  /** The assets that arrived in this inventory and are still there. */
  added(steamid: string, appid: number, contextid: string): readonly OverlayAsset[] {
    return this.changes.get(key(steamid, appid, contextid))?.added ?? [];
  }

  isRemoved(steamid: string, appid: number, contextid: string, assetid: string): boolean {
    return this.changes.get(key(steamid, appid, contextid))?.removed.has(assetid) ?? false;
  }

  /**
   * The inventory as it stands: `base` without the removed assets, the arrived ones first.
   * Cached per base object and change count.
   */
  apply(base: GeneratedInventory): GeneratedInventory {
    const changes = this.changes.get(key(base.steamid, base.appid, base.contextid));
    if (!changes) return base;
    const cached = this.views.get(base);
    if (cached?.version === changes.version) return cached.view;
    const view = buildView(base, changes);
    this.views.set(base, { version: changes.version, view });
    return view;
  }

  /** Every touched inventory of an account, for the control endpoint. */
  describe(steamid: string): { appid: number; contextid: string; removed: string[]; added: RawAsset[] }[] {
    const out = [];
    for (const [k, changes] of this.changes) {
      const [owner = '', appText = '', contextid = ''] = k.split('/');
      if (owner !== steamid) continue;
      out.push({
        appid: Number(appText),
        contextid,
        removed: [...changes.removed],
        added: changes.added.map((item) => item.asset),
      });
    }
    return out;
  }

  clear(): void {
    this.changes.clear();
  }

  private entry(steamid: string, appid: number, contextid: string): Changes {
    const k = key(steamid, appid, contextid);
    let changes = this.changes.get(k);
    if (!changes) {
      changes = { removed: new Set(), added: [], version: 0 };
      this.changes.set(k, changes);
    }
    return changes;
  }
}

function key(steamid: string, appid: number, contextid: string): string {
  return `${steamid}/${appid}/${contextid}`;
}

function buildView(base: GeneratedInventory, changes: Changes): GeneratedInventory {
  const assets: RawAsset[] = [];
  const numbers: number[] = [];
  const descriptionOf: RawDescription[] = [];
  const propertiesOf: ((() => RawAssetProperty[]) | undefined)[] = [];
  for (const item of changes.added) {
    assets.push(item.asset);
    numbers.push(Number(item.asset.assetid));
    descriptionOf.push(item.description);
    propertiesOf.push(item.properties);
  }
  const removed = changes.removed;
  for (let i = 0; i < base.size; i++) {
    const asset = base.assets[i] as RawAsset;
    if (removed.size > 0 && removed.has(asset.assetid)) continue;
    assets.push(asset);
    numbers.push(base.assetNumbers[i] as number);
    descriptionOf.push(base.descriptionOf[i] as RawDescription);
    propertiesOf.push(base.propertiesOf[i]);
  }
  const view: GeneratedInventory = {
    ...base,
    size: assets.length,
    assets,
    assetNumbers: Float64Array.from(numbers),
    descriptionOf,
    propertiesOf,
  };
  // An inventory emptied by trades has no currency to show either.
  if (view.size === 0) delete view.currency;
  return view;
}
