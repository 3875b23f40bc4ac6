/**
 * @module emulator/steam/catalog
 * What each emulated app's inventory is made of. An app catalog draws one item per asset;
 * items of the same kind share a `classid`+`instanceid` and so one description, as on Steam
 * (UPSTREAM.md: "Descriptions are shared by many assets").
 */
import type { RawAssetProperty, RawDescription, RawTag } from '../../steam/community/inventory/types.js';
import type { Rng } from './random.js';

export interface DrawInput {
  rng: Rng;
  steamid: string;
  contextid: string;
  assetid: string;
  /** The asset id as a number (ids stay below 2^53). */
  assetNumber: number;
}

export interface DrawnItem {
  classid: string;
  instanceid: string;
  amount: string;
  /**
   * Builds the description. Assets sharing a classid+instanceid get the very same function
   * (generate.ts keys descriptions by it), and it returns the same object every time.
   */
  describe: () => RawDescription;
  /**
   * CS2 per-asset properties (weapon skins only), built when a page needs them: the random
   * draws happen at generation, the objects and certificates only for pages served.
   */
  properties?: () => RawAssetProperty[];
}

export interface CurrencyEntry {
  appid: number;
  contextid: string;
  currencyid: string;
  classid: string;
  amount: string;
}

export interface AppCatalog {
  appid: number;
  /** Context ids that hold an inventory; any other answers 500 EResult 55. */
  contexts: readonly string[];
  draw(input: DrawInput): DrawnItem;
  /** Steam's separate `currency` array, sent with the first page (UPSTREAM.md: some apps). */
  currency?(steamid: string, contextid: string): { entries: CurrencyEntry[]; descriptions: RawDescription[] };
}

/** The description fields every static item shares; appid/classid/instanceid are added. */
export type DescriptionBody = {
  // A key-remapping mapped type: `Omit` would drop every named field of a type with an
  // index signature.
  [K in keyof RawDescription as K extends 'appid' | 'classid' | 'instanceid' ? never : K]: RawDescription[K];
};

export interface StaticItem {
  weight: number;
  classid: string;
  instanceid: string;
  /** Amount per asset; stackable items (gems) draw one. */
  amount?: (rng: Rng) => number;
  body: DescriptionBody;
}

/** Every app's fixed items, as their catalogs registered them (the market lists and prices them). */
const STATIC_ITEMS = new Map<number, StaticItem[]>();

/** The fixed items of an app (weapon skins are not among them: cs2-weapons.ts lists those). */
export function staticItemsOf(appid: number): readonly StaticItem[] {
  return STATIC_ITEMS.get(appid) ?? [];
}

/** Draws among fixed items, each description built once and shared by every inventory. */
export function staticDraw(appid: number, items: readonly StaticItem[]): (input: DrawInput) => DrawnItem {
  STATIC_ITEMS.set(appid, [...(STATIC_ITEMS.get(appid) ?? []), ...items]);
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  const cache = new Map<StaticItem, RawDescription>();
  const describeFor = (item: StaticItem) => () => {
    let description = cache.get(item);
    if (!description) {
      description = { appid, classid: item.classid, instanceid: item.instanceid, ...item.body };
      cache.set(item, description);
    }
    return description;
  };
  const describers = new Map(items.map((item) => [item, describeFor(item)]));
  return ({ rng }) => {
    let roll = rng() * total;
    let chosen = items[items.length - 1] as StaticItem;
    for (const item of items) {
      roll -= item.weight;
      if (roll < 0) {
        chosen = item;
        break;
      }
    }
    return {
      classid: chosen.classid,
      instanceid: chosen.instanceid,
      amount: String(chosen.amount ? chosen.amount(rng) : 1),
      describe: describers.get(chosen) as () => RawDescription,
    };
  };
}

/** A tag in Steam's shape (`color` only when the category carries one). */
export function tag(
  category: string,
  internalName: string,
  localizedCategory: string,
  localizedName: string,
  color?: string,
): RawTag {
  const result: RawTag = {
    category,
    internal_name: internalName,
    localized_category_name: localizedCategory,
    localized_tag_name: localizedName,
  };
  if (color !== undefined) result.color = color;
  return result;
}

export type DescriptionLine = NonNullable<RawDescription['descriptions']>[number];

export function html(value: string, color?: string, name?: string): DescriptionLine {
  const line: DescriptionLine = { type: 'html', value };
  if (color !== undefined) line.color = color;
  if (name !== undefined) line.name = name;
  return line;
}
