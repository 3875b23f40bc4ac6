/**
 * @module store/accounts-migration
 * The trading gateway's tables: `steam_accounts` (accounts-schema.ts), and scopes and
 * accounts on `api_keys`. Keys from before keep what they could do: the read scopes.
 */
import { sql, type Kysely, type Migration } from 'kysely';

/** What keys created before scopes existed may do (the routes there were then). */
export const LEGACY_KEY_SCOPES = 'inventory:read,webapi:read';

export const tradingAccounts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('steam_accounts')
      .addColumn('name', 'varchar(32)', (c) => c.primaryKey())
      .addColumn('steamid', 'varchar(20)', (c) => c.notNull().unique())
      .addColumn('secrets', 'text', (c) => c.notNull())
      .addColumn('key_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('present', 'varchar(200)', (c) => c.notNull())
      .addColumn('session_expires_at', 'bigint')
      .addColumn('watch', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.alterTable('api_keys').addColumn('scopes', 'varchar(500)').execute();
    await db.schema.alterTable('api_keys').addColumn('accounts', 'text').execute();
    await sql`update api_keys set scopes = ${LEGACY_KEY_SCOPES} where scopes is null`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('api_keys').dropColumn('accounts').execute();
    await db.schema.alterTable('api_keys').dropColumn('scopes').execute();
    await db.schema.dropTable('steam_accounts').execute();
  },
};
