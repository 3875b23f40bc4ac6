/**
 * @module roblox/inventory/types
 * Roblox's own JSON for `GET /cloud/v2/users/{user_id}/inventory-items`, as it arrives, and
 * gamestash's normalized item. Raw types stay loose on purpose: enums grow (UPSTREAM.md: "the
 * asset type enum has ~53 values and grows"), fields go missing (`addTime` on passes), and
 * unknown fields pass through untouched.
 */

/** The asset types Roblox documented when this was written; newer values are kept as strings. */
export const ROBLOX_ASSET_TYPES = [
  'CLASSIC_TSHIRT',
  'AUDIO',
  'HAT',
  'MODEL',
  'CLASSIC_SHIRT',
  'CLASSIC_PANTS',
  'DECAL',
  'CLASSIC_HEAD',
  'FACE',
  'GEAR',
  'ANIMATION',
  'TORSO',
  'RIGHT_ARM',
  'LEFT_ARM',
  'LEFT_LEG',
  'RIGHT_LEG',
  'PACKAGE',
  'PLUGIN',
  'MESH_PART',
  'HAIR_ACCESSORY',
  'FACE_ACCESSORY',
  'NECK_ACCESSORY',
  'SHOULDER_ACCESSORY',
  'FRONT_ACCESSORY',
  'BACK_ACCESSORY',
  'WAIST_ACCESSORY',
  'CLIMB_ANIMATION',
  'DEATH_ANIMATION',
  'FALL_ANIMATION',
  'IDLE_ANIMATION',
  'JUMP_ANIMATION',
  'RUN_ANIMATION',
  'SWIM_ANIMATION',
  'WALK_ANIMATION',
  'POSE_ANIMATION',
  'EMOTE_ANIMATION',
  'VIDEO',
  'TSHIRT_ACCESSORY',
  'SHIRT_ACCESSORY',
  'PANTS_ACCESSORY',
  'JACKET_ACCESSORY',
  'SWEATER_ACCESSORY',
  'SHORTS_ACCESSORY',
  'LEFT_SHOE_ACCESSORY',
  'RIGHT_SHOE_ACCESSORY',
  'DRESS_SKIRT_ACCESSORY',
  'EYEBROW_ACCESSORY',
  'EYELASH_ACCESSORY',
  'MOOD_ANIMATION',
  'DYNAMIC_HEAD',
  'CREATED_PLACE',
  'PURCHASED_PLACE',
] as const;

export type RobloxAssetType = (typeof ROBLOX_ASSET_TYPES)[number];

/** Known collectible instance states; Roblox may add more, so raw values stay strings. */
export const ROBLOX_INSTANCE_STATES = [
  'COLLECTIBLE_ITEM_INSTANCE_STATE_UNSPECIFIED',
  'AVAILABLE',
  'HOLD',
] as const;

export interface RawRobloxCollectibleDetails {
  itemId?: string;
  instanceId?: string;
  instanceState?: string;
  serialNumber?: number;
  [field: string]: unknown;
}

export interface RawRobloxAssetDetails {
  assetId: string;
  inventoryItemAssetType?: string;
  instanceId?: string;
  collectibleDetails?: RawRobloxCollectibleDetails;
  /** Some clients (openblox) report the serial here rather than in collectibleDetails. */
  serialNumber?: number;
  [field: string]: unknown;
}

/** One inventory entry: exactly one of the four `*Details` objects is present. */
export interface RawRobloxInventoryItem {
  path: string;
  assetDetails?: RawRobloxAssetDetails;
  badgeDetails?: { badgeId: string; [field: string]: unknown };
  gamePassDetails?: { gamePassId: string; [field: string]: unknown };
  privateServerDetails?: { privateServerId: string; [field: string]: unknown };
  /** Missing for game passes (seed 002: "currently not populated for passes"). */
  addTime?: string;
  [field: string]: unknown;
}

export interface RawRobloxInventoryPage {
  /** Proto3 JSON may omit an empty list entirely. */
  inventoryItems?: RawRobloxInventoryItem[];
  nextPageToken?: string;
  [field: string]: unknown;
}

export type RobloxItemKind = 'asset' | 'badge' | 'gamePass' | 'privateServer' | 'unknown';

/** The normalized item, shaped like the Steam one where the two overlap (kind, ids, serial, state). */
export interface RobloxInventoryItem {
  kind: RobloxItemKind;
  /** The asset, badge, game pass or private server id (always a string). */
  id: string;
  /** Roblox's own `path`, e.g. `users/1/inventory-items/VVNFUl9BU1NFVF9JRD0x`. */
  path: string;
  /** The last segment of `path`: Roblox's id for this inventory entry. */
  inventoryItemId: string;
  /** For assets, e.g. `HAT`; unknown future values are kept as they come. */
  assetType: string | undefined;
  /** For assets: the instance (user-asset) id, distinct per copy owned. */
  instanceId: string | undefined;
  collectible: boolean;
  collectibleItemId: string | undefined;
  collectibleInstanceId: string | undefined;
  serial: number | undefined;
  /** `AVAILABLE`, `HOLD`, `COLLECTIBLE_ITEM_INSTANCE_STATE_UNSPECIFIED`, or a newer value. */
  instanceState: string | undefined;
  /** ISO timestamp; undefined for game passes. */
  addedAt: string | undefined;
  raw: RawRobloxInventoryItem;
}

/** Rate-limit figures Roblox sent with a response, when it sent them. */
export interface RobloxRateLimitInfo {
  limit: number | undefined;
  remaining: number | undefined;
  resetSeconds: number | undefined;
}

export interface RobloxInventoryPage {
  items: RobloxInventoryItem[];
  /** Undefined on the last page. */
  nextPageToken: string | undefined;
  raw: RawRobloxInventoryPage;
  rateLimit: RobloxRateLimitInfo;
}
