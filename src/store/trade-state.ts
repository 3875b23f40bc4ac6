/**
 * @module store/trade-state
 * The trade client's state store (steam/trade/state-store.ts) on SQLite or PostgreSQL. The
 * races that matter are settled by the database: of two processes beginning a send under
 * one key, the insert of one does nothing; of two taking over a crashed record, the update
 * of one matches no row (its lease is no longer the one it read).
 */
import type { Kysely } from 'kysely';
import type { GamestashConfig } from '../core/config.js';
import type {
  CompletedSend,
  NewSendRecord,
  SendRecord,
  SendStatus,
  TradeStateStore,
} from '../steam/trade/state-store.js';
import type { StoreDatabase } from './database.js';
import { openConfiguredStore } from './from-config.js';
import type { Database } from './schema.js';
import type { TradeSendsTable } from './trade-schema.js';

export class TradeStateStoreDb implements TradeStateStore {
  constructor(private readonly db: Kysely<Database>) {}

  async beginSend(record: NewSendRecord): Promise<{ created: boolean; record: SendRecord }> {
    const inserted = await this.db
      .insertInto('trade_sends')
      .values({
        idempotency_key: record.key,
        sender: record.sender,
        fingerprint: record.fingerprint,
        request: record.request,
        status: 'pending',
        started_at: record.startedAt,
        lease_until: record.leaseUntil,
        offer_id: null,
        result: null,
        completed_at: null,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .executeTakeFirst();
    const stored = await this.getSend(record.key);
    if (!stored) throw new Error(`the trade_sends row for key "${record.key}" vanished after its insert`);
    return { created: Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1, record: stored };
  }

  async takeOverSend(key: string, expectedLeaseUntil: number, leaseUntil: number): Promise<boolean> {
    const result = await this.db
      .updateTable('trade_sends')
      .set({ lease_until: leaseUntil })
      .where('idempotency_key', '=', key)
      .where('status', '=', 'pending')
      .where('lease_until', '=', expectedLeaseUntil)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async completeSend(key: string, done: CompletedSend): Promise<void> {
    await this.db
      .updateTable('trade_sends')
      .set({ status: 'sent', offer_id: done.offerId, result: done.result, completed_at: done.completedAt })
      .where('idempotency_key', '=', key)
      .execute();
  }

  async releaseSend(key: string): Promise<void> {
    await this.db
      .deleteFrom('trade_sends')
      .where('idempotency_key', '=', key)
      .where('status', '=', 'pending')
      .execute();
  }

  async getSend(key: string): Promise<SendRecord | undefined> {
    const row = await this.db
      .selectFrom('trade_sends')
      .selectAll()
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    return row ? recordOf(row) : undefined;
  }

  async acknowledgedAt(steamid: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('trade_acknowledgements')
      .select('acknowledged_at')
      .where('steamid', '=', steamid)
      .executeTakeFirst();
    return row ? Number(row.acknowledged_at) : undefined;
  }

  async markAcknowledged(steamid: string, at: number): Promise<void> {
    await this.db
      .insertInto('trade_acknowledgements')
      .values({ steamid, acknowledged_at: at })
      .onConflict((oc) => oc.column('steamid').doNothing())
      .execute();
  }
}

function recordOf(row: TradeSendsTable): SendRecord {
  return {
    key: row.idempotency_key,
    sender: row.sender,
    fingerprint: row.fingerprint,
    request: row.request,
    status: row.status as SendStatus,
    startedAt: Number(row.started_at),
    leaseUntil: Number(row.lease_until),
    offerId: row.offer_id ?? undefined,
    result: row.result ?? undefined,
    completedAt: row.completed_at === null ? undefined : Number(row.completed_at),
  };
}

/**
 * The trade state store of the configured database (GAMESTASH_DATABASE_URL, else the SQLite
 * file in GAMESTASH_DATA_DIR), migrated; `database.close()` when done.
 */
export async function openTradeStateStore(
  config: Pick<GamestashConfig, 'store'>,
): Promise<{ store: TradeStateStoreDb; database: StoreDatabase }> {
  const database = await openConfiguredStore(config);
  return { store: new TradeStateStoreDb(database.db), database };
}
