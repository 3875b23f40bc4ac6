/**
 * @module cli/commands/steam-confirmations-list
 * `gamestash steam confirmations list`: what waits for the account's mobile confirmation.
 */
import type { Confirmation } from '../../steam/guard/index.js';
import { renderTable, type Column } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import { withConfirmations, type SteamGuardCommandOptions } from './steam-guard-common.js';

export type SteamConfirmationsListOptions = SteamGuardCommandOptions;

export async function steamConfirmationsList(options: SteamConfirmationsListOptions): Promise<void> {
  await withConfirmations(options, async (client) => {
    const list = await client.list();
    if (options.json) writeJson(list);
    else
      writeLine(
        list.length === 0 ? 'nothing waits for a confirmation' : renderTable(list, CONFIRMATION_COLUMNS),
      );
  });
}

export const CONFIRMATION_COLUMNS: Column<Confirmation>[] = [
  { header: 'id', value: (c) => c.id },
  { header: 'type', value: (c) => c.typeName || String(c.type) },
  { header: 'offer / listing', value: (c) => c.creatorId },
  { header: 'with', value: (c) => c.headline },
  { header: 'details', value: (c) => c.summary.join('; ') },
  { header: 'created', value: (c) => c.created?.slice(0, 16).replace('T', ' ') },
];
