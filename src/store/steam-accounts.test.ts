/**
 * Registered Steam accounts encrypted at rest, on a real SQLite file and a real PostgreSQL:
 * the stored row holds no secret in any form, a wrong or missing GAMESTASH_SECRET_KEY fails
 * clearly (never garbage), a sealed value does not open on another row, and keys from before
 * scopes keep the read scopes through the migration.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from '../../test/services/postgres.js';
import { tradingAccounts } from './accounts-migration.js';
import { ApiKeyStore } from './api-keys.js';
import { openDatabase, type StoreOptions } from './database.js';
import { SecretBox, SecretKeyError } from './secret-box.js';
import { SteamAccountStore, type NewSteamAccount } from './steam-accounts.js';

let pg: PostgresServer;
let dir: string;
let n = 0;

beforeAll(async () => {
  [pg, dir] = await Promise.all([startPostgres(), mkdtemp(join(tmpdir(), 'gamestash-accounts-'))]);
});
afterAll(async () => {
  await pg?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const HEX_KEY = 'a1'.repeat(32);
const BASE64_KEY = Buffer.alloc(32, 7).toString('base64');
const PASSPHRASE = 'correct horse battery staple';

const COOKIE =
  'steamLoginSecure=76561198000000701%7C%7CeyJhbGciOiJFZERTQSJ9.eyJzdWIiOiI3NjU2MSJ9.c2lnbmF0dXJl';
const SHARED = 'c2hhcmVkLXNlY3JldC0yMC1ieXQ=';
const IDENTITY = 'aWRlbnRpdHktc2VjcmV0LTIwYnk=';
const API_KEY = '0123456789ABCDEF0123456789ABCDEF';

const account = (over: Partial<NewSteamAccount> = {}): NewSteamAccount => ({
  name: 'bot1',
  steamid: '76561198000000701',
  secrets: {
    cookies: COOKIE,
    sessionId: 'abcdef123456',
    sharedSecret: SHARED,
    identitySecret: IDENTITY,
    apiKey: API_KEY,
  },
  present: ['shared_secret', 'identity_secret', 'api_key'],
  sessionExpiresAt: Date.UTC(2030, 0, 1),
  watch: true,
  ...over,
});

describe('SecretBox', () => {
  it('reads 32 bytes as hex or base64, anything else long enough as a passphrase', async () => {
    for (const key of [HEX_KEY, BASE64_KEY, PASSPHRASE]) {
      const box = SecretBox.fromSecretKey(key);
      const sealed = await box.seal('the secret', 'ctx');
      expect(sealed).toMatch(/^gs1\.(hkdf|scrypt)\./);
      expect(sealed).not.toContain('the secret');
      expect(await SecretBox.fromSecretKey(key).open(sealed, 'ctx')).toBe('the secret');
    }
    expect((await SecretBox.fromSecretKey(PASSPHRASE).seal('x', 'c')).split('.')[1]).toBe('scrypt');
    expect((await SecretBox.fromSecretKey(HEX_KEY).seal('x', 'c')).split('.')[1]).toBe('hkdf');
  });

  it('seals the same text differently each time (a random salt and IV per record)', async () => {
    const box = SecretBox.fromSecretKey(HEX_KEY);
    const [a, b] = await Promise.all([box.seal('same', 'ctx'), box.seal('same', 'ctx')]);
    expect(a).not.toBe(b);
  });

  it('refuses a missing or short key, and names GAMESTASH_SECRET_KEY without echoing it', () => {
    expect(() => SecretBox.fromSecretKey(undefined)).toThrow(/GAMESTASH_SECRET_KEY is not set/);
    expect(() => SecretBox.fromSecretKey('  ')).toThrow(SecretKeyError);
    const short = (() => {
      try {
        SecretBox.fromSecretKey('hunter2-short');
      } catch (error) {
        return error as SecretKeyError;
      }
    })();
    expect(short).toBeInstanceOf(SecretKeyError);
    expect(short?.problem).toBe('invalid');
    expect(short?.parameter).toBe('GAMESTASH_SECRET_KEY');
    expect(short?.message).not.toContain('hunter2');
  });

  it('fails clearly with another key, another context or an altered record', async () => {
    const sealed = await SecretBox.fromSecretKey(HEX_KEY).seal('cookie', 'steam_accounts:bot1');
    const wrong = SecretBox.fromSecretKey('b2'.repeat(32));
    await expect(wrong.open(sealed, 'steam_accounts:bot1', 'account bot1')).rejects.toMatchObject({
      problem: 'mismatch',
      message: expect.stringMatching(
        /account bot1: GAMESTASH_SECRET_KEY is not the key they were stored with/,
      ),
    });
    const right = SecretBox.fromSecretKey(HEX_KEY);
    await expect(right.open(sealed, 'steam_accounts:bot2')).rejects.toMatchObject({ problem: 'corrupt' });
    const parts = sealed.split('.');
    parts[6] = Buffer.from('tampered!').toString('base64url');
    await expect(right.open(parts.join('.'), 'steam_accounts:bot1')).rejects.toMatchObject({
      problem: 'corrupt',
    });
    await expect(right.open('not sealed', 'x')).rejects.toMatchObject({ problem: 'corrupt' });
  });
});

const engines: [string, () => Promise<StoreOptions>][] = [
  ['sqlite', async () => ({ sqlitePath: join(dir, `accounts-${++n}.sqlite`) })],
  ['postgres', async () => ({ databaseUrl: await pg.createDatabase(`accounts_${++n}`) })],
];

describe.each(engines)('steam accounts on %s', (_engine, options) => {
  it('stores no secret in the clear, lists without the key, opens with it and only with it', async () => {
    const opts = await options();
    const database = await openDatabase(opts);
    try {
      const store = new SteamAccountStore(database.db, SecretBox.fromSecretKey(HEX_KEY));
      const added = await store.add(account());
      expect(added).toMatchObject({ name: 'bot1', steamid: '76561198000000701', watch: true });

      const rows = await sql<Record<string, unknown>>`select * from steam_accounts`.execute(database.db);
      const raw = JSON.stringify(rows.rows);
      for (const secret of [
        COOKIE,
        'eyJhbGciOiJFZERTQSJ9',
        'abcdef123456',
        SHARED,
        IDENTITY,
        API_KEY,
        HEX_KEY,
      ]) {
        expect(raw).not.toContain(secret);
        expect(raw).not.toContain(Buffer.from(secret).toString('base64'));
      }

      // Listing needs no key: names, SteamIDs, expiry and which secrets are present.
      const listed = await new SteamAccountStore(database.db).list();
      expect(listed).toEqual([
        expect.objectContaining({
          name: 'bot1',
          present: ['shared_secret', 'identity_secret', 'api_key'],
          sessionExpiresAt: Date.UTC(2030, 0, 1),
        }),
      ]);

      const opened = await store.open('bot1');
      expect(opened?.secrets).toEqual(account().secrets);
      await expect(
        new SteamAccountStore(database.db, SecretBox.fromSecretKey(PASSPHRASE)).open('bot1'),
      ).rejects.toMatchObject({ problem: 'mismatch' });
      expect(await store.open('nobody')).toBeUndefined();

      // A sealed value copied onto another row does not open there.
      await store.add(account({ name: 'bot2', steamid: '76561198000000702' }));
      await sql`update steam_accounts set secrets = (select secrets from steam_accounts where name = 'bot1') where name = 'bot2'`.execute(
        database.db,
      );
      await expect(store.open('bot2')).rejects.toMatchObject({ problem: 'corrupt' });
    } finally {
      await database.close();
    }
  });

  it('refuses a taken name or SteamID, updates, and removes an account from the keys that had it', async () => {
    const database = await openDatabase(await options());
    try {
      const store = new SteamAccountStore(database.db, SecretBox.fromSecretKey(BASE64_KEY));
      await store.add(account());
      await expect(store.add(account())).rejects.toThrow(/an account named "bot1" already exists/);
      await expect(store.add(account({ name: 'other' }))).rejects.toThrow(
        /SteamID 76561198000000701 is already registered as "bot1"/,
      );
      const before = (await store.find('bot1'))!;
      await new Promise((r) => setTimeout(r, 5));
      const updated = await store.update('bot1', {
        secrets: { cookies: 'steamLoginSecure=new' },
        present: [],
        watch: false,
      });
      expect(updated).toMatchObject({ present: [], watch: false });
      expect(updated.updatedAt).toBeGreaterThan(before.updatedAt);
      expect((await store.open('bot1'))?.secrets).toEqual({ cookies: 'steamLoginSecure=new' });
      await expect(store.update('nobody', { watch: true })).rejects.toThrow(/no account named "nobody"/);

      const keys = new ApiKeyStore(database.db);
      const one = await keys.create({ name: 'one', scopes: ['offers:read'], accounts: ['bot1', 'bot9'] });
      const all = await keys.create({ name: 'all', scopes: ['offers:read'], accounts: ['*'] });
      await store.remove('bot1');
      expect(await store.find('bot1')).toBeUndefined();
      expect((await keys.find(one.record.id))?.accounts).toEqual(['bot9']);
      expect((await keys.find(all.record.id))?.accounts).toEqual(['*']);
      await expect(store.remove('bot1')).rejects.toThrow(/no account named "bot1"/);
    } finally {
      await database.close();
    }
  });

  it('gives keys from before scopes the read scopes, and new keys the same by default', async () => {
    const opts = await options();
    let database = await openDatabase(opts);
    // Back to the schema before the migration, with a key made then.
    await tradingAccounts.down!(database.db as Kysely<unknown>);
    await sql`delete from kysely_migration where name = '008_trading_accounts'`.execute(database.db);
    await sql`insert into api_keys (id, name, key_hash, key_prefix, quota_per_minute, created_at, request_count)
      values ('key_old', 'old', ${'c'.repeat(64)}, 'gs_abcde', null, 1, 0)`.execute(database.db);
    await database.close();

    database = await openDatabase(opts);
    try {
      const keys = new ApiKeyStore(database.db);
      expect(await keys.find('old')).toMatchObject({
        scopes: ['inventory:read', 'webapi:read'],
        accounts: [],
      });
      const fresh = await keys.create({ name: 'fresh' });
      expect(fresh.record).toMatchObject({ scopes: ['inventory:read', 'webapi:read'], accounts: [] });
      const updated = await keys.update('fresh', {
        scopes: ['offers:read', 'offers:write'],
        accounts: ['bot1'],
      });
      expect(await keys.find(updated.id)).toMatchObject({
        scopes: ['offers:read', 'offers:write'],
        accounts: ['bot1'],
      });
    } finally {
      await database.close();
    }
  });
});
