/**
 * The store on both engines: a real SQLite file and a real PostgreSQL started by the test.
 * Each case closes and reopens the database, so "survives a restart" is checked everywhere.
 * Last, the store's failures: a PostgreSQL killed and restarted under an open store, and an
 * SQLite file that cannot be created.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../core/errors.js';
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

  it('lets a late write land only when nothing newer is stored (putUnlessNewer)', async () => {
    const db = await openDatabase(await options());
    const cache = new CacheEntryStore(db.db);
    await cache.putUnlessNewer({ key: 'k', body: 'first', storedAt: 100 });
    await cache.put({ key: 'k', body: 'fresh', storedAt: 300 });
    await cache.putUnlessNewer({ key: 'k', body: 'late', storedAt: 200 });
    expect(await cache.get('k')).toEqual({ key: 'k', body: 'fresh', storedAt: 300 });
    await cache.putUnlessNewer({ key: 'k', body: 'newer', storedAt: 400 });
    expect((await cache.get('k'))?.body).toBe('newer');
    await db.close();
  });
});

// Kills and restarts the shared PostgreSQL: keep these last.
describe('store failures', () => {
  it('a PostgreSQL lost under an open store: StoreUnavailableError in plain words, then recovery', async () => {
    const events: [boolean, string | undefined][] = [];
    const db = await openDatabase({
      databaseUrl: await pg.createDatabase('lost'),
      onAvailability: (available, reason) => events.push([available, reason]),
    });
    const cache = new CacheEntryStore(db.db);
    await cache.put({ key: 'k', body: 'kept', storedAt: 1 });
    await pg.kill();
    for (let i = 0; i < 2; i++) {
      const error = await cache.get('k').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error).toMatchObject({ store: 'PostgreSQL', kind: 'store_unavailable' });
      expect((error as Error).message).toMatch(/^PostgreSQL at postgres:\/\/\S+\/lost is unavailable: /);
      expect((error as Error).message).not.toMatch(
        /Connection terminated|ECONNREFUSED|terminating connection/,
      );
    }
    await expect(db.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    await pg.restart();
    const read = () =>
      cache.get('k').then(
        (entry) => entry?.body,
        (error: unknown) => (error instanceof StoreUnavailableError ? 'unavailable' : String(error)),
      );
    await expect.poll(read, { timeout: 15_000, interval: 200 }).toBe('kept');
    // Told once when it went, once when it came back.
    expect(events).toEqual([
      [false, expect.any(String)],
      [true, undefined],
    ]);
    await db.close();
  });

  it('an SQLite file that cannot be created: StoreUnavailableError naming the file and why', async () => {
    const file = join(dir, 'not-a-directory');
    await writeFile(file, 'x');
    const error = await openDatabase({ sqlitePath: join(file, 'store.sqlite') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({
      store: 'SQLite',
      location: join(file, 'store.sqlite'),
      reason: 'a part of the path is a file, not a directory',
    });
  });
});
