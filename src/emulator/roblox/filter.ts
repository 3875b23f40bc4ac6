/**
 * @module emulator/roblox/filter
 * The emulator's own reading of the `filter` parameter, written apart from the client's builder
 * so the two can disagree (and tests catch it). Rules from Roblox's docs (Patterns > Filtering)
 * and UPSTREAM.md: `;` between fields, `,` between values; type fields and ID fields never in
 * one filter; `onlyCollectibles` returns items only next to `inventoryItemAssetTypes`; private
 * servers, private server ids and PURCHASED_PLACE need Inventory read permission.
 */
import type { EmulatedItem } from './generate.js';

export const ASSET_TYPES = new Set(
  (
    'CLASSIC_TSHIRT AUDIO HAT MODEL CLASSIC_SHIRT CLASSIC_PANTS DECAL CLASSIC_HEAD FACE GEAR ANIMATION TORSO ' +
    'RIGHT_ARM LEFT_ARM LEFT_LEG RIGHT_LEG PACKAGE PLUGIN MESH_PART HAIR_ACCESSORY FACE_ACCESSORY NECK_ACCESSORY ' +
    'SHOULDER_ACCESSORY FRONT_ACCESSORY BACK_ACCESSORY WAIST_ACCESSORY CLIMB_ANIMATION DEATH_ANIMATION ' +
    'FALL_ANIMATION IDLE_ANIMATION JUMP_ANIMATION RUN_ANIMATION SWIM_ANIMATION WALK_ANIMATION POSE_ANIMATION ' +
    'EMOTE_ANIMATION VIDEO TSHIRT_ACCESSORY SHIRT_ACCESSORY PANTS_ACCESSORY JACKET_ACCESSORY SWEATER_ACCESSORY ' +
    'SHORTS_ACCESSORY LEFT_SHOE_ACCESSORY RIGHT_SHOE_ACCESSORY DRESS_SKIRT_ACCESSORY EYEBROW_ACCESSORY ' +
    'EYELASH_ACCESSORY MOOD_ANIMATION DYNAMIC_HEAD CREATED_PLACE PURCHASED_PLACE'
  ).split(' '),
);

const TYPE_FIELDS = new Set([
  'inventoryItemAssetTypes',
  'onlyCollectibles',
  'badges',
  'gamePasses',
  'privateServers',
]);
const ID_FIELDS = new Set(['assetIds', 'badgeIds', 'gamePassIds', 'privateServerIds']);

export interface ParsedFilter {
  /** No filter: the entire inventory the caller may see. */
  all: boolean;
  assetTypes: Set<string> | '*' | undefined;
  onlyCollectibles: boolean;
  badges: boolean;
  gamePasses: boolean;
  privateServers: boolean;
  ids: Record<'asset' | 'badge' | 'gamePass' | 'privateServer', Set<string> | undefined>;
  /** Asks for something that needs Inventory read permission. */
  needsInventoryRead: boolean;
}

export class FilterError extends Error {}

export function parseFilter(raw: string | null): ParsedFilter {
  const parsed: ParsedFilter = {
    all: !raw,
    assetTypes: undefined,
    onlyCollectibles: false,
    badges: false,
    gamePasses: false,
    privateServers: false,
    ids: { asset: undefined, badge: undefined, gamePass: undefined, privateServer: undefined },
    needsInventoryRead: false,
  };
  if (!raw) return parsed;
  const seen = new Set<string>();
  for (const segment of raw.split(';')) {
    if (segment.trim() === '') continue;
    const [name = '', value = '', ...rest] = segment.split('=').map((s) => s.trim());
    if (rest.length > 0 || value === '') throw new FilterError(`"${segment}" is not field=value.`);
    if (!TYPE_FIELDS.has(name) && !ID_FIELDS.has(name))
      throw new FilterError(`Unknown filter field "${name}".`);
    if (seen.has(name)) throw new FilterError(`Filter field "${name}" is given more than once.`);
    seen.add(name);
    readField(parsed, name, value);
  }
  const types = [...seen].filter((f) => TYPE_FIELDS.has(f));
  const ids = [...seen].filter((f) => ID_FIELDS.has(f));
  if (types.length > 0 && ids.length > 0)
    throw new FilterError('Type fields and ID fields cannot be combined.');
  return parsed;
}

function readField(parsed: ParsedFilter, name: string, value: string): void {
  const values = value.split(',').map((v) => v.trim());
  if (values.some((v) => v === '')) throw new FilterError(`Filter field "${name}" has an empty value.`);
  switch (name) {
    case 'onlyCollectibles':
    case 'badges':
    case 'gamePasses':
    case 'privateServers': {
      if (value !== 'true' && value !== 'false') throw new FilterError(`"${name}" must be true or false.`);
      parsed[name] = value === 'true';
      if (name === 'privateServers' && value === 'true') parsed.needsInventoryRead = true;
      return;
    }
    case 'inventoryItemAssetTypes': {
      if (values.includes('*')) {
        if (values.length > 1) throw new FilterError('"*" cannot be combined with other asset types.');
        parsed.assetTypes = '*';
        return;
      }
      for (const type of values)
        if (!ASSET_TYPES.has(type)) throw new FilterError(`Unknown asset type "${type}".`);
      parsed.assetTypes = new Set(values);
      if (parsed.assetTypes.has('PURCHASED_PLACE')) parsed.needsInventoryRead = true;
      return;
    }
    default: {
      for (const id of values)
        if (!/^\d+$/.test(id)) throw new FilterError(`"${id}" in "${name}" is not a numeric id.`);
      const kind = name.replace(/Ids$/, '') as keyof ParsedFilter['ids'];
      parsed.ids[kind] = new Set(values);
      if (kind === 'privateServer') parsed.needsInventoryRead = true;
    }
  }
}

/** Whether an item is in the filter's result for a caller with or without Inventory read. */
export function matches(filter: ParsedFilter, item: EmulatedItem, canReadPrivate: boolean): boolean {
  const restricted = item.kind === 'privateServer' || item.assetType === 'PURCHASED_PLACE';
  if (restricted && !canReadPrivate) return false;
  if (filter.all) return true;
  const idFilter = Object.values(filter.ids).some((set) => set !== undefined);
  if (idFilter) {
    if (item.kind === 'other') return false;
    return filter.ids[item.kind]?.has(item.id) ?? false;
  }
  // Roblox docs: onlyCollectibles "must be used with the inventoryItemAssetTypes field in
  // order to return items" and includes *only* collectibles in the response.
  if (filter.onlyCollectibles && (filter.assetTypes === undefined || !item.collectible)) return false;
  switch (item.kind) {
    case 'asset':
      if (filter.assetTypes === undefined) return false;
      return filter.assetTypes === '*' || filter.assetTypes.has(item.assetType ?? '');
    case 'badge':
      return filter.badges;
    case 'gamePass':
      return filter.gamePasses;
    case 'privateServer':
      return filter.privateServers;
    default:
      return false;
  }
}
