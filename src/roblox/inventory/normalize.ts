/**
 * @module roblox/inventory/normalize
 * Raw inventory entries become `RobloxInventoryItem`s. Tolerant by design: an item with none of
 * the four known `*Details` objects becomes kind `unknown` instead of an error, and asset types
 * or instance states Roblox adds later are kept verbatim (UPSTREAM.md: "accept unknown values").
 */
import type { RawRobloxInventoryItem, RobloxInventoryItem, RobloxItemKind } from './types.js';

export function normalizeItem(raw: RawRobloxInventoryItem): RobloxInventoryItem {
  const path = typeof raw.path === 'string' ? raw.path : '';
  const asset = raw.assetDetails;
  const collectible = asset?.collectibleDetails;
  const { kind, id } = identify(raw);
  return {
    kind,
    id,
    path,
    inventoryItemId: path.split('/').pop() ?? '',
    assetType: str(asset?.inventoryItemAssetType),
    instanceId: str(asset?.instanceId),
    collectible: collectible !== undefined && collectible !== null,
    collectibleItemId: str(collectible?.itemId),
    collectibleInstanceId: str(collectible?.instanceId),
    serial: serialOf(collectible?.serialNumber ?? asset?.serialNumber),
    instanceState: str(collectible?.instanceState),
    // Seed 002: addTime "is currently not populated for passes".
    addedAt: str(raw.addTime),
    raw,
  };
}

function identify(raw: RawRobloxInventoryItem): { kind: RobloxItemKind; id: string } {
  if (raw.assetDetails) return { kind: 'asset', id: str(raw.assetDetails.assetId) ?? '' };
  if (raw.badgeDetails) return { kind: 'badge', id: str(raw.badgeDetails.badgeId) ?? '' };
  if (raw.gamePassDetails) return { kind: 'gamePass', id: str(raw.gamePassDetails.gamePassId) ?? '' };
  if (raw.privateServerDetails) {
    return { kind: 'privateServer', id: str(raw.privateServerDetails.privateServerId) ?? '' };
  }
  return { kind: 'unknown', id: '' };
}

/** Ids are documented as strings; a number that slipped through is kept as its decimal text. */
function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

function serialOf(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}
