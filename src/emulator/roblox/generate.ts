/**
 * @module emulator/roblox/generate
 * Deterministic inventories of any size: the same user id always yields the same items, in
 * Roblox's grouping (assets, then badges, game passes, private servers). Shapes follow seed
 * 002: ids are strings, `addTime` is missing on passes, collectibles carry `itemId`,
 * `instanceId`, `instanceState` and `serialNumber`, and `path` ends in the base64 of
 * `USER_ASSET_ID=<instance>` (as in Roblox's own ownership example).
 */
import type { RobloxUserScenario } from './scenario.js';

export type EmulatedKind = 'asset' | 'badge' | 'gamePass' | 'privateServer' | 'other';

export interface EmulatedItem {
  kind: EmulatedKind;
  /** The asset/badge/pass/server id, for ID filters. */
  id: string;
  assetType: string | undefined;
  collectible: boolean;
  raw: Record<string, unknown>;
}

const PLAIN_TYPES = [
  'HAT',
  'CLASSIC_TSHIRT',
  'CLASSIC_SHIRT',
  'CLASSIC_PANTS',
  'FACE',
  'HAIR_ACCESSORY',
  'EMOTE_ANIMATION',
  'DECAL',
  'MODEL',
  'AUDIO',
  'SHIRT_ACCESSORY',
  'DYNAMIC_HEAD',
];
const COLLECTIBLE_TYPES = ['HAT', 'FACE', 'HAIR_ACCESSORY', 'NECK_ACCESSORY', 'GEAR', 'BACK_ACCESSORY'];
const STATES = ['AVAILABLE', 'AVAILABLE', 'HOLD', 'AVAILABLE', 'COLLECTIBLE_ITEM_INSTANCE_STATE_UNSPECIFIED'];

export function generateInventory(userId: string, spec: RobloxUserScenario): EmulatedItem[] {
  const random = mulberry32(hash(userId));
  const items: EmulatedItem[] = [];
  const day = 86_400_000;
  let clock = Date.UTC(2024, 0, 1);
  const addTime = () =>
    new Date((clock -= Math.floor(random() * day))).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const path = (key: string) => `users/${userId}/inventory-items/${Buffer.from(key).toString('base64url')}`;
  let instance = 100_000_000_000 + Math.floor(random() * 1e9);

  const asset = (assetId: string, type: string, collectibleDetails?: Record<string, unknown>) => {
    const instanceId = String(instance++);
    items.push({
      kind: 'asset',
      id: assetId,
      assetType: type,
      collectible: collectibleDetails !== undefined,
      raw: {
        path: path(`USER_ASSET_ID=${instanceId}`),
        assetDetails: {
          assetId,
          inventoryItemAssetType: type,
          instanceId,
          ...(collectibleDetails ? { collectibleDetails } : {}),
        },
        addTime: addTime(),
      },
    });
  };

  for (let i = 0; i < (spec.assets ?? 0); i++) {
    asset(String(1_000_000_000 + i * 13 + (hash(userId) % 7)), PLAIN_TYPES[i % PLAIN_TYPES.length]!);
  }
  let previous = { assetId: '', type: '', itemId: '' };
  for (let i = 0; i < (spec.collectibles ?? 0); i++) {
    // Every fourth collectible is another copy of the one before: one asset id, two instances.
    const copy = i % 4 === 3 && previous.assetId !== '';
    const current = copy
      ? previous
      : {
          assetId: String(20_000_000 + i * 101),
          type: COLLECTIBLE_TYPES[i % COLLECTIBLE_TYPES.length]!,
          // The collectible item id names the item; each copy has its own instance id.
          itemId: uuid(random),
        };
    asset(current.assetId, current.type, {
      itemId: current.itemId,
      instanceId: uuid(random),
      instanceState: STATES[i % STATES.length],
      serialNumber: 1 + Math.floor(random() * 5000),
    });
    previous = current;
  }
  for (let i = 0; i < (spec.purchasedPlaces ?? 0); i++) asset(String(3_000_000_000 + i), 'PURCHASED_PLACE');
  for (let i = 0; i < (spec.badges ?? 0); i++) {
    const id = String(2_124_000_000 + i * 3);
    items.push(
      entry('badge', id, { path: path(`BADGE_ID=${id}`), badgeDetails: { badgeId: id }, addTime: addTime() }),
    );
  }
  for (let i = 0; i < (spec.gamePasses ?? 0); i++) {
    const id = String(12_527 + i);
    items.push(
      entry('gamePass', id, { path: path(`GAME_PASS_ID=${id}`), gamePassDetails: { gamePassId: id } }),
    );
  }
  for (let i = 0; i < (spec.privateServers ?? 0); i++) {
    const id = String(900_000 + i);
    const raw = { path: path(`PRIVATE_SERVER_ID=${id}`), privateServerDetails: { privateServerId: id } };
    items.push(entry('privateServer', id, { ...raw, addTime: addTime() }));
  }
  for (const raw of spec.extraItems ?? []) items.push(describeRaw(raw));
  return items;
}

function entry(kind: EmulatedKind, id: string, raw: Record<string, unknown>): EmulatedItem {
  return { kind, id, assetType: undefined, collectible: false, raw };
}

/** Classifies a verbatim scenario item so filters treat it like a generated one. */
function describeRaw(raw: Record<string, unknown>): EmulatedItem {
  const details = (name: string) => raw[name] as Record<string, unknown> | undefined;
  const asset = details('assetDetails');
  if (asset) {
    return {
      kind: 'asset',
      id: String(asset.assetId),
      assetType: typeof asset.inventoryItemAssetType === 'string' ? asset.inventoryItemAssetType : undefined,
      collectible: asset.collectibleDetails !== undefined,
      raw,
    };
  }
  if (details('badgeDetails')) return entry('badge', String(details('badgeDetails')!.badgeId), raw);
  if (details('gamePassDetails'))
    return entry('gamePass', String(details('gamePassDetails')!.gamePassId), raw);
  if (details('privateServerDetails')) {
    return entry('privateServer', String(details('privateServerDetails')!.privateServerId), raw);
  }
  return entry('other', '', raw);
}

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
