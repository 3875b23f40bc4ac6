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
  type RawAssetProperty,
  type RawDescription,
  type RawInventoryPage,
} from './types.js';
import { appliedNames } from './applied.js';

/** Steam's image CDN; `icon_url` is a path fragment below it. */
export const STEAM_ECONOMY_IMAGE_BASE = 'https://community.fastly.steamstatic.com/economy/image/';

/** Every item of a page, joined, as a generator ({@link normalizePageInto} fills an array). */
export function* normalizePage(page: RawInventoryPage, ownerSteamId64: string): Generator<InventoryItem> {
  yield* normalizePageInto(page, ownerSteamId64, []);
}

/**
 * Joins every asset (and currency entry) of a page and appends the items to `out`. Runs once
 * per page on every inventory read, so it avoids work per asset: fields derived from a
 * description are computed once per description and shared, the inspect template is split
 * once, and properties are read in one pass.
 */
export function normalizePageInto(
  page: RawInventoryPage,
  ownerSteamId64: string,
  out: InventoryItem[],
): InventoryItem[] {
  // classid, then instanceid: no key string per asset on 50,000-item inventories. Each
  // description's fields are derived on first use and shared by all its assets.
  const byClass = new Map<string, Map<string, { raw: RawDescription; fields?: DescribedFields }>>();
  for (const d of page.descriptions ?? []) {
    let byInstance = byClass.get(d.classid);
    if (!byInstance) byClass.set(d.classid, (byInstance = new Map()));
    if (!byInstance.has(d.instanceid || '0')) byInstance.set(d.instanceid || '0', { raw: d });
  }
  const templates = new Map<string, InspectTemplate>();
  let undescribed: DescribedFields | undefined;
  const fieldsOf = (asset: RawAsset) => {
    const entry = byClass.get(asset.classid)?.get(asset.instanceid || '0');
    if (!entry) return (undescribed ??= describe(undefined, ownerSteamId64, templates));
    return (entry.fields ??= describe(entry.raw, ownerSteamId64, templates));
  };
  const properties = new PropertyIndex(page.asset_properties);
  for (const asset of page.assets ?? []) {
    out.push(buildItem(asset, fieldsOf(asset), properties.of(asset.assetid), false));
  }
  for (const entry of page.currency ?? []) {
    const asset = currencyAsAsset(entry);
    if (asset) out.push(buildItem(asset, fieldsOf(asset), NO_PROPERTIES, true));
  }
  return out;
}

/** Shared by every asset without properties (frozen: a caller's push cannot leak into others). */
const NO_PROPERTIES = Object.freeze([]) as unknown as ItemProperty[];

/**
 * Properties by asset id. Steam lists `asset_properties` in the order of `assets`, so a
 * cursor finds most entries without hashing; an asset it does not match (one without
 * properties, or a page in another order) is looked up in a map built once per page.
 */
class PropertyIndex {
  private next = 0;
  private byAsset: Map<string, RawAssetProperties> | undefined;

  constructor(private readonly entries: RawAssetProperties[] = []) {}

  of(assetid: string): ItemProperty[] {
    const entry = this.find(assetid);
    return entry ? toItemProperties(entry.asset_properties ?? []) : NO_PROPERTIES;
  }

  private find(assetid: string): RawAssetProperties | undefined {
    const candidate = this.entries[this.next];
    if (candidate && String(candidate.assetid) === assetid) {
      this.next++;
      return candidate;
    }
    this.byAsset ??= new Map(this.entries.map((e) => [String(e.assetid), e]));
    return this.byAsset.get(assetid);
  }
}

function toItemProperties(raw: RawAssetProperty[]): ItemProperty[] {
  const list: ItemProperty[] = [];
  for (let i = 0; i < raw.length; i++) {
    const p = raw[i] as RawAssetProperty;
    const id = Number(p.propertyid);
    list.push({ id, name: propertyName(id, p.name), value: propertyValue(p) });
  }
  return list;
}

/** The known names as one shared string each, not a fresh copy per asset kept alive by every item. */
const KNOWN_PROPERTY_NAMES = new Map<number, string>([
  [AssetPropertyId.PatternTemplate, 'Pattern Template'],
  [AssetPropertyId.WearRating, 'Wear Rating'],
  [AssetPropertyId.ItemCertificate, 'Item Certificate'],
]);

function propertyName(id: number, name: string | undefined): string | undefined {
  const known = KNOWN_PROPERTY_NAMES.get(id);
  return known !== undefined && known === name ? known : name;
}

function propertyValue(p: RawAssetProperty): number | string {
  // Numbers may come as strings (UPSTREAM.md); certificates are long hex strings.
  if (p.float_value !== undefined) return Number(p.float_value);
  if (p.int_value !== undefined) return Number(p.int_value);
  return p.string_value ?? '';
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
  | 'rarity'
  | 'rarityColor'
  | 'exterior'
  | 'quality'
  | 'category'
  | 'tags'
  | 'fraudWarnings'
  | 'stickerNames'
  | 'charmNames'
> & {
  /** The inspect link template with the owner filled in, split at its per-asset parts. */
  inspect: InspectTemplate | undefined;
};

function describe(
  d: RawDescription | undefined,
  owner: string,
  templates: Map<string, InspectTemplate>,
): DescribedFields {
  const tags: Record<string, string> = {};
  let rarityColor: string | undefined;
  for (const tag of d?.tags ?? []) {
    tags[tag.category] = tag.localized_tag_name ?? tag.internal_name;
    if (tag.category === 'Rarity' && tag.color) rarityColor = tag.color;
  }
  const inspectLink = d?.actions?.find((a) => a.link.includes('csgo_econ_action_preview'))?.link;
  const applied = appliedNames(d);
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
    rarity: tags.Rarity,
    rarityColor,
    exterior: tags.Exterior,
    quality: tags.Quality,
    category: tags.Type,
    tags,
    fraudWarnings: d?.fraudwarnings ?? [],
    stickerNames: applied.stickers,
    charmNames: applied.charms,
    inspect: inspectLink === undefined ? undefined : compiledTemplate(inspectLink, owner, templates),
  };
}

/** One asset joined to its description (or to nothing, when Steam left it out). */
export function normalizeAsset(
  asset: RawAsset,
  d: RawDescription | undefined,
  ctx: { owner: string; properties: RawAssetProperty[]; isCurrency: boolean },
): InventoryItem {
  return buildItem(
    asset,
    describe(d, ctx.owner, new Map()),
    toItemProperties(ctx.properties),
    ctx.isCurrency,
  );
}

function buildItem(
  asset: RawAsset,
  f: DescribedFields,
  properties: ItemProperty[],
  isCurrency: boolean,
): InventoryItem {
  const assetid = String(asset.assetid);
  // The CS2 properties the model names, in one pass (UPSTREAM.md: 1 seed, 2 wear, 6 certificate).
  let float: number | undefined;
  let paintSeed: number | undefined;
  let certificate: string | undefined;
  for (let i = 0; i < properties.length; i++) {
    const { id, value } = properties[i] as ItemProperty;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) continue;
      if (id === AssetPropertyId.WearRating) float = value;
      else if (id === AssetPropertyId.PatternTemplate) paintSeed = value;
    } else if (id === AssetPropertyId.ItemCertificate && value) {
      certificate = value;
    }
  }
  return {
    appid: Number(asset.appid),
    contextid: String(asset.contextid),
    assetid,
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
    rarity: f.rarity,
    rarityColor: f.rarityColor,
    exterior: f.exterior,
    quality: f.quality,
    category: f.category,
    tags: f.tags,
    inspectLink: f.inspect && fillInspectTemplate(f.inspect, assetid, properties),
    float,
    paintSeed,
    certificate,
    properties,
    isCurrency,
    fraudWarnings: f.fraudWarnings,
    stickerNames: f.stickerNames,
    charmNames: f.charmNames,
  };
}

/**
 * An inspect link template split at its per-asset parts. Both forms (UPSTREAM.md): the
 * older `...preview%20S%owner_steamid%A%assetid%D<digits>` and the newer self-encoding
 * `...preview%20%propid:6%`, where `%propid:N%` is that asset's property N.
 */
type InspectTemplate = (string | { assetid: true } | { propid: number })[];

/** CS2 skins share one template: split it once per page, not once per description. */
function compiledTemplate(template: string, owner: string, cache: Map<string, InspectTemplate>) {
  let compiled = cache.get(template);
  if (!compiled) cache.set(template, (compiled = compileInspectTemplate(template, owner)));
  return compiled;
}

function compileInspectTemplate(template: string, owner: string): InspectTemplate {
  // The owner is known now: fold it into the text around it, so fewer pieces are joined per asset.
  const parts: InspectTemplate = [];
  const text = (piece: string) => {
    const last = parts.length - 1;
    if (typeof parts[last] === 'string') parts[last] += piece;
    else if (piece) parts.push(piece);
  };
  let from = 0;
  for (const match of template.matchAll(/%owner_steamid%|%assetid%|%propid:(\d+)%/g)) {
    text(template.slice(from, match.index));
    if (match[0] === '%owner_steamid%') text(owner);
    else if (match[0] === '%assetid%') parts.push({ assetid: true });
    else parts.push({ propid: Number(match[1]) });
    from = match.index + match[0].length;
  }
  text(template.slice(from));
  return parts;
}

/** Undefined when a property the template needs is missing (a half-filled link would not open). */
function fillInspectTemplate(
  template: InspectTemplate,
  assetid: string,
  properties: ItemProperty[],
): string | undefined {
  let link = '';
  for (let i = 0; i < template.length; i++) {
    const part = template[i] as InspectTemplate[number];
    if (typeof part === 'string') link += part;
    else if ('assetid' in part) link += assetid;
    else {
      const value = propertyById(properties, part.propid);
      if (value === undefined || value === '') return undefined;
      link += String(value);
    }
  }
  return link;
}

function propertyById(list: ItemProperty[], id: number): number | string | undefined {
  for (let i = 0; i < list.length; i++)
    if ((list[i] as ItemProperty).id === id) return (list[i] as ItemProperty).value;
  return undefined;
}

/** Fills an inspect link template for one asset (owner, asset id and properties). */
export function fillInspectLink(
  template: string,
  assetid: string,
  properties: ItemProperty[],
  owner: string,
): string | undefined {
  return fillInspectTemplate(compileInspectTemplate(template, owner), assetid, properties);
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
