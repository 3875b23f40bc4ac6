/**
 * @module store/sqlite-driver
 * Picks the better-sqlite3 build for this Node. 12.x wraps its objects in node::ObjectWrap,
 * whose destructor aborts Node 24 when a collected statement outlives its environment
 * (`Assertion failed: (env) != nullptr` in RemoveEnvironmentCleanupHook; better-sqlite3
 * #1515, fixed by 13.x's move to node-addon-api). 13.x needs Node-API 10 (Node 22.14+), which
 * Node 20 lacks, so Node 20 keeps 12.x. Both expose the same API.
 */
import type BetterSqlite3 from 'better-sqlite3';

export type SqliteConstructor = typeof BetterSqlite3;

/** Node-API 10 arrived in Node 22.14; the 13.x prebuilds are compiled against it. */
export function hasNodeApi10(napiVersion = process.versions.napi): boolean {
  return Number(napiVersion) >= 10;
}

export async function loadSqliteDriver(): Promise<SqliteConstructor> {
  const module = hasNodeApi10() ? await import('better-sqlite3-13') : await import('better-sqlite3');
  return module.default;
}
