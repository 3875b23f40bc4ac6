/**
 * @module cli/commands/roblox-inventory
 * `gamestash roblox inventory <userId>`: flags to a filter, one library call, output formatting.
 */
import { loadConfig } from '../../core/config.js';
import {
  createRobloxInventoryClient,
  RobloxInventoryFilter,
  ROBLOX_MAX_PAGE_SIZE,
  robloxUserId,
  type RobloxAssetTypeSelection,
  type RobloxInventoryItem,
  type RobloxTypeFilterSpec,
} from '../../roblox/index.js';
import { createProgress } from '../output/progress.js';
import { renderTable, type Column } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import type { RobloxInventoryOptions } from './roblox.js';

export async function robloxInventory(userId: string, options: RobloxInventoryOptions): Promise<void> {
  robloxUserId(userId);
  const filter = filterOf(options);
  const client = createRobloxInventoryClient(loadConfig(process.env));
  const progress = createProgress('roblox inventory');
  try {
    const limit = options.limit ?? Infinity;
    const items = await client.list(userId, {
      ...(filter ? { filter } : {}),
      ...(options.limit === undefined ? {} : { limit: options.limit }),
      // The total is unknown until the end: show what is known plus the page that may follow.
      onProgress: (done, more) =>
        progress.update(done, Math.min(limit, more ? done + ROBLOX_MAX_PAGE_SIZE : done)),
    });
    progress.stop();
    if (options.json) writeJson(items);
    else writeLine(items.length === 0 ? 'no items' : renderTable(items, COLUMNS));
  } finally {
    progress.stop();
    await client.close();
  }
}

/** The type flags become a typed filter; `--filter` is passed as given (the library checks it). */
export function filterOf(options: RobloxInventoryOptions): RobloxInventoryFilter | string | undefined {
  if (options.filter !== undefined) return options.filter;
  const { assetTypes, collectibles, badges, gamePasses, privateServers } = options;
  if (!assetTypes && !collectibles && !badges && !gamePasses && !privateServers) return undefined;
  const types = assetTypes?.includes('*') ? '*' : (assetTypes as RobloxAssetTypeSelection | undefined);
  const spec = {
    ...(types !== undefined || collectibles ? { assetTypes: types ?? '*' } : {}),
    ...(collectibles ? { onlyCollectibles: true } : {}),
    ...(badges ? { badges: true } : {}),
    ...(gamePasses ? { gamePasses: true } : {}),
    ...(privateServers ? { privateServers: true } : {}),
  } as RobloxTypeFilterSpec;
  return RobloxInventoryFilter.types(spec);
}

const COLUMNS: Column<RobloxInventoryItem>[] = [
  { header: 'kind', value: (i) => i.kind },
  { header: 'id', value: (i) => i.id },
  { header: 'asset type', value: (i) => i.assetType },
  { header: 'serial', value: (i) => i.serial, align: 'right' },
  { header: 'state', value: (i) => i.instanceState?.replace('COLLECTIBLE_ITEM_INSTANCE_STATE_', '') },
  { header: 'instance', value: (i) => i.instanceId },
  { header: 'added', value: (i) => i.addedAt },
];
