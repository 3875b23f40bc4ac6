/**
 * @module store/offer-watch
 * The offer watcher's store (steam/trade/watch/watch-store.ts) on SQLite or PostgreSQL. A
 * poll's offers, events and cursor go in one transaction; an offer row changes only while
 * it still holds the state the poll compared against (else the whole commit is undone with
 * WatchConflictError), and an event id is recorded once, whoever records it.
 */
import type { Kysely, Transaction } from 'kysely';
import type { GamestashConfig } from '../core/config.js';
import {
  WatchConflictError,
  type KnownOffer,
  type OfferWatchStore,
  type StoredEvent,
  type WatchCommit,
  type WatchCursor,
} from '../steam/trade/watch/watch-store.js';
import type { StoreDatabase } from './database.js';
import { openConfiguredStore } from './from-config.js';
import type { Database, Millis } from './schema.js';
import type { OfferWatchEventsTable, OfferWatchOffersTable } from './watch-schema.js';

/** Ids per `in (...)` list: far below SQLite's bound-parameter limit. */
const CHUNK = 500;

export class OfferWatchStoreDb implements OfferWatchStore {
  constructor(private readonly db: Kysely<Database>) {}

  async cursor(account: string): Promise<WatchCursor | undefined> {
    const row = await this.db
      .selectFrom('offer_watch_cursors')
      .selectAll()
      .where('account', '=', account)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      account: row.account,
      offersSince: nullableNumber(row.offers_since),
      baselineAt: Number(row.baseline_at),
      polledAt: Number(row.polled_at),
      fullPolledAt: nullableNumber(row.full_polled_at),
    };
  }

  async knownOffers(
    account: string,
    offerIds: readonly string[],
    activeStates: readonly number[],
  ): Promise<KnownOffer[]> {
    const byId = new Map<string, KnownOffer>();
    const base = () => this.db.selectFrom('offer_watch_offers').selectAll().where('account', '=', account);
    if (activeStates.length > 0) {
      for (const row of await base()
        .where('state', 'in', [...activeStates])
        .execute())
        byId.set(row.offer_id, offerOf(row));
    }
    for (let i = 0; i < offerIds.length; i += CHUNK) {
      const ids = offerIds.slice(i, i + CHUNK);
      for (const row of await base().where('offer_id', 'in', ids).execute())
        byId.set(row.offer_id, offerOf(row));
    }
    return [...byId.values()];
  }

  async commit(commit: WatchCommit): Promise<void> {
    const { account } = commit;
    await this.db.transaction().execute(async (trx) => {
      for (const { offer, expectedState } of commit.offers) {
        const row = rowOf(account, offer);
        if (expectedState === null) {
          const inserted = await trx
            .insertInto('offer_watch_offers')
            .values(row)
            .onConflict((oc) => oc.columns(['account', 'offer_id']).doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1)
            throw new WatchConflictError(account, offer.offerId);
        } else {
          const { account: _a, offer_id: _o, ...fields } = row;
          const updated = await trx
            .updateTable('offer_watch_offers')
            .set(fields)
            .where('account', '=', account)
            .where('offer_id', '=', offer.offerId)
            .where('state', '=', expectedState)
            .executeTakeFirst();
          if (Number(updated.numUpdatedRows) !== 1) throw new WatchConflictError(account, offer.offerId);
        }
      }
      if (commit.events.length > 0) await appendEvents(trx, account, commit);
      if (commit.cursor) {
        const cursor = commit.cursor;
        const values = {
          offers_since: cursor.offersSince,
          baseline_at: cursor.baselineAt,
          polled_at: cursor.polledAt,
          full_polled_at: cursor.fullPolledAt,
        };
        await trx
          .insertInto('offer_watch_cursors')
          .values({ account, ...values })
          .onConflict((oc) => oc.column('account').doUpdateSet(values))
          .execute();
      }
    });
  }

  async pendingEvents(account: string, limit: number): Promise<StoredEvent[]> {
    const rows = await this.db
      .selectFrom('offer_watch_events')
      .selectAll()
      .where('account', '=', account)
      .where('delivered_at', 'is', null)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(eventOf);
  }

  async markDelivered(account: string, eventId: string, at: number): Promise<void> {
    await this.db
      .updateTable('offer_watch_events')
      .set({ delivered_at: at })
      .where('account', '=', account)
      .where('id', '=', eventId)
      .where('delivered_at', 'is', null)
      .execute();
  }

  async dueReversalChecks(account: string, now: number, limit: number): Promise<KnownOffer[]> {
    const rows = await this.db
      .selectFrom('offer_watch_offers')
      .selectAll()
      .where('account', '=', account)
      .where('reversal_due_at', 'is not', null)
      .where('reversal_due_at', '<=', now)
      .where('reverted_at', 'is', null)
      .orderBy('reversal_due_at')
      .limit(limit)
      .execute();
    return rows.map(offerOf);
  }

  async scheduleReversalCheck(account: string, offerId: string, dueAt: number | null): Promise<void> {
    await this.db
      .updateTable('offer_watch_offers')
      .set({ reversal_due_at: dueAt })
      .where('account', '=', account)
      .where('offer_id', '=', offerId)
      .execute();
  }

  async pruneEvents(account: string, before: number): Promise<number> {
    const result = await this.db
      .deleteFrom('offer_watch_events')
      .where('account', '=', account)
      .where('delivered_at', 'is not', null)
      .where('recorded_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

async function appendEvents(trx: Transaction<Database>, account: string, commit: WatchCommit): Promise<void> {
  const last = await trx
    .selectFrom('offer_watch_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('account', '=', account)
    .executeTakeFirst();
  let seq = Number(last?.seq ?? 0);
  for (const event of commit.events) {
    // An id already recorded (by an earlier run, or a racing watcher) stays as it was.
    await trx
      .insertInto('offer_watch_events')
      .values({
        id: event.id,
        account,
        seq: ++seq,
        kind: event.kind,
        offer_id: event.offerId,
        payload: event.payload,
        recorded_at: event.recordedAt,
        delivered_at: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

function nullableNumber(value: Millis | null): number | null {
  return value === null ? null : Number(value);
}

function offerOf(row: OfferWatchOffersTable): KnownOffer {
  return {
    offerId: row.offer_id,
    isOurOffer: Number(row.is_our_offer) === 1,
    state: Number(row.state),
    createdAt: nullableNumber(row.created_at),
    updatedAt: nullableNumber(row.updated_at),
    seenAt: Number(row.seen_at),
    tradeId: row.trade_id,
    acceptedAt: nullableNumber(row.accepted_at),
    reversalDueAt: nullableNumber(row.reversal_due_at),
    reversalUntil: nullableNumber(row.reversal_until),
    revertedAt: nullableNumber(row.reverted_at),
  };
}

function rowOf(account: string, offer: KnownOffer): OfferWatchOffersTable {
  return {
    account,
    offer_id: offer.offerId,
    is_our_offer: offer.isOurOffer ? 1 : 0,
    state: offer.state,
    created_at: offer.createdAt,
    updated_at: offer.updatedAt,
    seen_at: offer.seenAt,
    trade_id: offer.tradeId,
    accepted_at: offer.acceptedAt,
    reversal_due_at: offer.reversalDueAt,
    reversal_until: offer.reversalUntil,
    reverted_at: offer.revertedAt,
  };
}

function eventOf(row: OfferWatchEventsTable): StoredEvent {
  return {
    id: row.id,
    account: row.account,
    seq: Number(row.seq),
    kind: row.kind,
    offerId: row.offer_id,
    payload: row.payload,
    recordedAt: Number(row.recorded_at),
    deliveredAt: nullableNumber(row.delivered_at),
  };
}

/**
 * The offer watcher's store in the configured database (GAMESTASH_DATABASE_URL, else the
 * SQLite file in GAMESTASH_DATA_DIR), migrated; `database.close()` when done.
 */
export async function openOfferWatchStore(
  config: Pick<GamestashConfig, 'store'>,
): Promise<{ store: OfferWatchStoreDb; database: StoreDatabase }> {
  const database = await openConfiguredStore(config);
  return { store: new OfferWatchStoreDb(database.db), database };
}
