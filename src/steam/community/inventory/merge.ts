/**
 * @module steam/community/inventory/merge
 * Steam's merged shape: all pages' assets in order, each description and property set
 * once, the last page's total, and every field we don't know passed through untouched.
 */
import type { RawAssetProperties, RawDescription, RawInventory, RawInventoryPage } from './types.js';

const PAGING_FIELDS = new Set([
  'more_items',
  'last_assetid',
  'assets',
  'descriptions',
  'asset_properties',
  'currency',
]);

export function descriptionKey(classid: string, instanceid: string | undefined): string {
  return `${classid}_${instanceid || '0'}`;
}

export class InventoryMerger {
  private readonly extra: Record<string, unknown> = {};
  private readonly assets: RawInventory['assets'] = [];
  private readonly descriptions = new Map<string, RawDescription>();
  private readonly properties: RawAssetProperties[] = [];
  private currency: unknown[] | undefined;
  private total = 0;

  add(page: RawInventoryPage): void {
    for (const [field, value] of Object.entries(page)) {
      if (!PAGING_FIELDS.has(field) && !(field in this.extra)) this.extra[field] = value;
    }
    if (page.assets) for (const asset of page.assets) this.assets.push(asset);
    for (const d of page.descriptions ?? []) {
      const key = descriptionKey(d.classid, d.instanceid);
      if (!this.descriptions.has(key)) this.descriptions.set(key, d);
    }
    if (page.asset_properties) for (const p of page.asset_properties) this.properties.push(p);
    if (page.currency) this.currency = [...(this.currency ?? []), ...page.currency];
    if (typeof page.total_inventory_count === 'number') this.total = page.total_inventory_count;
  }

  result(): RawInventory {
    return {
      ...this.extra,
      assets: this.assets,
      descriptions: [...this.descriptions.values()],
      ...(this.properties.length > 0 ? { asset_properties: this.properties } : {}),
      ...(this.currency ? { currency: this.currency } : {}),
      total_inventory_count: this.total,
      success: 1,
    };
  }
}
