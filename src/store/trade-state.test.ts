/**
 * The trade client's state store on a real SQLite file and a real PostgreSQL: records survive
 * a reopen (another process, after a crash), the races are settled by the database (one of
 * two inserts and one of two take-overs win), and the idempotency state machine runs on it
 * as it does on the in-memory store.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyConflictError } from '../core/errors.js';
import { sendUnderKey } from '../steam/trade/idempotency.js';
import type { NewSendRecord } from '../steam/trade/state-store.js';
import { startPostgres, type PostgresServer } from '../../test/services/postgres.js';
import { openDatabase, type StoreOptions } from './database.js';
import { TradeStateStoreDb } from './trade-state.js';

let pg: PostgresServer;
let dir: string;
let n = 0;

beforeAll(async () => {
  [pg, dir] = await Promise.all([startPostgres(), mkdtemp(join(tmpdir(), 'gamestash-trade-store-'))]);
});
afterAll(async () => {
  await pg?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const engines: [string, () => Promise<StoreOptions>][] = [
  ['sqlite', async () => ({ sqlitePath: join(dir, `trade-${++n}.sqlite`) })],
  ['postgres', async () => ({ databaseUrl: await pg.createDatabase(`trade_${++n}`) })],
];

const T0 = Date.UTC(2026, 11, 1);
const record = (over: Partial<NewSendRecord> = {}): NewSendRecord => ({
  key: 'order-1',
  sender: '76561198012345678',
  fingerprint: 'a'.repeat(64),
  request: '{"partner":"76561198012345679"}',
  startedAt: T0,
  leaseUntil: T0 + 60_000,
  ...over,
});

describe.each(engines)('trade state on %s', (_engine, options) => {
  it('keeps a pending record across a reopen, completes it, and lets one of two racing inserts win', async () => {
    const opts = await options();
    const first = await openDatabase(opts);
    const a = new TradeStateStoreDb(first.db);
    const b = new TradeStateStoreDb(first.db);
    const [one, two] = await Promise.all([
      a.beginSend(record()),
      b.beginSend(record({ fingerprint: 'b'.repeat(64) })),
    ]);
    expect([one.created, two.created].sort()).toEqual([false, true]);
    // Whoever lost sees the winner's record, fingerprint and all.
    expect(one.record.fingerprint).toBe(two.record.fingerprint);
    await first.close();

    const second = await openDatabase(opts);
    const store = new TradeStateStoreDb(second.db);
    const pending = await store.getSend('order-1');
    expect(pending).toMatchObject({
      status: 'pending',
      startedAt: T0,
      leaseUntil: T0 + 60_000,
      offerId: undefined,
    });
    await store.completeSend('order-1', {
      offerId: '6512345678901234567',
      result: '{"id":"x"}',
      completedAt: T0 + 5,
    });
    expect(await store.getSend('order-1')).toMatchObject({
      status: 'sent',
      offerId: '6512345678901234567',
      result: '{"id":"x"}',
      completedAt: T0 + 5,
    });
    // A sent record is never released.
    await store.releaseSend('order-1');
    expect(await store.getSend('order-1')).toMatchObject({ status: 'sent' });
    await second.close();
  });

  it('lets one of two processes take over an expired lease, and releases pending records', async () => {
    const db = await openDatabase(await options());
    const store = new TradeStateStoreDb(db.db);
    await store.beginSend(record());
    const results = await Promise.all([
      store.takeOverSend('order-1', T0 + 60_000, T0 + 200_000),
      store.takeOverSend('order-1', T0 + 60_000, T0 + 300_000),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.takeOverSend('order-1', T0 + 60_000, T0 + 400_000)).toBe(false);
    await store.releaseSend('order-1');
    expect(await store.getSend('order-1')).toBeUndefined();
    await db.close();
  });

  it('remembers acknowledgements once per account', async () => {
    const opts = await options();
    const db = await openDatabase(opts);
    const store = new TradeStateStoreDb(db.db);
    expect(await store.acknowledgedAt('76561198012345678')).toBeUndefined();
    await store.markAcknowledged('76561198012345678', T0);
    await store.markAcknowledged('76561198012345678', T0 + 1);
    await db.close();
    const again = await openDatabase(opts);
    expect(await new TradeStateStoreDb(again.db).acknowledgedAt('76561198012345678')).toBe(T0);
    await again.close();
  });

  it('runs the idempotency key across "processes": the same key returns the same offer, another request is refused', async () => {
    const opts = await options();
    let sends = 0;
    const deps = (store: TradeStateStoreDb) => ({
      store,
      now: () => T0,
      leaseMs: 60_000,
      warn: () => undefined,
      send: async () => {
        sends++;
        return {
          id: '6512345678',
          partner: '76561198000000002',
          state: 9,
          stateName: 'CreatedNeedsConfirmation' as const,
          needsMobileConfirmation: true,
          needsEmailConfirmation: false,
          reconciled: false,
          replayed: false,
        };
      },
      reconcile: async () => ({ absent: true as const }),
    });
    const request = { key: 'k-1', sender: '76561198012345678', fingerprint: 'c'.repeat(64), request: '{}' };
    const first = await openDatabase(opts);
    expect(await sendUnderKey(request, deps(new TradeStateStoreDb(first.db)))).toMatchObject({
      id: '6512345678',
      replayed: false,
    });
    await first.close();
    const second = await openDatabase(opts);
    const store = new TradeStateStoreDb(second.db);
    expect(await sendUnderKey(request, deps(store))).toMatchObject({
      id: '6512345678',
      stateName: 'CreatedNeedsConfirmation',
      needsMobileConfirmation: true,
      replayed: true,
    });
    await expect(
      sendUnderKey({ ...request, fingerprint: 'd'.repeat(64) }, deps(store)),
    ).rejects.toBeInstanceOf(IdempotencyConflictError);
    expect(sends).toBe(1);
    await second.close();
  });
});
