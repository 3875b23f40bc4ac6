/**
 * @module steam/community/inventory/normalize
 * Joins assets to descriptions (classid + instanceid, a missing instanceid being "0") and
 * to CS2 asset_properties (by assetid), converting Steam's 0/1 flags and string numbers.
 */
import { descriptionKey } from './merge.js';
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
  const descriptions = new Map<string, RawDescription>();
  for (const d of page.descriptions ?? []) descriptions.set(descriptionKey(d.classid, d.instanceid), d);
  const properties = indexProperties(page.asset_properties);
  for (const asset of page.assets ?? []) {
    yield normalizeAsset(asset, descriptions.get(descriptionKey(asset.classid, asset.instanceid)), {
      owner: ownerSteamId64,
      properties: properties.get(asset.assetid) ?? [],
      isCurrency: false,
    });
  }
  for (const entry of page.currency ?? []) {
    const asset = currencyAsAsset(entry);
    if (asset) {
      yield normalizeAsset(asset, descriptions.get(descriptionKey(asset.classid, asset.instanceid)), {
        owner: ownerSteamId64,
        properties: [],
        isCurrency: true,
      });
    }
  }
}

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

interface NormalizeContext {
  owner: string;
  properties: ItemProperty[];
  isCurrency: boolean;
}

export function normalizeAsset(
  asset: RawAsset,
  d: RawDescription | undefined,
  ctx: NormalizeContext,
): InventoryItem {
  const tags: Record<string, string> = {};
  let rarityColor: string | undefined;
  for (const tag of d?.tags ?? []) {
    tags[tag.category] = tag.localized_tag_name ?? tag.internal_name;
    if (tag.category === 'Rarity' && tag.color) rarityColor = tag.color;
  }
  const prop = (id: number) => ctx.properties.find((p) => p.id === id)?.value;
  const float = prop(AssetPropertyId.WearRating);
  const seed = prop(AssetPropertyId.PatternTemplate);
  const certificate = prop(AssetPropertyId.ItemCertificate);
  return {
    appid: Number(asset.appid),
    contextid: String(asset.contextid),
    assetid: String(asset.assetid),
    classid: String(asset.classid),
    instanceid: String(asset.instanceid || '0'),
    amount: Number(asset.amount ?? 1),
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
    rarity: tags.Rarity,
    rarityColor,
    exterior: tags.Exterior,
    quality: tags.Quality,
    category: tags.Type,
    tags,
    inspectLink: inspectLink(d, asset.assetid, ctx),
    float: typeof float === 'number' && Number.isFinite(float) ? float : undefined,
    paintSeed: typeof seed === 'number' && Number.isFinite(seed) ? seed : undefined,
    certificate: typeof certificate === 'string' && certificate ? certificate : undefined,
    properties: ctx.properties,
    isCurrency: ctx.isCurrency,
    fraudWarnings: d?.fraudwarnings ?? [],
  };
}

/**
 * Fills both inspect templates (UPSTREAM.md): the older
 * `...preview%20S%owner_steamid%A%assetid%D<digits>` and the newer self-encoding
 * `...preview%20%propid:6%`, where `%propid:N%` is that asset's property N.
 */
export function inspectLink(
  d: RawDescription | undefined,
  assetid: string,
  ctx: NormalizeContext,
): string | undefined {
  const template = d?.actions?.find((a) => a.link.includes('csgo_econ_action_preview'))?.link;
  if (!template) return undefined;
  let missing = false;
  const link = template
    .replace(/%owner_steamid%/g, ctx.owner)
    .replace(/%assetid%/g, assetid)
    .replace(/%propid:(\d+)%/g, (_, id: string) => {
      const value = ctx.properties.find((p) => p.id === Number(id))?.value;
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
