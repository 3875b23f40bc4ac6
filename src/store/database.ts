/**
 * @module store/database
 * One query layer (Kysely) over two engines: an embedded SQLite file by default (no set-up),
 * PostgreSQL when GAMESTASH_DATABASE_URL is set (several gateway instances share it).
 * Migrations run on open.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { redactUrl, registerSecret } from '../core/http/redact.js';
import { migrateToLatest } from './migrations.js';
import type { Database } from './schema.js';
import { loadSqliteDriver } from './sqlite-driver.js';

export const DEFAULT_SQLITE_PATH = './data/gamestash.sqlite';

export interface StoreOptions {
  /** `postgres://...`: use PostgreSQL. Otherwise SQLite at `sqlitePath`. */
  databaseUrl?: string | undefined;
  sqlitePath?: string | undefined;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
}

export interface StoreDatabase {
  db: Kysely<Database>;
  engine: 'sqlite' | 'postgres';
  /** Where the data lives, secrets redacted (for logs and `serve` banners). */
  location: string;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(options: StoreOptions = {}): Promise<StoreDatabase> {
  const opened = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : await openSqlite(options.sqlitePath ?? DEFAULT_SQLITE_PATH);
  try {
    await migrateToLatest(opened.db as Kysely<unknown>);
  } catch (error) {
    await opened.db.destroy();
    throw error;
  }
  let closed = false;
  return {
    ...opened,
    async ping() {
      await sql`select 1`.execute(opened.db);
    },
    async close() {
      if (closed) return;
      closed = true;
      await opened.db.destroy();
    },
  };
}

async function openSqlite(path: string) {
  const SQLite = await loadSqliteDriver();
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true });
  const database = new SQLite(file);
  // WAL lets `gamestash keys ...` write while a server reads; busy_timeout waits out the
  // short write locks instead of failing with SQLITE_BUSY.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, engine: 'sqlite' as const, location: file };
}

async function openPostgres(url: string, poolSize: number) {
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    throw new Error(`GAMESTASH_DATABASE_URL must be a postgres:// URL, got ${redactUrl(url)}`);
  }
  try {
    registerSecret(decodeURIComponent(new URL(url).password));
  } catch {
    /* not a parseable URL: pg will report it */
  }
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its connection emits on the pool; without a listener that is fatal.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres' as const, location: redactUrl(url) };
}
