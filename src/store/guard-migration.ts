/**
 * @module store/guard-migration
 * Steam Guard's table (guard-schema.ts). The primary key (account, time) is what makes a
 * time taken once: of two processes inserting the same one, one insert does nothing.
 */
import type { Kysely, Migration } from 'kysely';

export const steamConfirmationTimes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('steam_confirmation_times')
      .addColumn('steamid', 'varchar(20)', (c) => c.notNull())
      .addColumn('time', 'bigint', (c) => c.notNull())
      .addColumn('tag', 'varchar(32)', (c) => c.notNull())
      .addColumn('used_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('steam_confirmation_times_pk', ['steamid', 'time'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('steam_confirmation_times').execute();
  },
};
