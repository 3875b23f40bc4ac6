/**
 * The store on both engines: a real SQLite file and a real PostgreSQL started by the test.
 * Each case closes and reopens the database, so "survives a restart" is checked everywhere.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
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
    const revoked = await reopened.revoke('alpha');
    expect(revoked.revokedAt).toBeGreaterThan(0);
    // Again: nothing changes, the first revocation's time stays.
    expect((await reopened.revoke('alpha')).revokedAt).toBe(revoked.revokedAt);
    await expect(reopened.revoke('nobody')).rejects.toThrow(/no key with id or name "nobody"/);
    expect(await reopened.findActive(a.key)).toBeUndefined();
    expect(await reopened.list()).toHaveLength(1);
    expect(await reopened.list({ includeRevoked: true })).toHaveLength(2);
    await second.close();
  });

  it('keeps key names unique, revoked keys included', async () => {
    const db = await openDatabase(await options());
    const keys = new ApiKeyStore(db.db);
    const one = await keys.create({ name: 'twin' });
    await expect(keys.create({ name: ' twin ' })).rejects.toThrow(
      new RegExp(`a key named "twin" already exists \\(${one.record.id}, active\\)`),
    );
    await keys.revoke('twin');
    await expect(keys.create({ name: 'twin' })).rejects.toThrow(/already exists \(key_\w+, revoked\)/);
    // Racing creations: the unique index refuses the second, with the same message.
    const raced = await Promise.allSettled([keys.create({ name: 'race' }), keys.create({ name: 'race' })]);
    expect(raced.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = raced.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(String(refused.reason)).toMatch(/a key named "race" already exists/);
    expect((await keys.find(one.record.id))?.name).toBe('twin');
    expect((await keys.find('race'))?.name).toBe('race');
    await db.close();
  });

  it('migrates a database that already has duplicate names: the active key keeps the name', async () => {
    const opts = await options();
    const before = await openDatabase(opts);
    // Back to the schema before names were unique, with duplicates in it.
    await sql`drop index api_keys_name_unique`.execute(before.db);
    await sql`delete from kysely_migration where name = '002_unique_key_names'`.execute(before.db);
    const long = 'n'.repeat(200);
    const rows: [string, string, number, number | null][] = [
      ['key_old_revoked', 'ci', 1, 2],
      ['key_active', 'ci', 3, null],
      ['key_newer', 'ci', 4, null],
      ['key_long_a', long, 1, null],
      ['key_long_b', long, 2, null],
      ['key_single', 'solo', 1, null],
    ];
    for (const [id, name, created, revoked] of rows) {
      await sql`insert into api_keys (id, name, key_hash, key_prefix, created_at, revoked_at)
        values (${id}, ${name}, ${`hash-${id}`}, 'gs_xxxxx', ${created}, ${revoked})`.execute(before.db);
    }
    await before.close();

    const after = await openDatabase(opts);
    const keys = new ApiKeyStore(after.db);
    const names = Object.fromEntries((await keys.list({ includeRevoked: true })).map((k) => [k.id, k.name]));
    expect(names).toEqual({
      key_old_revoked: 'ci (key_old_revoked)',
      key_active: 'ci',
      key_newer: 'ci (key_newer)',
      key_long_a: long,
      key_long_b: `${long.slice(0, 200 - ' (key_long_b)'.length)} (key_long_b)`,
      key_single: 'solo',
    });
    // From now on the index holds.
    await expect(keys.create({ name: 'ci' })).rejects.toThrow(/already exists \(key_active, active\)/);
    expect((await keys.revoke('ci')).id).toBe('key_active');
    await after.close();
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
