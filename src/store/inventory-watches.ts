/**
 * @module store/inventory-watches
 * Watched inventories: which keys watch which inventory (and how often they asked for it to
 * be polled), and per inventory one poll state, polled at the shortest interval any watcher
 * asked for. Polls are claimed with a lease like deliveries (store/webhook-deliveries.ts):
 * on a shared PostgreSQL one instance polls each inventory; a crash mid-poll leaves a lease
 * that runs out, and the next poll compares with the last baseline that was published.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { WatchedInventoriesTable } from './webhook-schema.js';

export interface WatchTarget {
  steamid: string;
  appid: string;
  contextid: string;
}

export interface WatchedInventory extends WatchTarget {
  intervalMs: number;
  nextPollAt: number;
  lastSnapshotId: number | null;
  lastSeenAt: number | null;
  lastPolledAt: number | null;
  lastChangedAt: number | null;
  lastError: string | null;
}

export interface InventoryWatch extends WatchedInventory {
  keyId: string;
  /** The interval this key asked for (the inventory is polled at the shortest). */
  requestedIntervalMs: number;
  createdAt: number;
}

export interface ClaimedPoll extends WatchedInventory {
  leaseToken: string;
}

export type PollUpdate = Partial<
  Pick<
    WatchedInventoriesTable,
    'last_snapshot_id' | 'last_seen_at' | 'last_polled_at' | 'last_changed_at' | 'last_error' | 'next_poll_at'
  >
>;

export class InventoryWatchStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds or updates a key's watch; the inventory's first poll is due at once. */
  async add(keyId: string, target: WatchTarget, intervalMs: number, now: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('inventory_watches')
        .values({ key_id: keyId, ...target, interval_ms: intervalMs, created_at: now })
        .onConflict((oc) =>
          oc.columns(['key_id', 'steamid', 'appid', 'contextid']).doUpdateSet({ interval_ms: intervalMs }),
        )
        .execute();
      const shortest = (await shortestInterval(trx, target)) ?? intervalMs;
      const state = await stateQuery(trx, target).executeTakeFirst();
      if (!state) {
        await trx
          .insertInto('watched_inventories')
          .values({ ...target, interval_ms: shortest, next_poll_at: now, created_at: now })
          .onConflict((oc) => oc.columns(['steamid', 'appid', 'contextid']).doNothing())
          .execute();
        return;
      }
      // A shorter interval takes effect now, not after the next poll at the old one.
      const nextPollAt = Math.min(Number(state.next_poll_at), Number(state.last_polled_at ?? now) + shortest);
      await whereTarget(trx.updateTable('watched_inventories'), target)
        .set({ interval_ms: shortest, next_poll_at: nextPollAt })
        .execute();
    });
  }

  async remove(keyId: string, target: WatchTarget): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const gone = await whereTarget(trx.deleteFrom('inventory_watches'), target)
        .where('key_id', '=', keyId)
        .executeTakeFirst();
      if (Number(gone.numDeletedRows) === 0) return false;
      const shortest = await shortestInterval(trx, target);
      if (shortest === undefined) await whereTarget(trx.deleteFrom('watched_inventories'), target).execute();
      else
        await whereTarget(trx.updateTable('watched_inventories'), target)
          .set({ interval_ms: shortest })
          .execute();
      return true;
    });
  }

  async list(keyId: string, target?: WatchTarget): Promise<InventoryWatch[]> {
    let query = this.db
      .selectFrom('inventory_watches as w')
      .innerJoin('watched_inventories as i', (join) =>
        join
          .onRef('i.steamid', '=', 'w.steamid')
          .onRef('i.appid', '=', 'w.appid')
          .onRef('i.contextid', '=', 'w.contextid'),
      )
      .selectAll('i')
      .select(['w.key_id', 'w.interval_ms as requested_interval_ms', 'w.created_at as watch_created_at'])
      .where('w.key_id', '=', keyId);
    if (target)
      query = query
        .where('w.steamid', '=', target.steamid)
        .where('w.appid', '=', target.appid)
        .where('w.contextid', '=', target.contextid);
    const rows = await query.orderBy('w.created_at').execute();
    return rows.map((r) => ({
      ...stateOf(r),
      keyId: r.key_id,
      requestedIntervalMs: Number(r.requested_interval_ms),
      createdAt: Number(r.watch_created_at),
    }));
  }

  /** The keys watching an inventory: who hears of its changes. */
  async watchers(target: WatchTarget): Promise<string[]> {
    const rows = await whereTarget(
      this.db.selectFrom('inventory_watches').select('key_id'),
      target,
    ).execute();
    return rows.map((r) => r.key_id);
  }

  /** Claims up to `limit` inventories due for a poll, for `leaseMs`. */
  async claimDue(now: number, limit: number, leaseMs: number): Promise<ClaimedPoll[]> {
    const due = await this.db
      .selectFrom('watched_inventories')
      .select(['steamid', 'appid', 'contextid'])
      .where('next_poll_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .orderBy('next_poll_at')
      .limit(limit)
      .execute();
    const claimed: ClaimedPoll[] = [];
    for (const target of due) {
      const token = randomBytes(12).toString('hex');
      const updated = await whereTarget(this.db.updateTable('watched_inventories'), target)
        .set({ lease_token: token, lease_until: now + leaseMs })
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) continue;
      const row = await stateQuery(this.db, target).executeTakeFirst();
      if (row?.lease_token === token) claimed.push({ ...stateOf(row), leaseToken: token });
    }
    return claimed;
  }

  /**
   * Ends a poll under its lease (inside the publishing transaction when given); false when
   * the lease was lost (the poll took longer than its lease and another took over).
   */
  async finishPoll(
    target: WatchTarget,
    leaseToken: string,
    update: PollUpdate,
    trx?: Transaction<Database>,
  ): Promise<boolean> {
    const updated = await whereTarget((trx ?? this.db).updateTable('watched_inventories'), target)
      .set({ ...update, lease_until: null, lease_token: null })
      .where('lease_token', '=', leaseToken)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /** Extends a poll's lease while it runs (a long fetch must not let another instance start one). */
  async renew(target: WatchTarget, leaseToken: string, until: number): Promise<boolean> {
    const updated = await whereTarget(this.db.updateTable('watched_inventories'), target)
      .set({ lease_until: until })
      .where('lease_token', '=', leaseToken)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /** The earliest poll due (the poller sleeps until then). */
  async nextDueAt(): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('watched_inventories')
      .select((eb) => eb.fn.min('next_poll_at').as('at'))
      .executeTakeFirst();
    return row?.at === null || row?.at === undefined ? undefined : Number(row.at);
  }
}

// Kysely's builders share `where` but not one type: a structural helper keeps the three ids together.
interface Whereable<Q> {
  where(column: 'steamid' | 'appid' | 'contextid', op: '=', value: string): Q;
}
function whereTarget<Q extends Whereable<Q>>(query: Q, target: WatchTarget): Q {
  return query
    .where('steamid', '=', target.steamid)
    .where('appid', '=', target.appid)
    .where('contextid', '=', target.contextid);
}

function stateQuery(db: Kysely<Database>, target: WatchTarget) {
  return whereTarget(db.selectFrom('watched_inventories').selectAll(), target);
}

async function shortestInterval(db: Kysely<Database>, target: WatchTarget): Promise<number | undefined> {
  const row = await whereTarget(
    db.selectFrom('inventory_watches').select((eb) => eb.fn.min('interval_ms').as('shortest')),
    target,
  ).executeTakeFirst();
  return row?.shortest === null || row?.shortest === undefined ? undefined : Number(row.shortest);
}

function stateOf(row: WatchedInventoriesTable): WatchedInventory {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    steamid: row.steamid,
    appid: row.appid,
    contextid: row.contextid,
    intervalMs: Number(row.interval_ms),
    nextPollAt: Number(row.next_poll_at),
    lastSnapshotId: n(row.last_snapshot_id),
    lastSeenAt: n(row.last_seen_at),
    lastPolledAt: n(row.last_polled_at),
    lastChangedAt: n(row.last_changed_at),
    lastError: row.last_error,
  };
}
