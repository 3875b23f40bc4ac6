/**
 * @module store/watch-migration
 * The offer watcher's tables (watch-schema.ts). Offer and trade ids are 64-bit: kept as text.
 */
import type { Kysely, Migration } from 'kysely';

export const offerWatch: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('offer_watch_cursors')
      .addColumn('account', 'varchar(20)', (c) => c.primaryKey())
      .addColumn('offers_since', 'bigint')
      .addColumn('baseline_at', 'bigint', (c) => c.notNull())
      .addColumn('polled_at', 'bigint', (c) => c.notNull())
      .addColumn('full_polled_at', 'bigint')
      .execute();
    await db.schema
      .createTable('offer_watch_offers')
      .addColumn('account', 'varchar(20)', (c) => c.notNull())
      .addColumn('offer_id', 'varchar(20)', (c) => c.notNull())
      .addColumn('is_our_offer', 'integer', (c) => c.notNull())
      .addColumn('state', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint')
      .addColumn('updated_at', 'bigint')
      .addColumn('seen_at', 'bigint', (c) => c.notNull())
      .addColumn('trade_id', 'varchar(20)')
      .addColumn('accepted_at', 'bigint')
      .addColumn('reversal_due_at', 'bigint')
      .addColumn('reversal_until', 'bigint')
      .addColumn('reverted_at', 'bigint')
      .addPrimaryKeyConstraint('offer_watch_offers_pk', ['account', 'offer_id'])
      .execute();
    await db.schema
      .createIndex('offer_watch_offers_state')
      .on('offer_watch_offers')
      .columns(['account', 'state'])
      .execute();
    await db.schema
      .createIndex('offer_watch_offers_reversal_due')
      .on('offer_watch_offers')
      .columns(['account', 'reversal_due_at'])
      .execute();
    await db.schema
      .createTable('offer_watch_events')
      .addColumn('id', 'varchar(100)', (c) => c.primaryKey())
      .addColumn('account', 'varchar(20)', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('kind', 'varchar(32)', (c) => c.notNull())
      .addColumn('offer_id', 'varchar(20)', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'bigint', (c) => c.notNull())
      .addColumn('delivered_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('offer_watch_events_account_seq')
      .on('offer_watch_events')
      .columns(['account', 'seq'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('offer_watch_events').execute();
    await db.schema.dropTable('offer_watch_offers').execute();
    await db.schema.dropTable('offer_watch_cursors').execute();
  },
};
