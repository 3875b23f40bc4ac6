/**
 * @module store/trade-migration
 * The trade client's tables (trade-schema.ts). Offer ids are 64-bit: kept as text.
 */
import type { Kysely, Migration } from 'kysely';

export const tradeState: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('trade_sends')
      .addColumn('idempotency_key', 'varchar(255)', (c) => c.primaryKey())
      .addColumn('sender', 'varchar(20)', (c) => c.notNull())
      .addColumn('fingerprint', 'varchar(64)', (c) => c.notNull())
      .addColumn('request', 'text', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('lease_until', 'bigint', (c) => c.notNull())
      .addColumn('offer_id', 'varchar(20)')
      .addColumn('result', 'text')
      .addColumn('completed_at', 'bigint')
      .execute();
    await db.schema
      .createTable('trade_acknowledgements')
      .addColumn('steamid', 'varchar(20)', (c) => c.primaryKey())
      .addColumn('acknowledged_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('trade_acknowledgements').execute();
    await db.schema.dropTable('trade_sends').execute();
  },
};
