/**
 * The background refresh against the emulator on a real SQLite store: only asked-for sets,
 * only when due, a failed set left alone for a while, other currencies name by name.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../core/http/client.js';
import { startEmulator, type StartedEmulator } from '../../emulator/index.js';
import { openDatabase, type StoreDatabase } from '../../store/database.js';
import { PriceStore } from '../../store/prices.js';
import { requireCurrency } from './currencies.js';
import { PriceService } from './price-service.js';
import { PriceRefreshTimer, refreshDuePrices } from './refresh.js';
import { SkinportSource } from './skinport-source.js';
import { SteamMarketSource } from './steam-source.js';

let emulator: StartedEmulator;
let dir: string;
let database: StoreDatabase;
let http: HttpClient;

beforeAll(async () => {
  [emulator, dir] = await Promise.all([
    startEmulator({ scenario: { market: { requestsPerWindow: 0 } } }),
    mkdtemp(join(tmpdir(), 'gamestash-refresh-')),
  ]);
  http = new HttpClient({ retries: 0 });
});
afterAll(async () => {
  await database?.close();
  await http?.close();
  await emulator?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});
let n = 0;
beforeEach(async () => {
  await database?.close();
  database = await openDatabase({ sqlitePath: join(dir, `refresh-${++n}.sqlite`) });
  emulator.reset();
});

function service(url = emulator.url, now?: () => number) {
  const store = new PriceStore(database.db);
  const prices = new PriceService({
    store,
    sources: {
      steam: new SteamMarketSource({ http, communityUrl: url, intervalMs: 0 }),
      skinport: new SkinportSource({ http, url, intervalMs: 0 }),
    },
    maxAgeMs: 60_000,
    ...(now ? { now } : {}),
  });
  return { store, prices };
}

describe('refreshDuePrices', () => {
  it('refreshes the sets someone asked for once they near their maximum age, and only those', async () => {
    const { store, prices } = service();
    await prices.lookup({
      source: 'skinport',
      appid: 730,
      currency: requireCurrency('USD'),
      names: ['Snakebite Case'],
    });
    expect(emulator.stats.count({ pathPrefix: '/v1/items' })).toBe(1);
    // Fresh: nothing to do.
    expect(await refreshDuePrices(prices, store)).toEqual({ refreshed: [], failed: [], skipped: [] });
    // 50 s later it is past 80% of its 60 s maximum age.
    const report = await refreshDuePrices(prices, store, { now: Date.now() + 50_000 });
    expect(report.refreshed).toEqual(['skinport/730/USD']);
    expect(emulator.stats.count({ pathPrefix: '/v1/items' })).toBe(2);
    // Asked for long ago: left to go cold.
    const cold = await refreshDuePrices(prices, store, { now: Date.now() + 8 * 86_400_000 });
    expect(cold.refreshed).toEqual([]);
  });

  it('leaves a set that just failed alone for a while', async () => {
    const down = service('http://127.0.0.1:9');
    await expect(
      down.prices.lookup({ source: 'skinport', appid: 730, currency: requireCurrency('EUR'), names: ['x'] }),
    ).rejects.toThrow();
    const first = await refreshDuePrices(down.prices, down.store, { now: Date.now() + 1_000 });
    expect(first.refreshed).toEqual([]);
    expect(first.failed).toEqual([]);
    const later = await refreshDuePrices(down.prices, down.store, { now: Date.now() + 120_000 });
    expect(later.failed).toEqual([expect.objectContaining({ set: 'skinport/730/EUR' })]);
  });

  it('refreshes a Steam set in another currency name by name', async () => {
    const { store, prices } = service();
    await prices.lookup({
      source: 'steam',
      appid: 730,
      currency: requireCurrency('GBP'),
      names: ['Snakebite Case', 'Recoil Case'],
    });
    emulator.reset();
    const report = await refreshDuePrices(prices, store, { now: Date.now() + 55_000 });
    expect(report.refreshed).toEqual(['steam/730/GBP']);
    expect(emulator.stats.count({ pathPrefix: '/market/priceoverview' })).toBe(2);
    expect(emulator.stats.count({ pathPrefix: '/market/search' })).toBe(0);
  });
});

describe('PriceRefreshTimer', () => {
  it('never runs two rounds at once', async () => {
    let running = 0;
    let most = 0;
    let rounds = 0;
    const timer = new PriceRefreshTimer(async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 30));
      running--;
      rounds++;
    }, 5);
    timer.start();
    await Promise.all([timer.tick(), timer.tick(), timer.tick()]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await timer.stop();
    expect(rounds).toBeGreaterThan(0);
    expect(most).toBe(1);
  });
});
