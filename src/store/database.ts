/**
 * @module store/database
 * One query layer (Kysely) over two engines: an embedded SQLite file by default (no set-up),
 * PostgreSQL when GAMESTASH_DATABASE_URL is set (several gateway instances share it).
 * Migrations run on open. A store that cannot be opened, or that fails later for want of a
 * connection, throws StoreUnavailableError saying why in plain words.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { StoreUnavailableError } from '../core/errors.js';
import { redactUrl, registerSecret } from '../core/http/redact.js';
import { describeStoreFailure, storeUnavailable, type AvailabilityListener } from './failures.js';
import { migrateToLatest } from './migrations.js';
import { guardPostgresPool } from './postgres-pool.js';
import type { Database } from './schema.js';
import { loadSqliteDriver } from './sqlite-driver.js';

export const DEFAULT_SQLITE_PATH = './data/gamestash.sqlite';

export interface StoreOptions {
  /** `postgres://...`: use PostgreSQL. Otherwise SQLite at `sqlitePath`. */
  databaseUrl?: string | undefined;
  sqlitePath?: string | undefined;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
  /** Hears when PostgreSQL is lost and when it is back (once each per outage). */
  onAvailability?: AvailabilityListener;
}

/** How long opening a PostgreSQL connection may take before it counts as unavailable. */
const CONNECT_TIMEOUT_MS = 5_000;

export interface StoreDatabase {
  db: Kysely<Database>;
  engine: 'sqlite' | 'postgres';
  /** The engine as people name it, for messages: `SQLite` or `PostgreSQL`. */
  store: 'SQLite' | 'PostgreSQL';
  /** Where the data lives, secrets redacted (for logs and `serve` banners). */
  location: string;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(options: StoreOptions = {}): Promise<StoreDatabase> {
  const opened = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.poolSize ?? 10, options.onAvailability)
    : await openSqlite(options.sqlitePath ?? DEFAULT_SQLITE_PATH);
  try {
    await migrateToLatest(opened.db as Kysely<unknown>);
  } catch (error) {
    await opened.db.destroy().catch(() => undefined);
    if (error instanceof StoreUnavailableError) throw error;
    const cause = (error as Error).cause ?? error;
    throw new StoreUnavailableError(
      opened.store,
      `migration failed: ${describeStoreFailure(opened.store, cause)}`,
      {
        location: opened.location,
        cause: error,
      },
    );
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
  let database: InstanceType<typeof SQLite> | undefined;
  try {
    mkdirSync(dirname(file), { recursive: true });
    database = new SQLite(file);
    // WAL lets `gamestash keys ...` write while a server reads; busy_timeout waits out the
    // short write locks instead of failing with SQLITE_BUSY.
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 5000');
  } catch (error) {
    database?.close();
    throw storeUnavailable('SQLite', error, file);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, engine: 'sqlite' as const, store: 'SQLite' as const, location: file };
}

async function openPostgres(url: string, poolSize: number, onAvailability?: AvailabilityListener) {
  const location = redactUrl(url);
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    throw new StoreUnavailableError('PostgreSQL', 'the URL must start with postgres:// or postgresql://', {
      location,
    });
  }
  try {
    registerSecret(decodeURIComponent(new URL(url).password));
  } catch {
    /* not a parseable URL: pg will report it */
  }
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // An idle client losing its connection emits on the pool; without a listener that is fatal.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: guardPostgresPool(pool, location, onAvailability) }),
  });
  return { db, engine: 'postgres' as const, store: 'PostgreSQL' as const, location };
}
