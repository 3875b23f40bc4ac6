/**
 * @module emulator/steam/page
 * One page of `GET /inventory/...` exactly as Steam shapes it (UPSTREAM.md, seeds/000):
 * descriptions only for this page's assets, `more_items`/`last_assetid` only while more
 * pages exist, the next page starting after `start_assetid`, and an empty page without
 * `assets`/`descriptions` keys at all.
 */
import type {
  RawAsset,
  RawAssetProperties,
  RawDescription,
  RawInventoryPage,
} from '../../steam/community/inventory/types.js';
import type { GeneratedInventory } from './generate.js';

/** `{"total_inventory_count":0,"success":1,"rwgrsn":-2}`: Steam's empty inventory. */
export function emptyPage(total = 0): RawInventoryPage {
  return { total_inventory_count: total, success: 1, rwgrsn: -2 };
}

/** Index of the first asset after `startAssetid` (ids descend: the first smaller one). */
export function startIndex(inventory: GeneratedInventory, startAssetid: string | undefined): number {
  if (startAssetid === undefined || !/^\d+$/.test(startAssetid)) return 0;
  const start = Number(startAssetid);
  const ids = inventory.assetNumbers;
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ids[mid] as number) >= start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function renderPage(
  inventory: GeneratedInventory,
  startAssetid: string | undefined,
  count: number,
): RawInventoryPage {
  const from = startIndex(inventory, startAssetid);
  const to = Math.min(from + count, inventory.size);
  if (from >= to) return emptyPage(inventory.size);

  const assets = inventory.assets.slice(from, to);
  const descriptions: RawDescription[] = [];
  const seen = new Set<RawDescription>();
  const properties: RawAssetProperties[] = [];
  for (let i = from; i < to; i++) {
    const description = inventory.descriptionOf[i] as RawDescription;
    if (!seen.has(description)) {
      seen.add(description);
      descriptions.push(description);
    }
    const props = inventory.propertiesOf[i];
    if (props) {
      const asset = inventory.assets[i] as RawAsset;
      properties.push({
        appid: asset.appid,
        contextid: asset.contextid,
        assetid: asset.assetid,
        asset_properties: props(),
      });
    }
  }
  // Key order as Steam sends it: assets, descriptions, asset_properties, paging, totals.
  const page: Partial<RawInventoryPage> = { assets, descriptions };
  if (properties.length > 0) page.asset_properties = properties;
  if (inventory.currency && from === 0) {
    page.currency = inventory.currency.entries;
    for (const description of inventory.currency.descriptions) {
      if (!seen.has(description) && !descriptions.some((d) => sameItem(d, description)))
        descriptions.push(description);
    }
  }
  if (to < inventory.size) {
    page.more_items = 1;
    page.last_assetid = inventory.assets[to - 1]?.assetid;
  }
  page.total_inventory_count = inventory.size;
  page.success = 1;
  page.rwgrsn = -2;
  return page as RawInventoryPage;
}

function sameItem(a: RawDescription, b: RawDescription): boolean {
  return a.classid === b.classid && (a.instanceid ?? '0') === (b.instanceid ?? '0');
}

const descriptionJson = new WeakMap<RawDescription, string>();

/**
 * `JSON.stringify(page)` with each description serialized once and reused: descriptions are
 * shared objects and make up most of a page's bytes, so walking a 50,000-item inventory
 * stays cheap. The output is byte-identical to `JSON.stringify(page)`.
 */
export function pageJson(page: RawInventoryPage): string {
  if (!page.descriptions) return JSON.stringify(page);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(page)) {
    if (value === undefined) continue;
    const text =
      key === 'descriptions' ? `[${page.descriptions.map(cachedJson).join(',')}]` : JSON.stringify(value);
    parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

function cachedJson(description: RawDescription): string {
  let text = descriptionJson.get(description);
  if (text === undefined) {
    text = JSON.stringify(description);
    descriptionJson.set(description, text);
  }
  return text;
}

/**
 * Serialized pages per inventory, kept as UTF-8 bytes: benchmarks walk the same pages again
 * and again, and handing `res.end` a 1.6 MB string makes Node encode and copy it on every
 * request (about 10 ms a page, measured), which a client would see as slow server time.
 */
const servedPages = new WeakMap<GeneratedInventory, { pages: Map<string, Buffer>; bytes: number }>();
const MAX_CACHED_BYTES_PER_INVENTORY = 128 * 1024 * 1024;

/** `pageJson(renderPage(...))` as UTF-8, remembered per inventory (dropped with the inventory). */
export function servePage(
  inventory: GeneratedInventory,
  startAssetid: string | undefined,
  count: number,
): Buffer {
  let cache = servedPages.get(inventory);
  if (!cache) {
    cache = { pages: new Map(), bytes: 0 };
    servedPages.set(inventory, cache);
  }
  const key = `${startIndex(inventory, startAssetid)}:${count}`;
  let bytes = cache.pages.get(key);
  if (bytes === undefined) {
    bytes = Buffer.from(pageJson(renderPage(inventory, startAssetid, count)), 'utf8');
    if (cache.bytes + bytes.length <= MAX_CACHED_BYTES_PER_INVENTORY) {
      cache.pages.set(key, bytes);
      cache.bytes += bytes.length;
    }
  }
  return bytes;
}
