/**
 * @module store/migrations
 * Schema migrations, in code so that the compiled package carries them. They run on every
 * start (idempotent, locked by Kysely's migrator so instances starting together are safe).
 * Only column types both SQLite and PostgreSQL understand are used.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { StoreUnavailableError } from '../core/errors.js';
import { pricesAndSnapshots } from './market-migration.js';
import { tradeState } from './trade-migration.js';
import { steamConfirmationTimes } from './guard-migration.js';
import { offerWatch } from './watch-migration.js';
import { webhooks } from './webhook-migration.js';
import { tradingAccounts } from './accounts-migration.js';

/** `api_keys.name` is varchar(200) (PostgreSQL enforces it). */
export const MAX_KEY_NAME_LENGTH = 200;

const migrations: Record<string, Migration> = {
  '001_api_keys_and_cache': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('key_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('key_prefix', 'varchar(32)', (c) => c.notNull())
        .addColumn('quota_per_minute', 'integer')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .addColumn('last_used_at', 'bigint')
        .addColumn('request_count', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('api_key_usage')
        .addColumn('key_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('day', 'varchar(10)', (c) => c.notNull())
        .addColumn('requests', 'bigint', (c) => c.notNull())
        .addColumn('cache_hits', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('api_key_usage_pk', ['key_id', 'day'])
        .execute();
      await db.schema
        .createTable('cache_entries')
        .addColumn('cache_key', 'varchar(512)', (c) => c.primaryKey())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('stored_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('cache_entries_stored_at')
        .on('cache_entries')
        .column('stored_at')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('cache_entries').execute();
      await db.schema.dropTable('api_key_usage').execute();
      await db.schema.dropTable('api_keys').execute();
    },
  },
  '002_unique_key_names': {
    /**
     * Key names become unique, so `keys revoke <name>` and `keys usage <name>` always mean one
     * key. Databases from before may hold the same name twice: the key that keeps it is the
     * active one (the oldest if several are), and each other is renamed `<name> (<its id>)`,
     * which ids make unique; nothing is revoked or dropped.
     */
    async up(db: Kysely<unknown>) {
      const { rows } = await sql<{ id: string; name: string; created_at: unknown; revoked_at: unknown }>`
        select id, name, created_at, revoked_at from api_keys
      `.execute(db);
      const taken = new Set(rows.map((r) => r.name));
      const byName = new Map<string, typeof rows>();
      for (const row of rows) byName.set(row.name, [...(byName.get(row.name) ?? []), row]);
      for (const [name, keys] of byName) {
        if (keys.length < 2) continue;
        const [, ...others] = [...keys].sort(
          (a, b) =>
            Number(a.revoked_at !== null) - Number(b.revoked_at !== null) ||
            Number(a.created_at) - Number(b.created_at) ||
            a.id.localeCompare(b.id),
        );
        for (const key of others) {
          const suffix = ` (${key.id})`;
          let renamed = `${name.slice(0, MAX_KEY_NAME_LENGTH - suffix.length)}${suffix}`;
          if (taken.has(renamed)) renamed = key.id;
          taken.add(renamed);
          await sql`update api_keys set name = ${renamed} where id = ${key.id}`.execute(db);
        }
      }
      await db.schema.createIndex('api_keys_name_unique').on('api_keys').column('name').unique().execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('api_keys_name_unique').execute();
    },
  },
};

migrations['003_prices_and_snapshots'] = pricesAndSnapshots;
migrations['004_trade_state'] = tradeState;
migrations['005_steam_confirmation_times'] = steamConfirmationTimes;
migrations['006_offer_watch'] = offerWatch;
migrations['007_webhooks'] = webhooks;
migrations['008_trading_accounts'] = tradingAccounts;

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  // Migrations touch tables of their own and arrive in any order (a database may have run
  // 004 before 003 shipped): Kysely runs the missing ones instead of refusing the database.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    // An unreachable store is not a migration problem: say so as it is.
    if (error instanceof StoreUnavailableError) throw error;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${(error as Error).message ?? String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
