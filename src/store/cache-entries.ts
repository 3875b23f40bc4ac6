/**
 * @module store/cache-entries
 * The durable tier of the gateway cache: serialized upstream documents by cache key. It is
 * what survives a restart, and what instances sharing one PostgreSQL share.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface StoredEntry {
  key: string;
  body: string;
  storedAt: number;
}

export class CacheEntryStore {
  constructor(private readonly db: Kysely<Database>) {}

  async get(key: string): Promise<StoredEntry | undefined> {
    const row = await this.db
      .selectFrom('cache_entries')
      .selectAll()
      .where('cache_key', '=', key)
      .executeTakeFirst();
    return row ? { key: row.cache_key, body: row.body, storedAt: Number(row.stored_at) } : undefined;
  }

  /** When only freshness matters (waiting for another instance's fetch), skip the body. */
  async storedAt(key: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('cache_entries')
      .select('stored_at')
      .where('cache_key', '=', key)
      .executeTakeFirst();
    return row ? Number(row.stored_at) : undefined;
  }

  async put(entry: StoredEntry): Promise<void> {
    await this.db
      .insertInto('cache_entries')
      .values({ cache_key: entry.key, body: entry.body, stored_at: entry.storedAt })
      .onConflict((oc) => oc.column('cache_key').doUpdateSet({ body: entry.body, stored_at: entry.storedAt }))
      .execute();
  }

  /** Stores the entry unless the store already holds a newer copy (a late retry must not win). */
  async putUnlessNewer(entry: StoredEntry): Promise<void> {
    await this.db
      .insertInto('cache_entries')
      .values({ cache_key: entry.key, body: entry.body, stored_at: entry.storedAt })
      .onConflict((oc) =>
        oc
          .column('cache_key')
          .doUpdateSet({ body: entry.body, stored_at: entry.storedAt })
          .where('cache_entries.stored_at', '<', entry.storedAt),
      )
      .execute();
  }

  /** Drops one entry (its inventory became private or vanished: the copy must not be served). */
  async delete(key: string): Promise<void> {
    await this.db.deleteFrom('cache_entries').where('cache_key', '=', key).execute();
  }

  /** Drops entries stored before `before` (too old even to serve stale). Returns how many. */
  async purge(before: number): Promise<number> {
    const result = await this.db
      .deleteFrom('cache_entries')
      .where('stored_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
