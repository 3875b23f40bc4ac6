/**
 * @module steam/community/inventory/normalize
 * Joins assets to descriptions (classid + instanceid, a missing instanceid being "0") and
 * to CS2 asset_properties (by assetid), converting Steam's 0/1 flags and string numbers.
 */
import {
  AssetPropertyId,
  type InventoryItem,
  type ItemProperty,
  type RawAsset,
  type RawAssetProperties,
  type RawDescription,
  type RawInventoryPage,
} from './types.js';

/** Steam's image CDN; `icon_url` is a path fragment below it. */
export const STEAM_ECONOMY_IMAGE_BASE = 'https://community.fastly.steamstatic.com/economy/image/';

export function* normalizePage(page: RawInventoryPage, ownerSteamId64: string): Generator<InventoryItem> {
  // Many assets share one description: derive its fields once per page, not once per asset
  // (classid, then instanceid: no key string per asset on 50,000-item inventories).
  const byClass = new Map<string, Map<string, RawDescription>>();
  for (const d of page.descriptions ?? []) {
    let byInstance = byClass.get(d.classid);
    if (!byInstance) byClass.set(d.classid, (byInstance = new Map()));
    if (!byInstance.has(d.instanceid || '0')) byInstance.set(d.instanceid || '0', d);
  }
  const described = new Map<RawDescription | undefined, DescribedFields>();
  const fieldsOf = (asset: RawAsset) => {
    const d = byClass.get(asset.classid)?.get(asset.instanceid || '0');
    let fields = described.get(d);
    if (!fields) described.set(d, (fields = describe(d, ownerSteamId64)));
    return fields;
  };
  const properties = indexProperties(page.asset_properties);
  for (const asset of page.assets ?? []) {
    yield buildItem(asset, fieldsOf(asset), properties.get(asset.assetid) ?? NO_PROPERTIES, false);
  }
  for (const entry of page.currency ?? []) {
    const asset = currencyAsAsset(entry);
    if (asset) yield buildItem(asset, fieldsOf(asset), NO_PROPERTIES, true);
  }
}

const NO_PROPERTIES: ItemProperty[] = [];

export function indexProperties(list: RawAssetProperties[] | undefined): Map<string, ItemProperty[]> {
  const out = new Map<string, ItemProperty[]>();
  for (const entry of list ?? []) {
    out.set(
      String(entry.assetid),
      (entry.asset_properties ?? []).map((p) => ({
        id: Number(p.propertyid),
        name: p.name,
        value: propertyValue(p),
      })),
    );
  }
  return out;
}

function propertyValue(p: RawAssetProperties['asset_properties'][number]): number | string {
  // Numbers may come as strings (UPSTREAM.md); certificates are long hex strings.
  if (p.float_value !== undefined) return Number(p.float_value);
  if (p.int_value !== undefined) return Number(p.int_value);
  return p.string_value ?? '';
}

export interface NormalizeContext {
  owner: string;
  properties: ItemProperty[];
  isCurrency: boolean;
}

/** The fields an item takes from its description alone (shared by every asset of it). */
type DescribedFields = Pick<
  InventoryItem,
  | 'name'
  | 'marketHashName'
  | 'marketName'
  | 'type'
  | 'tradable'
  | 'marketable'
  | 'commodity'
  | 'marketTradableRestriction'
  | 'iconUrl'
  | 'iconUrlLarge'
  | 'nameColor'
  | 'backgroundColor'
  | 'rarityColor'
  | 'tags'
  | 'fraudWarnings'
> & {
  /** The inspect link template with the owner already filled in. */
  inspectTemplate: string | undefined;
};

function describe(d: RawDescription | undefined, owner: string): DescribedFields {
  const tags: Record<string, string> = {};
  let rarityColor: string | undefined;
  for (const tag of d?.tags ?? []) {
    tags[tag.category] = tag.localized_tag_name ?? tag.internal_name;
    if (tag.category === 'Rarity' && tag.color) rarityColor = tag.color;
  }
  return {
    name: d?.name ?? d?.market_name ?? '',
    marketHashName: d?.market_hash_name ?? d?.market_name ?? d?.name ?? '',
    marketName: d?.market_name ?? d?.name ?? '',
    type: d?.type ?? '',
    tradable: flag(d?.tradable),
    marketable: flag(d?.marketable),
    commodity: flag(d?.commodity),
    marketTradableRestriction: d?.market_tradable_restriction,
    iconUrl: d?.icon_url ? STEAM_ECONOMY_IMAGE_BASE + d.icon_url : undefined,
    iconUrlLarge: d?.icon_url_large ? STEAM_ECONOMY_IMAGE_BASE + d.icon_url_large : undefined,
    nameColor: d?.name_color || undefined,
    backgroundColor: d?.background_color || undefined,
    rarityColor,
    tags,
    fraudWarnings: d?.fraudwarnings ?? [],
    inspectTemplate: d?.actions
      ?.find((a) => a.link.includes('csgo_econ_action_preview'))
      ?.link.replaceAll('%owner_steamid%', owner),
  };
}

/** One asset joined to its description (or to nothing, when Steam left it out). */
export function normalizeAsset(
  asset: RawAsset,
  d: RawDescription | undefined,
  ctx: NormalizeContext,
): InventoryItem {
  return buildItem(asset, describe(d, ctx.owner), ctx.properties, ctx.isCurrency);
}

function buildItem(
  asset: RawAsset,
  f: DescribedFields,
  properties: ItemProperty[],
  isCurrency: boolean,
): InventoryItem {
  let float: number | undefined;
  let paintSeed: number | undefined;
  let certificate: string | undefined;
  for (const p of properties) {
    if (p.id === AssetPropertyId.WearRating && typeof p.value === 'number' && Number.isFinite(p.value))
      float = p.value;
    else if (
      p.id === AssetPropertyId.PatternTemplate &&
      typeof p.value === 'number' &&
      Number.isFinite(p.value)
    ) {
      paintSeed = p.value;
    } else if (p.id === AssetPropertyId.ItemCertificate && typeof p.value === 'string' && p.value)
      certificate = p.value;
  }
  return {
    appid: Number(asset.appid),
    contextid: String(asset.contextid),
    assetid: String(asset.assetid),
    classid: String(asset.classid),
    instanceid: String(asset.instanceid || '0'),
    amount: Number(asset.amount ?? 1),
    name: f.name,
    marketHashName: f.marketHashName,
    marketName: f.marketName,
    type: f.type,
    tradable: f.tradable,
    marketable: f.marketable,
    commodity: f.commodity,
    marketTradableRestriction: f.marketTradableRestriction,
    iconUrl: f.iconUrl,
    iconUrlLarge: f.iconUrlLarge,
    nameColor: f.nameColor,
    backgroundColor: f.backgroundColor,
    rarity: f.tags.Rarity,
    rarityColor: f.rarityColor,
    exterior: f.tags.Exterior,
    quality: f.tags.Quality,
    category: f.tags.Type,
    tags: f.tags,
    inspectLink: f.inspectTemplate && fillInspectLink(f.inspectTemplate, asset.assetid, properties),
    float,
    paintSeed,
    certificate,
    properties,
    isCurrency,
    fraudWarnings: f.fraudWarnings,
  };
}

/**
 * Fills both inspect templates (UPSTREAM.md): the older
 * `...preview%20S%owner_steamid%A%assetid%D<digits>` and the newer self-encoding
 * `...preview%20%propid:6%`, where `%propid:N%` is that asset's property N. Undefined when
 * a property the template needs is missing (a half-filled link would not open).
 */
export function fillInspectLink(
  template: string,
  assetid: string,
  properties: ItemProperty[],
  owner?: string,
): string | undefined {
  let link = owner === undefined ? template : template.replaceAll('%owner_steamid%', owner);
  if (link.includes('%assetid%')) link = link.replaceAll('%assetid%', assetid);
  if (!link.includes('%propid:')) return link;
  let missing = false;
  link = link.replace(/%propid:(\d+)%/g, (_, id: string) => {
    const value = properties.find((p) => p.id === Number(id))?.value;
    if (value === undefined || value === '') missing = true;
    return String(value ?? '');
  });
  return missing ? undefined : link;
}

function flag(value: unknown): boolean {
  return value === 1 || value === true || value === '1';
}

function currencyAsAsset(entry: unknown): RawAsset | undefined {
  if (!entry || typeof entry !== 'object') return undefined;
  const c = entry as Record<string, unknown>;
  const id = c.id ?? c.currencyid ?? c.assetid;
  if (id === undefined || c.classid === undefined) return undefined;
  return {
    appid: Number(c.appid),
    contextid: String(c.contextid ?? '0'),
    assetid: String(id),
    classid: String(c.classid),
    instanceid: '0',
    amount: String(c.amount ?? '0'),
  };
}
