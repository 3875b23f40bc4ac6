/**
 * @module steam/community/inventory/filter
 * Filters and summaries over normalized items.
 */
import type { InventoryItem, InventorySummaryLine } from './types.js';

export interface InventoryFilter {
  tradable?: boolean;
  marketable?: boolean;
  /** Matches the item's Type tag or its type line, case-insensitive. */
  type?: string;
  rarity?: string;
  exterior?: string;
  /** Substring of the name or market hash name, case-insensitive. */
  name?: string;
}

export function matchesFilter(item: InventoryItem, filter: InventoryFilter): boolean {
  if (filter.tradable !== undefined && item.tradable !== filter.tradable) return false;
  if (filter.marketable !== undefined && item.marketable !== filter.marketable) return false;
  if (filter.type && !includes(item.category, filter.type) && !includes(item.type, filter.type)) return false;
  if (filter.rarity && !includes(item.rarity, filter.rarity)) return false;
  if (filter.exterior && !includes(item.exterior, filter.exterior)) return false;
  if (filter.name && !includes(item.name, filter.name) && !includes(item.marketHashName, filter.name))
    return false;
  return true;
}

export async function* filterItems(
  items: AsyncIterable<InventoryItem>,
  filter: InventoryFilter,
): AsyncGenerator<InventoryItem> {
  for await (const item of items) if (matchesFilter(item, filter)) yield item;
}

/** Names and quantities, most plentiful first (the seed's jq summary, done properly). */
export function summarize(items: Iterable<InventoryItem>): InventorySummaryLine[] {
  const lines = new Map<string, InventorySummaryLine>();
  for (const item of items) {
    const key = item.marketHashName || item.name;
    let line = lines.get(key);
    if (!line) {
      line = { marketHashName: key, name: item.name, type: item.type, quantity: 0, tradable: 0 };
      lines.set(key, line);
    }
    line.quantity += item.amount;
    if (item.tradable) line.tradable += item.amount;
  }
  return [...lines.values()].sort(
    (a, b) => b.quantity - a.quantity || a.marketHashName.localeCompare(b.marketHashName),
  );
}

function includes(haystack: string | undefined, needle: string): boolean {
  return haystack !== undefined && haystack.toLowerCase().includes(needle.toLowerCase());
}
