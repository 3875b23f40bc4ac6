/**
 * @module steam/community/inventory/types
 * Steam's own JSON for `GET /inventory/{steamid64}/{appid}/{contextid}`, as it arrives, and
 * gamestash's normalized item model. Raw types keep Steam's loose typing (numbers that may
 * be strings, fields that may be missing) and allow unknown fields through.
 */

export interface RawAsset {
  appid: number;
  contextid: string;
  assetid: string;
  classid: string;
  instanceid?: string;
  amount: string;
  [field: string]: unknown;
}

export interface RawTag {
  category: string;
  internal_name: string;
  localized_category_name?: string;
  localized_tag_name?: string;
  color?: string;
  [field: string]: unknown;
}

export interface RawAction {
  link: string;
  name: string;
}

export interface RawDescription {
  appid: number;
  classid: string;
  instanceid?: string;
  currency?: number;
  background_color?: string;
  icon_url?: string;
  icon_url_large?: string;
  descriptions?: { type?: string; value: string; color?: string; name?: string }[];
  tradable?: number;
  marketable?: number;
  commodity?: number;
  actions?: RawAction[];
  market_actions?: RawAction[];
  name?: string;
  name_color?: string;
  type?: string;
  market_name?: string;
  market_hash_name?: string;
  market_tradable_restriction?: number;
  market_marketable_restriction?: number;
  owner_descriptions?: { type?: string; value: string; color?: string }[];
  fraudwarnings?: string[];
  tags?: RawTag[];
  sealed?: number;
  [field: string]: unknown;
}

export interface RawAssetProperty {
  propertyid: number | string;
  float_value?: number | string;
  int_value?: number | string;
  string_value?: string;
  name?: string;
  [field: string]: unknown;
}

/** CS2 per-asset properties (since ~2025-09; node-steamcommunity PR #365). */
export interface RawAssetProperties {
  appid: number;
  contextid: string;
  assetid: string;
  asset_properties: RawAssetProperty[];
  [field: string]: unknown;
}

export interface RawInventoryPage {
  assets?: RawAsset[];
  descriptions?: RawDescription[];
  asset_properties?: RawAssetProperties[];
  currency?: unknown[];
  more_items?: number;
  last_assetid?: string;
  total_inventory_count?: number;
  success: number | boolean;
  rwgrsn?: number;
  error?: string;
  Error?: string;
  [field: string]: unknown;
}

/** Steam's merged shape: every page's assets, the union of descriptions and properties. */
export interface RawInventory extends RawInventoryPage {
  assets: RawAsset[];
  descriptions: RawDescription[];
  total_inventory_count: number;
  success: 1;
}

/** Known CS2 asset property ids (UPSTREAM.md); unknown ids are kept as they come. */
export const AssetPropertyId = {
  PatternTemplate: 1,
  WearRating: 2,
  ItemCertificate: 6,
} as const;

export interface ItemProperty {
  id: number;
  name: string | undefined;
  value: number | string;
}

export interface InventoryItem {
  appid: number;
  contextid: string;
  assetid: string;
  classid: string;
  instanceid: string;
  amount: number;
  name: string;
  marketHashName: string;
  marketName: string;
  type: string;
  tradable: boolean;
  marketable: boolean;
  commodity: boolean;
  /** Days the item stays untradable after a market purchase, when Steam says so. */
  marketTradableRestriction: number | undefined;
  iconUrl: string | undefined;
  iconUrlLarge: string | undefined;
  nameColor: string | undefined;
  backgroundColor: string | undefined;
  rarity: string | undefined;
  rarityColor: string | undefined;
  exterior: string | undefined;
  quality: string | undefined;
  category: string | undefined;
  /** Every tag, by category. */
  tags: Record<string, string>;
  /** The inspect link with owner and asset id (or certificate) filled in. */
  inspectLink: string | undefined;
  /** CS2 wear rating (float), from asset property 2. */
  float: number | undefined;
  /** CS2 pattern template (paint seed), from asset property 1. */
  paintSeed: number | undefined;
  /** CS2 item certificate, from asset property 6. */
  certificate: string | undefined;
  properties: ItemProperty[];
  /** True for entries from Steam's `currency` array. */
  isCurrency: boolean;
  fraudWarnings: string[];
  /** CS2: the stickers (or patches) applied, by name in slot order, as the description lists them. */
  stickerNames?: string[] | undefined;
  /** CS2: the charms attached, by name, as the description lists them. */
  charmNames?: string[] | undefined;
}

export interface InventorySummaryLine {
  marketHashName: string;
  name: string;
  type: string;
  quantity: number;
  tradable: number;
}
