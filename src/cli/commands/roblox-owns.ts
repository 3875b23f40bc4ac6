/**
 * @module cli/commands/roblox-owns
 * `gamestash roblox owns <userId> --asset 1,2`: yes/no per id from one library call.
 */
import { loadConfig } from '../../core/config.js';
import { InvalidInputError } from '../../core/errors.js';
import { createRobloxInventoryClient, robloxUserId, type RobloxOwnershipEntry } from '../../roblox/index.js';
import { renderTable, type Column } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import type { RobloxOwnsOptions } from './roblox.js';

export async function robloxOwns(userId: string, options: RobloxOwnsOptions): Promise<void> {
  robloxUserId(userId);
  const ids = [options.asset, options.badge, options.gamePass, options.privateServer].flat();
  if (ids.length === 0) {
    throw new InvalidInputError(
      'give ids to check with --asset, --badge, --game-pass or --private-server',
      'ids',
    );
  }
  const client = createRobloxInventoryClient(loadConfig(process.env));
  try {
    const result = await client.owns(userId, {
      ...(options.asset.length ? { assetIds: options.asset } : {}),
      ...(options.badge.length ? { badgeIds: options.badge } : {}),
      ...(options.gamePass.length ? { gamePassIds: options.gamePass } : {}),
      ...(options.privateServer.length ? { privateServerIds: options.privateServer } : {}),
    });
    if (options.json) writeJson({ userId: result.userId, entries: result.entries });
    else writeLine(renderTable(result.entries, COLUMNS));
  } finally {
    await client.close();
  }
}

const COLUMNS: Column<RobloxOwnershipEntry>[] = [
  { header: 'kind', value: (e) => e.kind },
  { header: 'id', value: (e) => e.id },
  { header: 'owned', value: (e) => (e.owned ? 'yes' : 'no') },
  { header: 'copies', value: (e) => e.copies, align: 'right' },
];
