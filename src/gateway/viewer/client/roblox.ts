/**
 * @module gateway/viewer/client/roblox
 * Roblox inventory items as the viewer lists them: Open Cloud's `inventoryItems` (assets with
 * their collectible details, badges, game passes, private servers) flattened into entries with
 * a name (Open Cloud gives ids, not names), searched and filtered locally. Pure (no DOM).
 */

export interface RobloxItem {
  path: string;
  addTime?: string;
  assetDetails?: {
    assetId: string;
    inventoryItemAssetType?: string;
    instanceId?: string;
    collectibleDetails?: {
      itemId?: string;
      instanceId?: string;
      instanceState?: string;
      serialNumber?: number;
    };
  };
  badgeDetails?: { badgeId: string };
  gamePassDetails?: { gamePassId: string };
  privateServerDetails?: { privateServerId: string };
}

export interface RobloxEntry {
  /** The last part of the item's path: unique in the inventory, safe in a URL. */
  key: string;
  kind: string;
  id: string;
  name: string;
  type: string;
  collectible: boolean;
  serial: number | undefined;
  state: string | undefined;
  collectibleItemId: string | undefined;
  instanceId: string | undefined;
  addTime: string | undefined;
  search: string;
}

/** `CLASSIC_TSHIRT` → `Classic tshirt`. */
export function typeLabel(type: string): string {
  const words = type.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `AVAILABLE` → `Available`; the unspecified state says so. */
export function stateLabel(state: string | undefined): string | undefined {
  if (!state) return undefined;
  if (state.endsWith('UNSPECIFIED')) return 'Unspecified';
  return typeLabel(state);
}

export function robloxEntries(items: readonly RobloxItem[]): RobloxEntry[] {
  return items.map((item) => {
    const key = item.path.split('/').pop() ?? item.path;
    const asset = item.assetDetails;
    const collectible = asset?.collectibleDetails;
    let kind = 'Item';
    let id = '';
    let type = 'Other';
    if (asset) {
      kind = 'Asset';
      id = asset.assetId;
      type = typeLabel(asset.inventoryItemAssetType ?? 'asset');
    } else if (item.badgeDetails) {
      kind = type = 'Badge';
      id = item.badgeDetails.badgeId;
    } else if (item.gamePassDetails) {
      kind = type = 'Game pass';
      id = item.gamePassDetails.gamePassId;
    } else if (item.privateServerDetails) {
      kind = type = 'Private server';
      id = item.privateServerDetails.privateServerId;
    }
    const name = `${type} ${id}`.trim();
    return {
      key,
      kind,
      id,
      name,
      type,
      collectible: collectible !== undefined,
      serial: collectible?.serialNumber,
      state: stateLabel(collectible?.instanceState),
      collectibleItemId: collectible?.itemId,
      instanceId: asset?.instanceId,
      addTime: item.addTime,
      search: `${name} ${kind}`.toLowerCase(),
    };
  });
}

export function robloxTypes(entries: readonly RobloxEntry[]): string[] {
  return [...new Set(entries.map((e) => e.type))].sort((a, b) => a.localeCompare(b));
}

export function filterRoblox(
  entries: readonly RobloxEntry[],
  view: { q: string; type: string; collectibles: boolean },
): RobloxEntry[] {
  const words = view.q.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter(
    (e) =>
      (!view.type || e.type === view.type) &&
      (!view.collectibles || e.collectible) &&
      words.every((word) => e.search.includes(word)),
  );
}
