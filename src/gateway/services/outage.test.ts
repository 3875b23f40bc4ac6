/**
 * What the gateway's services keep through a PostgreSQL outage (a real server, killed and
 * restarted): a key the store confirmed recently keeps working for OUTAGE_GRACE_MS and no
 * longer, a key never confirmed cannot be checked; usage counts wait and are written when
 * the store is back; cache writes are kept (bounded, latest per key) and written then.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { StoreUnavailableError } from '../../core/errors.js';
import { ApiKeyStore } from '../../store/api-keys.js';
import { CacheEntryStore } from '../../store/cache-entries.js';
import { openDatabase, type StoreDatabase } from '../../store/database.js';
import { startPostgres, type PostgresServer } from '../../../test/services/postgres.js';
import { CacheWriter } from './cache-writer.js';
import { KeyAuthenticator, OUTAGE_GRACE_MS } from './key-auth.js';

let pg: PostgresServer;
let database: StoreDatabase;
const logs: string[] = [];
const log = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });

beforeAll(async () => {
  pg = await startPostgres();
  database = await openDatabase({ databaseUrl: await pg.createDatabase('services') });
});
afterAll(async () => {
  vi.useRealTimers();
  await database?.close();
  await pg?.stop();
});

/** Until the store answers again (the pool reconnects by itself). */
async function afterRecovery(attempt: () => Promise<unknown>): Promise<void> {
  await expect
    .poll(
      () =>
        attempt().then(
          () => 'written',
          (e: unknown) => (e instanceof StoreUnavailableError ? 'away' : String(e)),
        ),
      {
        timeout: 15_000,
        interval: 200,
      },
    )
    .toBe('written');
}

describe('through a PostgreSQL outage', () => {
  it('keys: remembered ones keep working (within the grace), unknown ones cannot be checked, usage waits', async () => {
    const keys = new ApiKeyStore(database.db);
    const known = await keys.create({ name: 'known' });
    const unseen = await keys.create({ name: 'unseen' });
    // No normal caching at all: every check past the first goes to the store.
    const auth = new KeyAuthenticator(keys, 0, 60_000);
    expect((await auth.authenticate(known.key))?.id).toBe(known.record.id);
    for (let i = 0; i < 3; i++) auth.recordUse(known.record.id, false);

    await pg.kill();
    expect((await auth.authenticate(known.key))?.id).toBe(known.record.id);
    await expect(auth.authenticate(unseen.key)).rejects.toBeInstanceOf(StoreUnavailableError);
    for (let i = 0; i < 2; i++) auth.recordUse(known.record.id, true);
    await expect(auth.flush()).rejects.toBeInstanceOf(StoreUnavailableError);
    // The grace is bounded: past it, a key the store cannot confirm is refused too.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + OUTAGE_GRACE_MS + 1_000);
    await expect(auth.authenticate(known.key)).rejects.toBeInstanceOf(StoreUnavailableError);
    vi.useRealTimers();

    await pg.restart();
    await afterRecovery(() => auth.flush());
    expect(await keys.usage(known.record.id)).toEqual([
      { day: new Date().toISOString().slice(0, 10), requests: 5, cacheHits: 2 },
    ]);
    await auth.close();
  });

  it('cache writes: kept (latest per key, bounded) while it is away, written once it is back', async () => {
    const store = new CacheEntryStore(database.db);
    const writer = new CacheWriter(store, { log, retryEveryMs: 100, maxPendingSize: 20 });
    await writer.put({ key: 'gone', body: 'old', storedAt: 1 });
    await writer.put({ key: 'updated', body: 'v1', storedAt: 1 });

    await pg.kill();
    await writer.delete('gone');
    await writer.put({ key: 'updated', body: 'v2', storedAt: 2 });
    await writer.put({ key: 'updated', body: 'v3', storedAt: 3 });
    expect(writer.size).toBe(2);
    // Past 20 characters of kept bodies the oldest entry is given up (never a delete), and
    // the log says so.
    await writer.put({ key: 'big', body: 'b'.repeat(15), storedAt: 4 });
    expect(writer.size).toBe(3);
    await writer.put({ key: 'late', body: 'c'.repeat(4), storedAt: 5 });
    expect(writer.size).toBe(3);
    expect(logs.join('\n')).toContain('gave up the oldest');

    await pg.restart();
    await expect.poll(() => writer.size, { timeout: 15_000, interval: 100 }).toBe(0);
    expect(await store.get('gone')).toBeUndefined();
    expect(await store.get('updated')).toMatchObject({ body: 'v1', storedAt: 1 });
    expect(await store.get('big')).toMatchObject({ body: 'b'.repeat(15), storedAt: 4 });
    expect(await store.get('late')).toMatchObject({ body: 'c'.repeat(4), storedAt: 5 });
    expect(logs.join('\n')).toContain('cache writes kept during a store outage are written');
    await writer.close();
  });
});
