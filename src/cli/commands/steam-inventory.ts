/**
 * @module cli/commands/steam-inventory
 * `gamestash steam inventory <who>`: one library call, then output formatting.
 */
import { loadConfig } from '../../core/config.js';
import { createHttpClient } from '../../core/http/from-config.js';
import { collect } from '../../core/paginate.js';
import { InvalidInputError } from '../../core/errors.js';
import { ME, resolveOptionsFromConfig, resolveSteamId } from '../../steam/ids/resolve.js';
import { createSteamInventoryClient } from '../../steam/community/inventory/from-config.js';
import { filterItems, summarize, type InventoryFilter } from '../../steam/community/inventory/filter.js';
import type { InventoryItem, InventorySummaryLine } from '../../steam/community/inventory/types.js';
import { normalizePageInto } from '../../steam/community/inventory/normalize.js';
import { createProgress } from '../output/progress.js';
import { renderTable, type Column } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import type { SteamInventoryOptions } from './steam.js';
import { checkSnapshotFlags, storeSnapshot } from './steam-snapshot.js';

export async function steamInventory(who: string | undefined, options: SteamInventoryOptions): Promise<void> {
  const config = loadConfig(process.env, {
    steam: {
      communityUrl: options.communityUrl?.replace(/\/+$/, ''),
      apiUrl: options.apiUrl?.replace(/\/+$/, ''),
      communityIntervalMs: options.intervalMs,
      inventoryPageSize: options.count,
      language: options.lang,
    },
  });
  // No account named: STEAM_ID's, when it is set (`me` resolves to it).
  if (who === undefined && !config.steam.steamId) {
    throw new InvalidInputError(
      'which account? give one (a SteamID64, profile URL, trade URL or vanity name) or set STEAM_ID to your own',
      'who',
    );
  }
  const http = createHttpClient(config);
  const progress = createProgress('inventory');
  try {
    const { steamid64 } = await resolveSteamId(who ?? ME, resolveOptionsFromConfig(config, http));
    const client = createSteamInventoryClient(config, http);
    // --limit counts rows printed: with filters, matching items (the scan itself is not
    // limited); with --summary, summary lines of the whole inventory.
    const filter = filterOf(options);
    const unfiltered = Object.keys(filter).length === 0;
    checkSnapshotFlags({ ...options, filtered: !unfiltered });
    const scanLimit = !options.summary && (options.raw || unfiltered) ? options.limit : undefined;
    const where = { steamid: steamid64, appid: options.app, contextid: options.context };
    const request = {
      steamid: steamid64,
      appid: options.app,
      contextid: options.context,
      ...(scanLimit === undefined ? { all: true } : { limit: scanLimit }),
      // With a scan limit, the bar runs to it, not to the whole inventory.
      onProgress: (done: number, total: number | undefined) =>
        progress.update(
          done,
          scanLimit === undefined || total === undefined ? total : Math.min(total, scanLimit),
        ),
    };
    if (options.raw) {
      const inventory = await client.fetchAll(request);
      progress.stop();
      if (options.snapshot)
        await storeSnapshot(config, { ...where, items: normalizePageInto(inventory, steamid64, []) });
      writeJson(inventory);
      return;
    }
    // Without filters, read in bulk; with them, stream and stop once --limit items matched.
    const items = unfiltered
      ? await client.fetchItems(request)
      : await collect(
          filterItems(client.items(request), filter),
          options.summary ? undefined : options.limit,
        );
    progress.stop();
    if (options.snapshot) await storeSnapshot(config, { ...where, items });
    const summary = options.summary ? summarize(items).slice(0, options.limit) : [];
    if (options.summary && options.json) writeJson(summary);
    else if (options.summary) writeLine(renderTable(summary, SUMMARY_COLUMNS));
    else if (options.json) writeJson(items);
    else writeLine(items.length === 0 ? 'no items' : renderTable(items, ITEM_COLUMNS));
  } finally {
    progress.stop();
    await http.close();
  }
}

function filterOf(options: SteamInventoryOptions): InventoryFilter {
  return {
    ...(options.tradable ? { tradable: true } : {}),
    ...(options.marketable ? { marketable: true } : {}),
    ...(options.type ? { type: options.type } : {}),
    ...(options.rarity ? { rarity: options.rarity } : {}),
    ...(options.name ? { name: options.name } : {}),
  };
}

const ITEM_COLUMNS: Column<InventoryItem>[] = [
  { header: 'asset id', value: (i) => i.assetid },
  // The market name reads like the hash name minus its app prefix (`620-Chell` for Steam cards).
  { header: 'name', value: (i) => i.marketName || i.name },
  { header: 'type', value: (i) => i.category ?? i.type },
  { header: 'rarity', value: (i) => i.rarity },
  { header: 'float', value: (i) => i.float?.toFixed(6), align: 'right' },
  { header: 'qty', value: (i) => i.amount, align: 'right' },
  { header: 'tradable', value: (i) => (i.tradable ? 'yes' : 'no') },
];

const SUMMARY_COLUMNS: Column<InventorySummaryLine>[] = [
  { header: 'name', value: (l) => l.marketHashName },
  { header: 'type', value: (l) => l.type },
  { header: 'quantity', value: (l) => l.quantity, align: 'right' },
  { header: 'tradable', value: (l) => l.tradable, align: 'right' },
];
