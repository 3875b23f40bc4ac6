/**
 * @module cli/store
 * The store the CLI keeps prices, snapshots and trade records in: the config's (the SQLite file
 * in GAMESTASH_DATA_DIR unless GAMESTASH_SQLITE_PATH or GAMESTASH_DATABASE_URL say otherwise).
 */
import type { GamestashConfig } from '../core/config.js';
import type { StoreDatabase } from '../store/database.js';
import { openConfiguredStore } from '../store/from-config.js';

export function openCliStore(config: Pick<GamestashConfig, 'store'>): Promise<StoreDatabase> {
  return openConfiguredStore(config);
}
