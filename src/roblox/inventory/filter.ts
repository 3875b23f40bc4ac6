/**
 * @module roblox/inventory/filter
 * The `filter` parameter of List Inventory Items, built so an invalid one cannot be sent.
 * `RobloxInventoryFilter.types()` and `RobloxInventoryFilter.ids()` are separate constructors because
 * Roblox refuses type fields and ID fields in one filter (UPSTREAM.md); `onlyCollectibles`
 * only exists next to `assetTypes` in the spec type. Raw strings go through `parse()`,
 * which applies the same rules at run time and says which one was broken.
 */
import { InvalidInputError } from '../../core/errors.js';
import { ROBLOX_ASSET_TYPES, type RobloxAssetType } from './types.js';

/** An id as callers hold it; sent as its decimal string. */
export type RobloxNumericId = string | number | bigint;

/** `'*'` for every asset type, or a non-empty list. */
export type RobloxAssetTypeSelection = '*' | readonly [RobloxAssetType, ...RobloxAssetType[]];

interface KindFlags {
  badges?: boolean;
  gamePasses?: boolean;
  /** Needs Inventory read permission for the target user. */
  privateServers?: boolean;
}

export type RobloxTypeFilterSpec = KindFlags &
  (
    | { assetTypes: RobloxAssetTypeSelection; onlyCollectibles?: boolean }
    | { assetTypes?: undefined; onlyCollectibles?: never }
  );

export interface RobloxIdFilterSpec {
  assetIds?: readonly RobloxNumericId[];
  badgeIds?: readonly RobloxNumericId[];
  gamePassIds?: readonly RobloxNumericId[];
  /** Needs Inventory read permission for the target user. */
  privateServerIds?: readonly RobloxNumericId[];
}

const TYPE_FIELDS = [
  'inventoryItemAssetTypes',
  'onlyCollectibles',
  'badges',
  'gamePasses',
  'privateServers',
] as const;
const ID_FIELDS = ['assetIds', 'badgeIds', 'gamePassIds', 'privateServerIds'] as const;
type TypeField = (typeof TYPE_FIELDS)[number];
export type RobloxIdField = (typeof ID_FIELDS)[number];
type Field = TypeField | RobloxIdField;
const BOOLEAN_FIELDS = new Set<Field>(['onlyCollectibles', 'badges', 'gamePasses', 'privateServers']);
const KNOWN_TYPES = new Set<string>(ROBLOX_ASSET_TYPES);

export class RobloxInventoryFilter {
  /** Field values as sent, in a fixed order so equal filters print equally. */
  private constructor(private readonly fields: ReadonlyMap<Field, string>) {}

  /** No filter: the whole inventory the caller may see. */
  static all(): RobloxInventoryFilter {
    return new RobloxInventoryFilter(new Map());
  }

  static types(spec: RobloxTypeFilterSpec): RobloxInventoryFilter {
    const fields = new Map<Field, string>();
    if (spec.assetTypes !== undefined)
      fields.set('inventoryItemAssetTypes', assetTypesValue(spec.assetTypes));
    else if (spec.onlyCollectibles) throw onlyCollectiblesAlone();
    if (spec.onlyCollectibles) fields.set('onlyCollectibles', 'true');
    for (const flag of ['badges', 'gamePasses', 'privateServers'] as const)
      if (spec[flag]) fields.set(flag, 'true');
    if (!fields.has('inventoryItemAssetTypes') && fields.size === 0) {
      throw new InvalidInputError(
        'the filter selects nothing: give assetTypes ("*" for all), badges, gamePasses or privateServers',
        'filter',
      );
    }
    return new RobloxInventoryFilter(fields);
  }

  static ids(spec: RobloxIdFilterSpec): RobloxInventoryFilter {
    const fields = new Map<Field, string>();
    for (const field of ID_FIELDS) {
      const ids = spec[field];
      if (ids === undefined) continue;
      if (ids.length === 0) throw new InvalidInputError(`${field} is empty: give at least one id`, 'filter');
      fields.set(field, [...new Set(ids.map((id) => numericId(id, field)))].join(','));
    }
    if (fields.size === 0) {
      throw new InvalidInputError(
        'give at least one of assetIds, badgeIds, gamePassIds, privateServerIds',
        'filter',
      );
    }
    return new RobloxInventoryFilter(fields);
  }

  /** Every collectible (limited) of the given asset types. */
  static collectibles(assetTypes: RobloxAssetTypeSelection = '*'): RobloxInventoryFilter {
    return RobloxInventoryFilter.types({ assetTypes, onlyCollectibles: true });
  }

  /** Validates a raw `field=value;field=a,b` string with the same rules as the builders. */
  static parse(raw: string): RobloxInventoryFilter {
    const fields = new Map<Field, string>();
    for (const segment of raw.split(';').map((s) => s.trim())) {
      if (!segment) continue;
      const eq = segment.indexOf('=');
      if (eq <= 0) throw new InvalidInputError(`filter part "${segment}" is not field=value`, 'filter');
      const name = segment.slice(0, eq).trim();
      const value = segment.slice(eq + 1).trim();
      if (!isField(name)) {
        throw new InvalidInputError(
          `unknown filter field "${name}": use one of ${[...TYPE_FIELDS, ...ID_FIELDS].join(', ')}`,
          'filter',
        );
      }
      if (fields.has(name)) throw new InvalidInputError(`filter field "${name}" appears twice`, 'filter');
      fields.set(name, parseValue(name, value));
    }
    const types = [...fields.keys()].filter((f) => (TYPE_FIELDS as readonly string[]).includes(f));
    const ids = [...fields.keys()].filter((f) => (ID_FIELDS as readonly string[]).includes(f));
    if (types.length > 0 && ids.length > 0) {
      throw new InvalidInputError(
        `type fields (${types.join(', ')}) and ID fields (${ids.join(', ')}) cannot be combined in one filter; ` +
          'Roblox rejects the mix, so make one request for each',
        'filter',
      );
    }
    if (fields.get('onlyCollectibles') === 'true' && !fields.has('inventoryItemAssetTypes')) {
      throw onlyCollectiblesAlone();
    }
    // `false` is the default for every boolean field: dropping it keeps one spelling per filter.
    for (const [name, value] of fields) if (value === 'false') fields.delete(name);
    return new RobloxInventoryFilter(sorted(fields));
  }

  get mode(): 'all' | 'types' | 'ids' {
    if (this.fields.size === 0) return 'all';
    return [...this.fields.keys()].some((f) => (ID_FIELDS as readonly string[]).includes(f))
      ? 'ids'
      : 'types';
  }

  /** True when Roblox requires Inventory read permission on the target user for this filter. */
  get needsInventoryRead(): boolean {
    const types = this.fields.get('inventoryItemAssetTypes')?.split(',') ?? [];
    return (
      this.fields.has('privateServers') ||
      this.fields.has('privateServerIds') ||
      types.includes('PURCHASED_PLACE')
    );
  }

  /** The ids listed for one ID field (empty when absent). */
  idsOf(field: RobloxIdField): string[] {
    return this.fields.get(field)?.split(',') ?? [];
  }

  toString(): string {
    return [...sorted(new Map(this.fields))].map(([name, value]) => `${name}=${value}`).join(';');
  }

  toJSON(): string {
    return this.toString();
  }
}

function isField(name: string): name is Field {
  return (TYPE_FIELDS as readonly string[]).includes(name) || (ID_FIELDS as readonly string[]).includes(name);
}

function parseValue(name: Field, value: string): string {
  if (BOOLEAN_FIELDS.has(name)) {
    const lower = value.toLowerCase();
    if (lower !== 'true' && lower !== 'false') {
      throw new InvalidInputError(`filter field ${name} must be true or false, got "${value}"`, 'filter');
    }
    return lower;
  }
  const parts = value.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '')) {
    throw new InvalidInputError(`filter field ${name} has an empty value in "${value}"`, 'filter');
  }
  if (name === 'inventoryItemAssetTypes') {
    if (parts.includes('*') && parts.length > 1) {
      throw new InvalidInputError(
        'inventoryItemAssetTypes: "*" already means every type; list types or "*"',
        'filter',
      );
    }
    return parts[0] === '*' ? '*' : assetTypesValue(parts as unknown as RobloxAssetTypeSelection);
  }
  return [...new Set(parts.map((p) => numericId(p, name)))].join(',');
}

function assetTypesValue(selection: RobloxAssetTypeSelection): string {
  if (selection === '*') return '*';
  if (!Array.isArray(selection) || selection.length === 0) {
    throw new InvalidInputError('assetTypes is empty: list asset types or use "*" for all', 'filter');
  }
  for (const type of selection as readonly string[]) {
    if (!KNOWN_TYPES.has(type)) {
      throw new InvalidInputError(
        `unknown asset type "${type}": use Roblox's names such as HAT, FACE, CLASSIC_TSHIRT, EMOTE_ANIMATION (or "*")`,
        'filter',
      );
    }
  }
  return [...new Set(selection)].join(',');
}

/** A positive whole number, as its decimal string. */
export function numericId(id: RobloxNumericId, what: string): string {
  const text = typeof id === 'string' ? id.trim() : String(id);
  const ok =
    typeof id === 'number'
      ? Number.isSafeInteger(id) && id > 0
      : /^\d{1,20}$/.test(text) && BigInt(text) > 0n;
  if (!ok) throw new InvalidInputError(`${what}: "${String(id)}" is not a numeric Roblox id`, what);
  return BigInt(text).toString();
}

function onlyCollectiblesAlone(): InvalidInputError {
  // Roblox docs (Patterns > Filtering): onlyCollectibles "must be used with the
  // inventoryItemAssetTypes field in order to return items" — alone it silently returns nothing.
  return new InvalidInputError(
    'onlyCollectibles needs inventoryItemAssetTypes (e.g. "onlyCollectibles=true;inventoryItemAssetTypes=*"); alone, Roblox returns no items',
    'filter',
  );
}

function sorted(fields: Map<Field, string>): Map<Field, string> {
  const order: readonly Field[] = [...TYPE_FIELDS, ...ID_FIELDS];
  return new Map([...fields].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
}
