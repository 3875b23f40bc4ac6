/**
 * @module store/migrations
 * Schema migrations, in code so that the compiled package carries them. They run on every
 * start (idempotent, locked by Kysely's migrator so instances starting together are safe).
 * Only column types both SQLite and PostgreSQL understand are used.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { pricesAndSnapshots } from './market-migration.js';

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
};

migrations['003_prices_and_snapshots'] = pricesAndSnapshots;

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${(error as Error).message ?? String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
