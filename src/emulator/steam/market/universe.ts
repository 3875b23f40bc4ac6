/**
 * @module emulator/steam/market/universe
 * Everything the emulated market lists, per app: one entry per market hash name any generated
 * inventory can hold (every weapon skin class, every fixed item; trade-held, protected and
 * customized copies share these names), with a deterministic dollar price and listing count.
 * Items that cannot be sold (service medals, coins) are not listed, as on Steam.
 */
import type { RawDescription } from '../../../steam/community/inventory/types.js';
import '../catalogs.js';
import { staticItemsOf } from '../catalog.js';
import { weaponMarketDescriptions } from '../cs2-weapons.js';
import { hash32 } from '../random.js';
import type { MarketScenario } from './scenario.js';

export interface MarketItem {
  appid: number;
  marketHashName: string;
  description: RawDescription;
  /** Lowest listing in US cents. */
  usdCents: number;
  /** Sell listings; 0: listed without any (no price on either market). */
  listings: number;
  /** Skinport's price as a share of Steam's, in thousandths (it undercuts Steam). */
  skinportShare: number;
}

export interface MarketUniverse {
  /** Sorted by name, the order `sort_column=name&sort_dir=asc` pages through. */
  items: MarketItem[];
  byName: Map<string, MarketItem>;
}

const cache = new Map<string, MarketUniverse>();

export function universeOf(appid: number, scenario: MarketScenario): MarketUniverse {
  const key = `${appid}:${JSON.stringify(scenario.prices)}:${scenario.unlisted.join('\u0000')}`;
  let universe = cache.get(key);
  if (!universe) cache.set(key, (universe = build(appid, scenario)));
  return universe;
}

function build(appid: number, scenario: MarketScenario): MarketUniverse {
  const descriptions: RawDescription[] = staticItemsOf(appid).map((item) => ({
    appid,
    classid: item.classid,
    instanceid: item.instanceid,
    ...item.body,
  }));
  if (appid === 730) descriptions.push(...weaponMarketDescriptions());
  const byName = new Map<string, MarketItem>();
  const unlisted = new Set(scenario.unlisted);
  for (const description of descriptions) {
    const name = description.market_hash_name;
    if (!name || description.marketable !== 1 || byName.has(name)) continue;
    const h = hash32(`market:${appid}:${name}`);
    const override = scenario.prices[`${appid}/${name}`];
    byName.set(name, {
      appid,
      marketHashName: name,
      description,
      usdCents: override ?? dollarPrice(description, h),
      // About one item in 25 is listed with no sell listing: no price, never $0.
      listings: unlisted.has(name) || (override === undefined && h % 25 === 7) ? 0 : 1 + (h % 4999),
      skinportShare: 850 + (hash32(`skinport:${name}`) % 131),
    });
  }
  const items = [...byName.values()].sort((a, b) => (a.marketHashName < b.marketHashName ? -1 : 1));
  return { items, byName };
}

/** Cents ranges by rarity level (CS2's 0 Stock … 6 Covert); unknown items take the middle one. */
const RANGES: [number, number][] = [
  [3, 30],
  [3, 25],
  [5, 60],
  [10, 300],
  [50, 1_500],
  [200, 6_000],
  [1_000, 30_000],
];

const EXTERIOR_PER_MILLE: Record<string, number> = {
  WearCategory0: 1600,
  WearCategory1: 1200,
  WearCategory2: 1000,
  WearCategory3: 850,
  WearCategory4: 750,
};

/** A plausible, deterministic price: rarity sets the range, the name's hash the spot in it. */
function dollarPrice(description: RawDescription, h: number): number {
  const tags = description.tags ?? [];
  const rarity = tags.find((t) => t.category === 'Rarity')?.internal_name ?? '';
  const level = ['Default', 'Common', 'Uncommon', 'Rare', 'Mythical', 'Legendary', 'Ancient'].findIndex((r) =>
    rarity.startsWith(`Rarity_${r}`),
  );
  const type = tags.find((t) => t.category === 'Type')?.internal_name ?? '';
  let [low, high] = RANGES[level >= 0 ? level : 3] as [number, number];
  if (type === 'CSGO_Type_Knife') [low, high] = [8_000, 150_000];
  if (type === 'CSGO_Type_WeaponCase') [low, high] = [30, 600];
  const spot = (h % 10_000) / 10_000;
  let cents = Math.round(low * (high / low) ** spot);
  const quality = tags.find((t) => t.category === 'Quality')?.internal_name ?? '';
  if (quality.includes('strange')) cents = Math.round((cents * 25) / 10);
  const exterior = tags.find((t) => t.category === 'Exterior')?.internal_name;
  if (exterior) cents = Math.round((cents * (EXTERIOR_PER_MILLE[exterior] ?? 1000)) / 1000);
  return Math.max(3, cents);
}
