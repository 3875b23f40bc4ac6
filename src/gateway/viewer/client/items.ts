/**
 * @module gateway/viewer/client/items
 * The whole inventory in the browser: each item prepared once (lower-case search text, rarity
 * rank, date order), then searched, filtered and sorted locally on every change — no request,
 * so 50,000 items answer as fast as the grid can draw. Pure (no DOM), unit-tested in Node.
 */
import type { Sort, SteamView } from './state.js';

/** The normalized item's fields the viewer reads (the gateway's InventoryItem). */
export interface Item {
  assetid: string;
  classid: string;
  instanceid: string;
  amount: number;
  name: string;
  marketHashName: string;
  type: string;
  tradable: boolean;
  marketable: boolean;
  iconUrl?: string;
  iconUrlLarge?: string;
  nameColor?: string;
  rarity?: string;
  rarityColor?: string;
  exterior?: string;
  quality?: string;
  category?: string;
  tags: Record<string, string>;
  inspectLink?: string;
  float?: number;
  paintSeed?: number;
  certificate?: string;
  stickerNames?: string[];
  charmNames?: string[];
  fraudWarnings: string[];
}

export interface Money {
  amount: number;
  currency: string;
  text: string;
}

/** A unit price from the value route's lines, by market hash name. */
export interface UnitPrice {
  unit: Money;
  observedAt: string | null;
  source: string;
  stale: boolean;
}

export interface Entry {
  item: Item;
  /** Position in the inventory as Steam lists it (newest first): the "date" order. */
  order: number;
  search: string;
  rarityRank: number;
  /** Set once prices arrive; undefined while unknown, null when the item has none. */
  price: UnitPrice | null | undefined;
}

/** Higher is rarer: CS2 weapon and other grades, agents, then Dota 2 / TF2 grades. */
const RARITY_RANKS: Record<string, number> = {
  'base grade': 1,
  'consumer grade': 1,
  common: 1,
  'industrial grade': 2,
  uncommon: 2,
  'mil-spec grade': 3,
  'mil-spec': 3,
  'high grade': 3,
  distinguished: 3,
  rare: 3,
  restricted: 4,
  remarkable: 4,
  exceptional: 4,
  mythical: 4,
  classified: 5,
  exotic: 5,
  superior: 5,
  legendary: 5,
  covert: 6,
  extraordinary: 6,
  master: 6,
  ancient: 6,
  contraband: 7,
  immortal: 7,
  arcana: 8,
};

export function rarityRank(rarity: string | undefined): number {
  return rarity ? (RARITY_RANKS[rarity.toLowerCase()] ?? 0) : 0;
}

/** The CS2 wear ranges (float), best first. */
export const WEAR_RANGES = [
  { name: 'Factory New', short: 'FN', min: 0, max: 0.07 },
  { name: 'Minimal Wear', short: 'MW', min: 0.07, max: 0.15 },
  { name: 'Field-Tested', short: 'FT', min: 0.15, max: 0.38 },
  { name: 'Well-Worn', short: 'WW', min: 0.38, max: 0.45 },
  { name: 'Battle-Scarred', short: 'BS', min: 0.45, max: 1 },
] as const;

export function wearOf(float: number): (typeof WEAR_RANGES)[number] {
  return WEAR_RANGES.find((range) => float < range.max) ?? WEAR_RANGES[WEAR_RANGES.length - 1]!;
}

export function prepare(items: readonly Item[], offset = 0): Entry[] {
  return items.map((item, i) => ({
    item,
    order: offset + i,
    search: `${item.name}\n${item.marketHashName}\n${item.type}`.toLowerCase(),
    rarityRank: rarityRank(item.rarity),
    price: undefined,
  }));
}

/** Joins unit prices (by market hash name) onto the entries; names without one get null. */
export function joinPrices(entries: readonly Entry[], prices: ReadonlyMap<string, UnitPrice | null>): void {
  for (const entry of entries) entry.price = prices.get(entry.item.marketHashName) ?? null;
}

export interface Facets {
  types: string[];
  rarities: string[];
  exteriors: string[];
}

/** The values the filters offer: every type, rarity (rarest first) and exterior present. */
export function facets(entries: readonly Entry[]): Facets {
  const types = new Set<string>();
  const rarities = new Map<string, number>();
  const exteriors = new Set<string>();
  for (const { item, rarityRank: rank } of entries) {
    if (item.category) types.add(item.category);
    if (item.rarity) rarities.set(item.rarity, rank);
    if (item.exterior) exteriors.add(item.exterior);
  }
  const wearOrder = (name: string) => {
    const i = WEAR_RANGES.findIndex((range) => range.name === name);
    return i < 0 ? 99 : i;
  };
  return {
    types: [...types].sort((a, b) => a.localeCompare(b)),
    rarities: [...rarities].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name),
    exteriors: [...exteriors].sort((a, b) => wearOrder(a) - wearOrder(b) || a.localeCompare(b)),
  };
}

export interface ViewFilter extends Pick<
  SteamView,
  'q' | 'tradable' | 'marketable' | 'type' | 'rarity' | 'exterior' | 'sort'
> {
  /** Unit price bounds in minor units. */
  min?: number | undefined;
  max?: number | undefined;
}

export function matches(entry: Entry, filter: ViewFilter, words: string[]): boolean {
  const { item } = entry;
  if (filter.tradable && item.tradable !== (filter.tradable === '1')) return false;
  if (filter.marketable && item.marketable !== (filter.marketable === '1')) return false;
  if (filter.type && item.category !== filter.type) return false;
  if (filter.rarity && item.rarity !== filter.rarity) return false;
  if (filter.exterior && item.exterior !== filter.exterior) return false;
  if (filter.min !== undefined || filter.max !== undefined) {
    const amount = entry.price?.unit.amount;
    if (amount === undefined) return false;
    if (filter.min !== undefined && amount < filter.min) return false;
    if (filter.max !== undefined && amount > filter.max) return false;
  }
  for (const word of words) if (!entry.search.includes(word)) return false;
  return true;
}

const byName = (a: Entry, b: Entry) => collator.compare(a.item.name, b.item.name) || a.order - b.order;
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
/** Items without the sorted value (no float, no price) go last, whichever the direction. */
const last = (value: number | undefined, desc: boolean) =>
  value === undefined ? Number.POSITIVE_INFINITY : desc ? -value : value;

const SORTERS: Record<Sort, (a: Entry, b: Entry) => number> = {
  date: (a, b) => a.order - b.order,
  'date-asc': (a, b) => b.order - a.order,
  name: byName,
  'name-desc': (a, b) => -byName(a, b),
  rarity: (a, b) => b.rarityRank - a.rarityRank || byName(a, b),
  'rarity-asc': (a, b) => a.rarityRank - b.rarityRank || byName(a, b),
  float: (a, b) => last(a.item.float, false) - last(b.item.float, false) || a.order - b.order,
  'float-desc': (a, b) => last(a.item.float, true) - last(b.item.float, true) || a.order - b.order,
  price: (a, b) => last(a.price?.unit.amount, true) - last(b.price?.unit.amount, true) || byName(a, b),
  'price-asc': (a, b) =>
    last(a.price?.unit.amount, false) - last(b.price?.unit.amount, false) || byName(a, b),
};

/** The entries the view shows, in its order. */
export function applyView(entries: readonly Entry[], filter: ViewFilter): Entry[] {
  const words = filter.q.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = entries.filter((entry) => matches(entry, filter, words));
  // Infinity - Infinity is NaN: treat it as equal.
  const sorter = SORTERS[filter.sort];
  return shown.sort((a, b) => sorter(a, b) || 0);
}

/** What the shown entries are worth (unit × amount), in minor units, and how many have no price. */
export function worth(entries: readonly Entry[]): { amount: number; unpriced: number } {
  let amount = 0;
  let unpriced = 0;
  for (const entry of entries) {
    if (entry.price) amount += entry.price.unit.amount * entry.item.amount;
    else unpriced += entry.item.amount;
  }
  return { amount, unpriced };
}
