/**
 * @module store/from-env
 * Where the store is, from the environment, for the front-ends that run for one user (CLI,
 * MCP): PostgreSQL when GAMESTASH_DATABASE_URL is set, else the SQLite file at
 * GAMESTASH_SQLITE_PATH or the gateway's default path, so `steam history` and a local
 * gateway see the same snapshots.
 */
import { text, type Env } from '../core/env.js';
import { DEFAULT_SQLITE_PATH, openDatabase, type StoreDatabase, type StoreOptions } from './database.js';

export function storeOptionsFromEnv(env: Env = process.env): StoreOptions {
  const databaseUrl = text(env, 'GAMESTASH_DATABASE_URL');
  return databaseUrl
    ? { databaseUrl, poolSize: 2 }
    : { sqlitePath: text(env, 'GAMESTASH_SQLITE_PATH') ?? DEFAULT_SQLITE_PATH };
}

export function openStoreFromEnv(env: Env = process.env): Promise<StoreDatabase> {
  return openDatabase(storeOptionsFromEnv(env));
}
