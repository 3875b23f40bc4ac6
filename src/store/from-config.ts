/**
 * @module store/from-config
 * Where the store is, from the loaded config, for every front-end: PostgreSQL when
 * GAMESTASH_DATABASE_URL is set, else the SQLite file (GAMESTASH_SQLITE_PATH, or
 * `gamestash.sqlite` in GAMESTASH_DATA_DIR). One place, so the CLI, MCP and a local gateway
 * pointed at the same data directory see the same prices, snapshots and trade records.
 */
import type { GamestashConfig } from '../core/config.js';
import { openDatabase, type StoreDatabase, type StoreOptions } from './database.js';

/** A front-end that serves one user needs few connections. */
const SINGLE_USER_POOL = 2;

export function storeOptions(config: Pick<GamestashConfig, 'store'>): StoreOptions {
  const { databaseUrl, sqlitePath } = config.store;
  return databaseUrl ? { databaseUrl, poolSize: SINGLE_USER_POOL } : { sqlitePath };
}

export function openConfiguredStore(config: Pick<GamestashConfig, 'store'>): Promise<StoreDatabase> {
  return openDatabase(storeOptions(config));
}
