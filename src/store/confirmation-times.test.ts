/**
 * Used confirmation times on a real SQLite file and a real PostgreSQL: a time is claimed once
 * per account, old ones are forgotten but the newest 60 kept, and processes (and handles)
 * sharing the store and racing for the same second each get a second of their own.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reserveConfirmationTime } from '../steam/guard/time-ledger.js';
import { startPostgres, type PostgresServer } from '../../test/services/postgres.js';
import { ConfirmationTimeStoreDb } from './confirmation-times.js';
import { openDatabase, type StoreOptions } from './database.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BOT = '76561198000000990';
const OTHER = '76561198000000991';
const NOW = 1_800_000_000;

let pg: PostgresServer;
let dir: string;
let n = 0;

beforeAll(async () => {
  [pg, dir] = await Promise.all([startPostgres(), mkdtemp(join(tmpdir(), 'gamestash-conf-times-'))]);
});
afterAll(async () => {
  await pg?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const engines: [string, () => Promise<StoreOptions>][] = [
  ['sqlite', async () => ({ sqlitePath: join(dir, `times-${++n}.sqlite`) })],
  ['postgres', async () => ({ databaseUrl: await pg.createDatabase(`times_${++n}`) })],
];

function racer(store: StoreOptions, count: number, startAt: number): Promise<number[]> {
  const args = JSON.stringify({ store, steamid: BOT, count, now: NOW, startAt });
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'test/reserve-confirmation-times.ts', args],
      { cwd: ROOT, timeout: 60_000 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
  });
}

describe.each(engines)('confirmation times on %s', (_engine, options) => {
  it('claims a time once per account, lists and forgets them, keeping the newest 60', async () => {
    const database = await openDatabase(await options());
    try {
      const store = new ConfirmationTimeStoreDb(database.db);
      expect(await store.claim(BOT, NOW, 'list', Date.now())).toBe(true);
      expect(await store.claim(BOT, NOW, 'accept', Date.now())).toBe(false);
      expect(await store.claim(OTHER, NOW, 'list', Date.now())).toBe(true);
      for (let t = NOW - 100; t < NOW; t++) await store.claim(BOT, t, 'list', Date.now());
      expect(await store.used(BOT, NOW - 2, NOW + 5)).toEqual([NOW - 2, NOW - 1, NOW]);
      // Older than NOW - 10, but the newest 60 stay: NOW - 59 .. NOW.
      await store.prune(BOT, NOW - 10, 60);
      const left = await store.used(BOT, 0, NOW);
      expect(left).toHaveLength(60);
      expect(left[0]).toBe(NOW - 59);
      // Young ones stay whatever their number.
      await store.prune(BOT, NOW - 80, 5);
      expect(await store.used(BOT, 0, NOW)).toHaveLength(60);
      await store.prune(BOT, NOW - 5, 5);
      expect(await store.used(BOT, 0, NOW)).toEqual([NOW - 5, NOW - 4, NOW - 3, NOW - 2, NOW - 1, NOW]);
      // Another account's times are its own.
      expect(await store.used(OTHER, 0, NOW)).toEqual([NOW]);
    } finally {
      await database.close();
    }
  });

  it('gives two handles racing for the same second a second each', async () => {
    const opts = await options();
    // One after the other: two first opens of a new SQLite file would race its migration.
    const one = await openDatabase(opts);
    const two = await openDatabase(opts);
    try {
      const stores = [new ConfirmationTimeStoreDb(one.db), new ConfirmationTimeStoreDb(two.db)];
      const times = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          reserveConfirmationTime(stores[i % 2]!, BOT, 'list', {
            serverSeconds: async () => NOW,
            maxLeadSeconds: 100,
          }),
        ),
      );
      expect(new Set(times).size).toBe(30);
      expect([...times].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => NOW + i));
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('gives two processes racing for the same second a second each', async () => {
    const opts = await options();
    // Migrated once here, so the racers only race for times.
    await (await openDatabase(opts)).close();
    const startAt = Date.now() + 3000;
    const [a, b] = await Promise.all([racer(opts, 20, startAt), racer(opts, 20, startAt)]);
    const all = [...a, ...b];
    expect(all).toHaveLength(40);
    expect(new Set(all).size).toBe(40);
    expect(Math.min(...all)).toBe(NOW);
  }, 90_000);
});
