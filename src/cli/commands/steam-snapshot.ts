/**
 * @module cli/commands/steam-snapshot
 * `steam inventory ... --snapshot`: stores what was just read as a snapshot in the CLI store
 * (for `steam history`). Only a whole, unfiltered inventory makes a snapshot: a filtered one
 * would read as items gone.
 */
import type { GamestashConfig } from '../../core/config.js';
import { InvalidInputError } from '../../core/errors.js';
import type { InventoryItem } from '../../steam/community/inventory/types.js';
import { recordSnapshot } from '../../steam/snapshots/record.js';
import { SnapshotStore } from '../../store/snapshots.js';
import { openCliStore } from '../store.js';

export function checkSnapshotFlags(options: { snapshot?: boolean; limit?: number; filtered: boolean }): void {
  if (options.snapshot && (options.limit !== undefined || options.filtered)) {
    throw new InvalidInputError(
      '--snapshot stores the whole inventory: drop --limit and the item filters (--tradable, --type, ...)',
      'snapshot',
    );
  }
}

export async function storeSnapshot(
  config: Pick<GamestashConfig, 'store'>,
  input: {
    steamid: string;
    appid: string | number;
    contextid: string | number;
    items: InventoryItem[];
  },
): Promise<void> {
  const database = await openCliStore(config);
  try {
    const info = await recordSnapshot(new SnapshotStore(database.db), input);
    process.stderr.write(
      `snapshot ${info.id} stored (${info.assetCount} assets): see \`gamestash steam history ${input.steamid} --app ${info.appid} --context ${info.contextid}\`\n`,
    );
  } finally {
    await database.close();
  }
}
