/**
 * @module store/market-migration
 * Migration 003: market prices (with the sets the background refresh keeps warm) and
 * inventory snapshots (compact asset lists, descriptions shared between snapshots, and the
 * values they were priced at). Column types both engines understand, but for two said
 * differently: the snapshot id's auto-numbering (SQLite AUTOINCREMENT, a PostgreSQL identity)
 * and the encoded assets' bytes (SQLite BLOB, PostgreSQL BYTEA; both read back as a Buffer).
 */
import { PostgresAdapter, type Kysely, type Migration } from 'kysely';

export const pricesAndSnapshots: Migration = {
  async up(db: Kysely<unknown>) {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    await db.schema
      .createTable('market_prices')
      .addColumn('source', 'varchar(16)', (c) => c.notNull())
      .addColumn('appid', 'integer', (c) => c.notNull())
      .addColumn('currency', 'varchar(3)', (c) => c.notNull())
      .addColumn('market_hash_name', 'varchar(512)', (c) => c.notNull())
      .addColumn('price_minor', 'bigint')
      .addColumn('listings', 'integer')
      .addColumn('observed_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('market_prices_pk', ['source', 'appid', 'currency', 'market_hash_name'])
      .execute();
    await db.schema
      .createTable('market_price_sets')
      .addColumn('source', 'varchar(16)', (c) => c.notNull())
      .addColumn('appid', 'integer', (c) => c.notNull())
      .addColumn('currency', 'varchar(3)', (c) => c.notNull())
      .addColumn('refreshed_at', 'bigint')
      .addColumn('failed_at', 'bigint')
      .addColumn('last_error', 'varchar(500)')
      .addColumn('requested_at', 'bigint')
      .addColumn('priced', 'integer')
      .addPrimaryKeyConstraint('market_price_sets_pk', ['source', 'appid', 'currency'])
      .execute();
    await db.schema
      .createTable('snapshot_descriptions')
      .addColumn('appid', 'integer', (c) => c.notNull())
      .addColumn('classid', 'varchar(32)', (c) => c.notNull())
      .addColumn('instanceid', 'varchar(32)', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('snapshot_descriptions_pk', ['appid', 'classid', 'instanceid'])
      .execute();
    await db.schema
      .createTable('inventory_snapshots')
      .addColumn('id', 'integer', (c) =>
        postgres ? c.generatedByDefaultAsIdentity().primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('steamid', 'varchar(20)', (c) => c.notNull())
      .addColumn('appid', 'integer', (c) => c.notNull())
      .addColumn('contextid', 'varchar(20)', (c) => c.notNull())
      .addColumn('taken_at', 'bigint', (c) => c.notNull())
      .addColumn('asset_count', 'integer', (c) => c.notNull())
      .addColumn('item_count', 'bigint', (c) => c.notNull())
      .addColumn('encoding', 'varchar(16)', (c) => c.notNull())
      .addColumn('body', postgres ? 'bytea' : 'blob', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('inventory_snapshots_owner')
      .on('inventory_snapshots')
      .columns(['steamid', 'appid', 'contextid', 'taken_at'])
      .execute();
    await db.schema
      .createTable('snapshot_values')
      .addColumn('snapshot_id', 'integer', (c) => c.notNull())
      .addColumn('source', 'varchar(16)', (c) => c.notNull())
      .addColumn('currency', 'varchar(3)', (c) => c.notNull())
      .addColumn('total_minor', 'bigint', (c) => c.notNull())
      .addColumn('marketable_total_minor', 'bigint', (c) => c.notNull())
      .addColumn('missing_quantity', 'integer', (c) => c.notNull())
      .addColumn('stale_lines', 'integer', (c) => c.notNull())
      .addColumn('priced_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('snapshot_values_pk', ['snapshot_id', 'source', 'currency'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'snapshot_values',
      'inventory_snapshots',
      'snapshot_descriptions',
      'market_price_sets',
      'market_prices',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
