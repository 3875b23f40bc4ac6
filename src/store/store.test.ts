/**
 * The store on both engines: a real SQLite file and a real PostgreSQL started by the test.
 * Each case closes and reopens the database, so "survives a restart" is checked everywhere.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from '../../test/services/postgres.js';
import { ApiKeyStore, KEY_PATTERN } from './api-keys.js';
import { CacheEntryStore } from './cache-entries.js';
import { openDatabase, type StoreOptions } from './database.js';

let pg: PostgresServer;
let dir: string;
let n = 0;

beforeAll(async () => {
  [pg, dir] = await Promise.all([startPostgres(), mkdtemp(join(tmpdir(), 'gamestash-store-'))]);
});
afterAll(async () => {
  await pg?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const engines: [string, () => Promise<StoreOptions>][] = [
  ['sqlite', async () => ({ sqlitePath: join(dir, `store-${++n}.sqlite`) })],
  ['postgres', async () => ({ databaseUrl: await pg.createDatabase(`store_${++n}`) })],
];

describe.each(engines)('store on %s', (engine, options) => {
  it('creates, finds, lists and revokes keys, and keeps them across a restart', async () => {
    const opts = await options();
    const first = await openDatabase(opts);
    expect(first.engine).toBe(engine);
    const keys = new ApiKeyStore(first.db);
    const a = await keys.create({ name: 'alpha', quotaPerMinute: 30 });
    const b = await keys.create({ name: 'beta' });
    expect(a.key).toMatch(KEY_PATTERN);
    expect(a.record.prefix).toBe(a.key.slice(0, 8));
    expect(await keys.findActive(a.key)).toMatchObject({ id: a.record.id, quotaPerMinute: 30 });
    expect(await keys.findActive('gs_' + 'x'.repeat(32))).toBeUndefined();
    expect(await keys.findActive('not a key')).toBeUndefined();
    await keys.recordUsage([
      { keyId: b.record.id, requests: 3, cacheHits: 2, lastUsedAt: Date.UTC(2026, 0, 2) },
    ]);
    await keys.recordUsage([
      { keyId: b.record.id, requests: 2, cacheHits: 0, lastUsedAt: Date.UTC(2026, 0, 2, 5) },
    ]);
    await first.close();

    const second = await openDatabase(opts);
    const reopened = new ApiKeyStore(second.db);
    expect((await reopened.list()).map((k) => k.name)).toEqual(['alpha', 'beta']);
    expect(await reopened.usage(b.record.id)).toEqual([{ day: '2026-01-02', requests: 5, cacheHits: 2 }]);
    expect((await reopened.findActive(b.key))?.requestCount).toBe(5);
    expect((await reopened.revoke('alpha')).revokedAt).toBeGreaterThan(0);
    await expect(reopened.revoke('alpha')).rejects.toThrow(/no active key/);
    expect(await reopened.findActive(a.key)).toBeUndefined();
    expect(await reopened.list()).toHaveLength(1);
    expect(await reopened.list({ includeRevoked: true })).toHaveLength(2);
    await second.close();
  });

  it('refuses an ambiguous name and revokes by id instead', async () => {
    const db = await openDatabase(await options());
    const keys = new ApiKeyStore(db.db);
    const one = await keys.create({ name: 'twin' });
    await keys.create({ name: 'twin' });
    await expect(keys.revoke('twin')).rejects.toThrow(/revoke by id/);
    expect((await keys.revoke(one.record.id)).id).toBe(one.record.id);
    await db.close();
  });

  it('stores, replaces and purges cache entries, and keeps them across a restart', async () => {
    const opts = await options();
    const first = await openDatabase(opts);
    const cache = new CacheEntryStore(first.db);
    const big = JSON.stringify({
      assets: Array.from({ length: 20_000 }, (_, i) => ({ assetid: String(i) })),
    });
    await cache.put({ key: 'k1', body: '{"a":1}', storedAt: 1000 });
    await cache.put({ key: 'k1', body: big, storedAt: 2000 });
    await cache.put({ key: 'old', body: '{}', storedAt: 10 });
    await first.close();

    const second = await openDatabase(opts);
    const reopened = new CacheEntryStore(second.db);
    expect(await reopened.get('k1')).toEqual({ key: 'k1', body: big, storedAt: 2000 });
    expect(await reopened.storedAt('k1')).toBe(2000);
    expect(await reopened.purge(500)).toBe(1);
    expect(await reopened.get('old')).toBeUndefined();
    await second.ping();
    await second.close();
  });
});
