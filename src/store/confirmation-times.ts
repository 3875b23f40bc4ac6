/**
 * @module store/confirmation-times
 * Steam Guard's used confirmation times (steam/guard/time-ledger.ts) on SQLite or
 * PostgreSQL, shared by every process using the store: a claim is an insert that does
 * nothing when the (account, time) row exists, so of two processes racing for one second
 * exactly one gets it.
 */
import type { Kysely } from 'kysely';
import type { GamestashConfig } from '../core/config.js';
import type { ConfirmationTimeStore } from '../steam/guard/time-ledger.js';
import type { StoreDatabase } from './database.js';
import { openConfiguredStore } from './from-config.js';
import type { Database } from './schema.js';

export class ConfirmationTimeStoreDb implements ConfirmationTimeStore {
  constructor(private readonly db: Kysely<Database>) {}

  async claim(steamid: string, time: number, tag: string, at: number): Promise<boolean> {
    const result = await this.db
      .insertInto('steam_confirmation_times')
      .values({ steamid, time, tag: tag.slice(0, 32), used_at: at })
      .onConflict((oc) => oc.columns(['steamid', 'time']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async used(steamid: string, from: number, to: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('steam_confirmation_times')
      .select('time')
      .where('steamid', '=', steamid)
      .where('time', '>=', from)
      .where('time', '<=', to)
      .orderBy('time')
      .execute();
    return rows.map((row) => Number(row.time));
  }

  async prune(steamid: string, before: number, keep: number): Promise<void> {
    // The newest `keep` stay whatever their age: the cut is the older of `before` and the keep-th newest.
    const kept = await this.db
      .selectFrom('steam_confirmation_times')
      .select('time')
      .where('steamid', '=', steamid)
      .orderBy('time', 'desc')
      .offset(keep - 1)
      .limit(1)
      .executeTakeFirst();
    if (!kept) return;
    const cutoff = Math.min(before, Number(kept.time));
    await this.db
      .deleteFrom('steam_confirmation_times')
      .where('steamid', '=', steamid)
      .where('time', '<', cutoff)
      .execute();
  }
}

/**
 * The confirmation time store of the configured database (GAMESTASH_DATABASE_URL, else the
 * SQLite file in GAMESTASH_DATA_DIR), migrated; `database.close()` when done.
 */
export async function openConfirmationTimeStore(
  config: Pick<GamestashConfig, 'store'>,
): Promise<{ store: ConfirmationTimeStoreDb; database: StoreDatabase }> {
  const database = await openConfiguredStore(config);
  return { store: new ConfirmationTimeStoreDb(database.db), database };
}
