/**
 * @module store/webhook-migration
 * Migration 007: webhooks, their events and deliveries (the store-backed queue: pending
 * deliveries by next attempt, claimed with a lease), and watched inventories.
 */
import type { Kysely, Migration } from 'kysely';

export const webhooks: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('webhooks')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('key_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('url', 'varchar(2048)', (c) => c.notNull())
      .addColumn('events', 'text', (c) => c.notNull())
      .addColumn('account', 'varchar(200)')
      .addColumn('secret', 'varchar(128)', (c) => c.notNull())
      .addColumn('previous_secret', 'varchar(128)')
      .addColumn('previous_secret_until', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('webhooks_key').on('webhooks').column('key_id').execute();
    await db.schema
      .createTable('webhook_events')
      .addColumn('id', 'varchar(255)', (c) => c.primaryKey())
      .addColumn('type', 'varchar(64)', (c) => c.notNull())
      .addColumn('account', 'varchar(200)')
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('webhook_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('event_id', 'varchar(255)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'bigint')
      .addColumn('give_up_at', 'bigint', (c) => c.notNull())
      .addColumn('lease_until', 'bigint')
      .addColumn('lease_token', 'varchar(32)')
      .addColumn('last_status', 'integer')
      .addColumn('last_error', 'varchar(500)')
      .addColumn('last_attempt_at', 'bigint')
      .addColumn('delivered_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('webhook_deliveries_once', ['webhook_id', 'event_id'])
      .execute();
    await db.schema
      .createIndex('webhook_deliveries_due')
      .on('webhook_deliveries')
      .columns(['status', 'next_attempt_at'])
      .execute();
    await db.schema
      .createIndex('webhook_deliveries_log')
      .on('webhook_deliveries')
      .columns(['webhook_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('webhook_deliveries_event')
      .on('webhook_deliveries')
      .column('event_id')
      .execute();
    await db.schema
      .createTable('inventory_watches')
      .addColumn('key_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('steamid', 'varchar(20)', (c) => c.notNull())
      .addColumn('appid', 'varchar(32)', (c) => c.notNull())
      .addColumn('contextid', 'varchar(32)', (c) => c.notNull())
      .addColumn('interval_ms', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('inventory_watches_pk', ['key_id', 'steamid', 'appid', 'contextid'])
      .execute();
    await db.schema
      .createIndex('inventory_watches_inventory')
      .on('inventory_watches')
      .columns(['steamid', 'appid', 'contextid'])
      .execute();
    await db.schema
      .createTable('watched_inventories')
      .addColumn('steamid', 'varchar(20)', (c) => c.notNull())
      .addColumn('appid', 'varchar(32)', (c) => c.notNull())
      .addColumn('contextid', 'varchar(32)', (c) => c.notNull())
      .addColumn('interval_ms', 'bigint', (c) => c.notNull())
      .addColumn('next_poll_at', 'bigint', (c) => c.notNull())
      .addColumn('lease_until', 'bigint')
      .addColumn('lease_token', 'varchar(32)')
      .addColumn('last_snapshot_id', 'integer')
      .addColumn('last_seen_at', 'bigint')
      .addColumn('last_polled_at', 'bigint')
      .addColumn('last_changed_at', 'bigint')
      .addColumn('last_error', 'varchar(500)')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('watched_inventories_pk', ['steamid', 'appid', 'contextid'])
      .execute();
    await db.schema
      .createIndex('watched_inventories_due')
      .on('watched_inventories')
      .column('next_poll_at')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'watched_inventories',
      'inventory_watches',
      'webhook_deliveries',
      'webhook_events',
      'webhooks',
    ])
      await db.schema.dropTable(table).execute();
  },
};
