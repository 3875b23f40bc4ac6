/**
 * The offer watcher's store on a real SQLite file and a real PostgreSQL: a commit is all or
 * nothing (a stale expected state undoes the offers, events and cursor written with it), an
 * event id is recorded once, the outbox keeps its order across a reopen, reversal checks come
 * due in order, and acknowledged events are forgotten after their time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WatchConflictError, type KnownOffer, type WatchCommit } from '../steam/trade/watch/watch-store.js';
import { startPostgres, type PostgresServer } from '../../test/services/postgres.js';
import { openDatabase, type StoreOptions } from './database.js';
import { OfferWatchStoreDb } from './offer-watch.js';

let pg: PostgresServer;
let dir: string;
let n = 0;

beforeAll(async () => {
  [pg, dir] = await Promise.all([startPostgres(), mkdtemp(join(tmpdir(), 'gamestash-watch-store-'))]);
});
afterAll(async () => {
  await pg?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const engines: [string, () => Promise<StoreOptions>][] = [
  ['sqlite', async () => ({ sqlitePath: join(dir, `watch-${++n}.sqlite`) })],
  ['postgres', async () => ({ databaseUrl: await pg.createDatabase(`watch_${++n}`) })],
];

const ME = '76561198000000001';
const T0 = Date.UTC(2026, 11, 1);

const row = (offerId: string, state: number, over: Partial<KnownOffer> = {}): KnownOffer => ({
  offerId,
  isOurOffer: false,
  state,
  createdAt: T0,
  updatedAt: T0 + 1,
  seenAt: T0 + 2,
  tradeId: null,
  acceptedAt: null,
  reversalDueAt: null,
  reversalUntil: null,
  revertedAt: null,
  ...over,
});

const event = (id: string, offerId: string) => ({
  id: `${ME}:${offerId}:${id}`,
  kind: 'newOffer',
  offerId,
  payload: JSON.stringify({ id }),
  recordedAt: T0,
});

const cursor = (offersSince: number | null) => ({
  account: ME,
  offersSince,
  baselineAt: T0,
  polledAt: T0 + 5,
  fullPolledAt: null,
});

describe.each(engines)('offer watch store on %s', (_engine, options) => {
  it('commits offers, events and the cursor together, and keeps them across a reopen', async () => {
    const opts = await options();
    const first = await openDatabase(opts);
    const store = new OfferWatchStoreDb(first.db);
    expect(await store.cursor(ME)).toBeUndefined();
    await store.commit({
      account: ME,
      offers: [
        { offer: row('8300000001', 2), expectedState: null },
        { offer: row('8300000002', 7, { isOurOffer: true }), expectedState: null },
      ],
      events: [event('2', '8300000001'), event('7', '8300000002')],
      cursor: cursor(T0 + 1),
    });
    await first.close();

    const second = await openDatabase(opts);
    const again = new OfferWatchStoreDb(second.db);
    expect(await again.cursor(ME)).toEqual(cursor(T0 + 1));
    const knownRows = await again.knownOffers(ME, ['8300000002'], [2, 9, 11]);
    expect(knownRows.sort((a, b) => a.offerId.localeCompare(b.offerId))).toEqual([
      row('8300000001', 2),
      row('8300000002', 7, { isOurOffer: true }),
    ]);
    const pending = await again.pendingEvents(ME, 10);
    expect(pending.map((e) => [e.id, e.seq, e.deliveredAt])).toEqual([
      [`${ME}:8300000001:2`, 1, null],
      [`${ME}:8300000002:7`, 2, null],
    ]);
    await again.markDelivered(ME, pending[0]!.id, T0 + 9);
    expect((await again.pendingEvents(ME, 10)).map((e) => e.id)).toEqual([`${ME}:8300000002:7`]);
    // Another account sees nothing of this one.
    expect(await again.pendingEvents('76561198000000009', 10)).toEqual([]);
    await second.close();
  });

  it('undoes the whole commit when an offer is no longer in the expected state', async () => {
    const db = await openDatabase(await options());
    const store = new OfferWatchStoreDb(db.db);
    await store.commit({
      account: ME,
      offers: [{ offer: row('1', 2), expectedState: null }],
      events: [],
      cursor: cursor(T0),
    });
    const racing: WatchCommit = {
      account: ME,
      offers: [
        { offer: row('2', 2), expectedState: null },
        { offer: row('1', 3), expectedState: 9 },
      ],
      events: [event('x', '2')],
      cursor: cursor(T0 + 100),
    };
    await expect(store.commit(racing)).rejects.toBeInstanceOf(WatchConflictError);
    // A new row that exists already is a conflict too.
    await expect(
      store.commit({ account: ME, offers: [{ offer: row('1', 2), expectedState: null }], events: [] }),
    ).rejects.toBeInstanceOf(WatchConflictError);
    expect(await store.cursor(ME)).toEqual(cursor(T0));
    expect(await store.knownOffers(ME, ['1', '2'], [])).toEqual([row('1', 2)]);
    expect(await store.pendingEvents(ME, 10)).toEqual([]);
    // The same change against the right state goes through; a cursor-less commit leaves the cursor.
    await store.commit({ account: ME, offers: [{ offer: row('1', 3), expectedState: 2 }], events: [] });
    expect((await store.knownOffers(ME, ['1'], []))[0]?.state).toBe(3);
    expect(await store.cursor(ME)).toEqual(cursor(T0));
    await db.close();
  });

  it('records an event id once, however often it is committed', async () => {
    const db = await openDatabase(await options());
    const store = new OfferWatchStoreDb(db.db);
    await store.commit({ account: ME, offers: [], events: [event('2', '1')] });
    await store.commit({ account: ME, offers: [], events: [event('2', '1'), event('3', '1')] });
    expect((await store.pendingEvents(ME, 10)).map((e) => [e.id, e.seq])).toEqual([
      [`${ME}:1:2`, 1],
      [`${ME}:1:3`, 3],
    ]);
    await db.close();
  });

  it('hands out due reversal checks soonest first, reschedules them, and skips reverted offers', async () => {
    const db = await openDatabase(await options());
    const store = new OfferWatchStoreDb(db.db);
    const accepted = (id: string, due: number | null, over: Partial<KnownOffer> = {}) =>
      row(id, 3, {
        tradeId: `56000000000000000${id}`,
        acceptedAt: T0,
        reversalUntil: T0 + 1000,
        reversalDueAt: due,
        ...over,
      });
    await store.commit({
      account: ME,
      offers: [
        { offer: accepted('11', T0 + 50), expectedState: null },
        { offer: accepted('12', T0 + 10), expectedState: null },
        { offer: accepted('13', T0 + 500), expectedState: null },
        { offer: accepted('14', T0 + 5, { revertedAt: T0 }), expectedState: null },
        { offer: accepted('15', null), expectedState: null },
      ],
      events: [],
    });
    expect((await store.dueReversalChecks(ME, T0 + 100, 10)).map((o) => o.offerId)).toEqual(['12', '11']);
    expect((await store.dueReversalChecks(ME, T0 + 100, 1)).map((o) => o.offerId)).toEqual(['12']);
    await store.scheduleReversalCheck(ME, '12', T0 + 900);
    await store.scheduleReversalCheck(ME, '11', null);
    expect((await store.dueReversalChecks(ME, T0 + 1000, 10)).map((o) => o.offerId)).toEqual(['13', '12']);
    await db.close();
  });

  it('forgets acknowledged events older than asked, never pending ones', async () => {
    const db = await openDatabase(await options());
    const store = new OfferWatchStoreDb(db.db);
    await store.commit({
      account: ME,
      offers: [],
      events: [
        { ...event('a', '1'), recordedAt: T0 },
        { ...event('b', '1'), recordedAt: T0 + 10 },
        { ...event('c', '1'), recordedAt: T0 + 20 },
      ],
    });
    await store.markDelivered(ME, `${ME}:1:a`, T0 + 30);
    await store.markDelivered(ME, `${ME}:1:c`, T0 + 30);
    expect(await store.pruneEvents(ME, T0 + 25)).toBe(2);
    expect((await store.pendingEvents(ME, 10)).map((e) => e.id)).toEqual([`${ME}:1:b`]);
    await db.close();
  });
});
