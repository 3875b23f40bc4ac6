/**
 * Prices through the store, on SQLite and PostgreSQL, against the emulator over real HTTP:
 * a warm cache costs no request, old prices are refreshed, a failing source leaves stale
 * prices marked stale, and valuation builds on it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../core/http/client.js';
import { startEmulator, type StartedEmulator } from '../../emulator/index.js';
import { openDatabase, type StoreDatabase, type StoreOptions } from '../../store/database.js';
import { PriceStore } from '../../store/prices.js';
import { startPostgres, type PostgresServer } from '../../../test/services/postgres.js';
import { inventoryClient, OWNER } from '../../../test/steam-fixtures.js';
import { requireCurrency } from './currencies.js';
import { PriceService } from './price-service.js';
import type { PriceSource } from './price-source.js';
import { SkinportSource } from './skinport-source.js';
import { SteamMarketSource } from './steam-source.js';
import { valueInventory } from './valuation.js';

let pg: PostgresServer;
let dir: string;
let emulator: StartedEmulator;
let n = 0;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  [pg, dir, emulator] = await Promise.all([
    startPostgres(),
    mkdtemp(join(tmpdir(), 'gamestash-prices-')),
    startEmulator({
      scenario: {
        market: { requestsPerWindow: 0, unlisted: ['Recoil Case'] },
        steam: { users: { [OWNER]: { inventories: { '730/2': { size: 3000 } } } } },
      },
    }),
  ]);
});
afterAll(async () => {
  await emulator?.close();
  await pg?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  emulator.reset();
});

const engines: [string, () => Promise<StoreOptions>][] = [
  ['sqlite', async () => ({ sqlitePath: join(dir, `prices-${++n}.sqlite`) })],
  ['postgres', async () => ({ databaseUrl: await pg.createDatabase(`prices_${++n}`) })],
];

const USD = requireCurrency('USD');

function sources(url: string) {
  const http = new HttpClient({ retries: 0 });
  closers.push(() => http.close());
  return {
    steam: new SteamMarketSource({ http, communityUrl: url, intervalMs: 0 }),
    skinport: new SkinportSource({ http, url, intervalMs: 0 }),
  } satisfies Record<string, PriceSource>;
}

/** A port nothing listens on: every request fails to connect. */
const DEAD_URL = 'http://127.0.0.1:9';

const marketRequests = () =>
  emulator.stats.count({ pathPrefix: '/market/' }) + emulator.stats.count({ pathPrefix: '/v1/' });

describe.each(engines)('PriceService on %s', (_engine, options) => {
  let database: StoreDatabase;
  beforeAll(async () => {
    database = await openDatabase(await options());
  });
  afterAll(() => database?.close());

  it('fetches a cold set once, then answers from the store without a request', async () => {
    // Sources stamp prices with the real clock; the service's clock runs ahead of it by `offset`.
    let offset = 0;
    const service = new PriceService({
      store: new PriceStore(database.db),
      sources: sources(emulator.url),
      maxAgeMs: 60_000,
      now: () => Date.now() + offset,
    });
    const names = [
      'Snakebite Case',
      'Recoil Case',
      'Kilowatt Case',
      'AK-47 | Redline (Field-Tested)',
      'Nothing Like It',
    ];
    // More names than pages: the source reads the whole app.
    const many = [...names, ...Array.from({ length: 10 }, (_, i) => `filler ${i}`)];
    const cold = await service.lookup({ source: 'steam', appid: 730, currency: USD, names: many });
    expect(cold.requests).toBe(3);
    expect(cold.prices.get('Snakebite Case')).toMatchObject({ stale: false, price: { currency: 'USD' } });
    expect(cold.prices.get('Snakebite Case')!.price!.amount).toBeGreaterThan(0);
    // Listed without listings, and not listed at all: missing, neither stale nor 0.
    expect(cold.prices.get('Recoil Case')).toMatchObject({ price: undefined, stale: false });
    expect(cold.prices.get('Nothing Like It')).toMatchObject({ price: undefined, stale: false });

    emulator.reset();
    offset += 30_000;
    const warm = await service.lookup({ source: 'steam', appid: 730, currency: USD, names });
    expect(warm.requests).toBe(0);
    expect(marketRequests()).toBe(0);
    expect(warm.prices.get('Snakebite Case')).toEqual(cold.prices.get('Snakebite Case'));
    expect(warm.prices.get('Nothing Like It')?.price).toBeUndefined();

    // Past the maximum age: fetched again.
    offset += 60_000;
    const again = await service.lookup({ source: 'steam', appid: 730, currency: USD, names });
    expect(again.requests).toBeGreaterThan(0);
    expect(again.prices.get('Snakebite Case')?.stale).toBe(false);
  });

  it('uses stored prices marked stale when the source fails, and says why', async () => {
    const store = new PriceStore(database.db);
    const good = new PriceService({
      store,
      sources: sources(emulator.url),
      maxAgeMs: 60_000,
    });
    const fresh = await good.lookup({
      source: 'skinport',
      appid: 730,
      currency: USD,
      names: ['Snakebite Case'],
    });
    expect(fresh.requests).toBe(1);
    // Two minutes later, by the clock of a service whose source is down.
    const later = () => Date.now() + 120_000;
    const down = new PriceService({ store, sources: sources(DEAD_URL), maxAgeMs: 60_000, now: later });
    const stale = await down.lookup({
      source: 'skinport',
      appid: 730,
      currency: USD,
      names: ['Snakebite Case', 'Never Priced'],
    });
    expect(stale.prices.get('Snakebite Case')).toEqual({
      ...fresh.prices.get('Snakebite Case'),
      stale: true,
    });
    expect(stale.prices.get('Never Priced')).toMatchObject({ price: undefined });
    expect(stale.staleReason).toMatch(/connection_failed/);
    expect((await store.set({ source: 'skinport', appid: 730, currency: 'USD' }))?.lastError).toMatch(
      /connection/,
    );
    // With nothing stored to fall back on, the failure itself is the answer.
    await expect(
      down.lookup({ source: 'skinport', appid: 252490, currency: USD, names: ['Big Grin'] }),
    ).rejects.toMatchObject({ kind: 'connection_failed' });
  });

  it('shares one pass between lookups made at the same time', async () => {
    const service = new PriceService({
      store: new PriceStore(database.db),
      sources: sources(emulator.url),
      maxAgeMs: 1,
    });
    const eur = requireCurrency('EUR');
    const [a, b] = await Promise.all([
      service.lookup({ source: 'skinport', appid: 252490, currency: eur, names: ['Big Grin'] }),
      service.lookup({ source: 'skinport', appid: 252490, currency: eur, names: ['Tempered AK47'] }),
    ]);
    expect(emulator.stats.count({ pathPrefix: '/v1/items' })).toBe(1);
    expect(a.prices.get('Big Grin')?.price?.currency).toBe('EUR');
    expect(b.prices.get('Tempered AK47')?.price?.currency).toBe('EUR');
  });

  it('values an inventory: lines most valuable first, totals with and without unmarketable items', async () => {
    const service = new PriceService({
      store: new PriceStore(database.db),
      sources: sources(emulator.url),
      maxAgeMs: 60_000,
    });
    const { client, http } = inventoryClient(emulator.url);
    closers.push(() => http.close());
    const items = await client.fetchItems({ steamid: OWNER, appid: 730, contextid: 2 });
    const valuation = await valueInventory(items, { currency: USD, source: 'steam', prices: service });
    const { lines, totals } = valuation;
    expect(totals.quantity).toBe(items.reduce((sum, i) => sum + i.amount, 0));
    expect(totals.lines).toBe(lines.length);
    const priced = lines.filter((l) => !l.missing);
    expect(totals.total.amount).toBe(priced.reduce((sum, l) => sum + l.total!.amount, 0));
    expect(totals.pricedQuantity + totals.missingQuantity).toBe(totals.quantity);
    for (let i = 1; i < priced.length; i++)
      expect(priced[i - 1]!.total!.amount).toBeGreaterThanOrEqual(priced[i]!.total!.amount);
    // Missing lines come last and are never worth 0.
    expect(
      lines.slice(priced.length).every((l) => l.missing && l.total === null && l.unitPrice === null),
    ).toBe(true);
    expect(lines.find((l) => l.marketHashName === '2025 Service Medal')?.missing).toBe(true);
    // Trade-held weapons are priced by name but count only in the total with unmarketable items.
    const held = lines.filter((l) => !l.missing && l.marketableQuantity < l.quantity);
    expect(held.length).toBeGreaterThan(0);
    const marketable = priced.reduce((sum, l) => sum + l.unitPrice!.amount * l.marketableQuantity, 0);
    expect(totals.marketableTotal.amount).toBe(marketable);
    expect(totals.marketableTotal.amount).toBeLessThan(totals.total.amount);
    for (const line of priced) expect(line.total!.amount).toBe(line.unitPrice!.amount * line.quantity);
  });
});
