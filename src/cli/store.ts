/**
 * @module cli/store
 * The store the CLI keeps prices and snapshots in. One function, so where a user's data lives
 * is decided in one place (today: the gateway's default SQLite file unless
 * GAMESTASH_SQLITE_PATH or GAMESTASH_DATABASE_URL say otherwise).
 */
import type { Env } from '../core/env.js';
import type { StoreDatabase } from '../store/database.js';
import { openStoreFromEnv } from '../store/from-env.js';

export function openCliStore(env: Env = process.env): Promise<StoreDatabase> {
  return openStoreFromEnv(env);
}
