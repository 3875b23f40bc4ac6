/**
 * The Steam market source against the emulator over real HTTP: bulk passes paged by what came
 * back, the names planner, other currencies through priceoverview, pacing shared with
 * inventories, and 429 cool-downs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/errors.js';
import { HttpClient, type HttpResponse } from '../../core/http/client.js';
import { startEmulator, type EmulatorScenarioInput, type StartedEmulator } from '../../emulator/index.js';
import { universeOf } from '../../emulator/steam/market/index.js';
import { inventoryClient, OWNER } from '../../../test/steam-fixtures.js';
import { requireCurrency } from './currencies.js';
import { interpretPriceOverview } from './steam-priceoverview.js';
import { SteamMarketSource, type SteamMarketSourceOptions } from './steam-source.js';

let emulator: StartedEmulator | undefined;
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await emulator?.close();
  emulator = undefined;
});

async function setup(scenario: EmulatorScenarioInput = {}, options: Partial<SteamMarketSourceOptions> = {}) {
  emulator = await startEmulator({ scenario: { market: { requestsPerWindow: 0 }, ...scenario } });
  const http = new HttpClient({ retries: 2, baseDelayMs: 5, maxDelayMs: 20 });
  closers.push(() => http.close());
  const source = new SteamMarketSource({ http, communityUrl: emulator.url, intervalMs: 0, ...options });
  return { source, emulator, http };
}

const USD = requireCurrency('USD');
const EUR = requireCurrency('EUR');
const marketRequests = (e: StartedEmulator) => e.stats.count({ pathPrefix: '/market/' });

/** Every listed CS2 item straight from the emulated market (not through the client). */
async function listing(url: string) {
  type Result = { hash_name: string; sell_price: number; sell_listings: number };
  const all: Result[] = [];
  for (;;) {
    const res = await fetch(
      `${url}/market/search/render/?norender=1&appid=730&count=100&start=${all.length}`,
    );
    const page = (await res.json()) as { results: Result[]; total_count: number };
    all.push(...page.results);
    if (page.results.length === 0 || all.length >= page.total_count) return all;
  }
}

describe('SteamMarketSource in USD', () => {
  it('reads a whole app in one pass of search pages, sell_price as cents', async () => {
    const { source, emulator } = await setup();
    const truth = await listing(emulator.url);
    emulator.reset();
    const batch = await source.prices({ appid: 730, currency: USD });
    expect(batch.scope).toBe('app');
    expect(batch.requests).toBe(Math.ceil(truth.length / 100));
    expect(marketRequests(emulator)).toBe(batch.requests);
    expect(batch.quotes).toHaveLength(truth.length);
    const byName = new Map(batch.quotes.map((q) => [q.marketHashName, q]));
    for (const item of truth) {
      const quote = byName.get(item.hash_name)!;
      if (item.sell_listings === 0) expect(quote.price).toBeUndefined();
      else expect(quote.price).toEqual({ amount: item.sell_price, currency: 'USD' });
    }
    // Listed without sell listings: Steam says sell_price 0, which is no price, not free.
    expect(truth.some((i) => i.sell_listings === 0)).toBe(true);
    expect(batch.quotes.every((q) => q.price === undefined || q.price.amount > 0)).toBe(true);
  });

  it('pages by what came back when Steam honours fewer than it was asked for', async () => {
    const { source, emulator } = await setup({ market: { requestsPerWindow: 0, searchPageCap: 10 } });
    const truth = await listing(emulator.url);
    emulator.reset();
    const batch = await source.prices({ appid: 730, currency: USD });
    expect(batch.requests).toBe(Math.ceil(truth.length / 10));
    expect(new Set(batch.quotes.map((q) => q.marketHashName)).size).toBe(truth.length);
    const starts = emulator.stats.requests.map((r) => r.path);
    expect(starts.every((p) => p === '/market/search/render/')).toBe(true);
  });

  it('prices a name with one request once fewer names are left than pages', async () => {
    const { source, emulator } = await setup();
    const truth = await listing(emulator.url);
    const late = truth.filter((i) => i.sell_listings > 0).slice(-1);
    emulator.reset();
    const batch = await source.prices({ appid: 730, currency: USD, names: late.map((i) => i.hash_name) });
    // One search page (it tells the market's size: 3 pages), then one priceoverview for the name.
    expect(batch.requests).toBe(2);
    expect(emulator.stats.count({ pathPrefix: '/market/priceoverview' })).toBe(1);
    for (const item of late) {
      expect(batch.quotes.find((q) => q.marketHashName === item.hash_name)?.price?.amount).toBe(
        item.sell_price,
      );
    }
  });

  it('stops reading pages once every name asked for is found', async () => {
    const { source, emulator } = await setup();
    const truth = await listing(emulator.url);
    emulator.reset();
    const batch = await source.prices({ appid: 730, currency: USD, names: [truth[0]!.hash_name] });
    expect(batch.requests).toBe(1);
    expect(batch.scope).toBe('names');
  });
});

describe('SteamMarketSource in other currencies', () => {
  it('prices names through priceoverview, reading Steam’s euro strings', async () => {
    const { source, emulator } = await setup({
      market: { requestsPerWindow: 0, prices: { '730/AK-47 | Redline (Field-Tested)': 123456 } },
    });
    const batch = await source.prices({
      appid: 730,
      currency: EUR,
      names: ['AK-47 | Redline (Field-Tested)', 'Not On The Market'],
    });
    expect(batch.requests).toBe(2);
    expect(emulator.stats.count({ pathPrefix: '/market/search' })).toBe(0);
    const redline = batch.quotes.find((q) => q.marketHashName === 'AK-47 | Redline (Field-Tested)');
    // $1,234.56 at the emulator's 0.92 is 1 135,80€.
    expect(redline?.price).toEqual({ amount: 113580, currency: 'EUR' });
    expect(batch.quotes.find((q) => q.marketHashName === 'Not On The Market')?.price).toBeUndefined();
  });

  it('refuses a whole-app pass outside USD, and too many names, before any request', async () => {
    const { source, emulator } = await setup({}, { maxItemRequests: 5 });
    await expect(source.prices({ appid: 730, currency: EUR })).rejects.toThrow(/USD only.*skinport/);
    const names = Array.from({ length: 6 }, (_, i) => `item ${i}`);
    await expect(source.prices({ appid: 730, currency: EUR, names })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(source.prices({ appid: 0, currency: USD })).rejects.toThrow(/app id/);
    expect(emulator.stats.requests).toHaveLength(0);
  });

  it('skips a price that does not parse, with a warning, instead of pricing it 0', () => {
    const res = (body: string): HttpResponse => ({
      status: 200,
      headers: {},
      body,
      request: { method: 'GET', url: 'http://emulator/market/priceoverview/' },
      route: 'direct',
    });
    const junk = interpretPriceOverview(
      res('{"success":true,"lowest_price":"1,23 USD?"}'),
      'x',
      'Case',
      EUR,
      1,
    );
    expect(junk.quote).toBeUndefined();
    expect(junk.warning).toMatch(/Case: "1,23 USD\?" is not a EUR price/);
    const other = interpretPriceOverview(res('{"success":true,"lowest_price":"$1.23"}'), 'x', 'Case', EUR, 1);
    expect(other.quote).toBeUndefined();
    const median = interpretPriceOverview(
      res('{"success":true,"median_price":"2,--€"}'),
      'x',
      'Case',
      EUR,
      1,
    );
    expect(median.quote?.price).toEqual({ amount: 200, currency: 'EUR' });
  });
});

describe('SteamMarketSource pacing', () => {
  it('shares the community host’s spacing with inventory requests', async () => {
    emulator = await startEmulator({
      scenario: {
        market: { requestsPerWindow: 0 },
        steam: { users: { [OWNER]: { inventories: { '730/2': { size: 10 } } } } },
      },
    });
    const http = new HttpClient({ retries: 0 });
    closers.push(() => http.close());
    const source = new SteamMarketSource({ http, communityUrl: emulator.url, intervalMs: 400 });
    const { client } = inventoryClient(emulator.url, { http, intervalMs: 400 });
    await Promise.all([
      client.fetchAll({ steamid: OWNER, appid: 730, contextid: 2 }),
      source.prices({ appid: 730, currency: USD, names: ['Snakebite Case'] }),
      source.prices({ appid: 730, currency: USD, names: ['Recoil Case'] }),
    ]);
    // The log stamps answers, not arrivals: half the spacing is a safe floor (unpaced, it is ~0).
    const times = emulator.stats.requests.map((r) => r.at).sort((a, b) => a - b);
    expect(times.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(200);
  });

  it('waits out a 429 cool-down and finishes the pass instead of retrying at the same pace', async () => {
    const { source, emulator } = await setup(
      { market: { searchPageCap: 10, requestsPerWindow: 8, windowMs: 400 } },
      { rateLimitCooldownMs: 250, patienceMs: 60_000 },
    );
    const listed = universeOf(730, emulator.scenario.market).items.length;
    const batch = await source.prices({ appid: 730, currency: USD });
    expect(new Set(batch.quotes.map((q) => q.marketHashName)).size).toBe(listed);
    const log = emulator.stats.requests;
    const limited = log.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    for (const hit of limited) {
      const next = log.find(
        (r) => r.at > hit.at || (r !== hit && r.at === hit.at && log.indexOf(r) > log.indexOf(hit)),
      );
      if (next) expect(next.at - hit.at).toBeGreaterThanOrEqual(150);
    }
  });

  it('gives up with the rate-limit error once its patience is spent', async () => {
    const { source } = await setup(
      { market: { searchPageCap: 10, requestsPerWindow: 2, windowMs: 60_000 } },
      { rateLimitCooldownMs: 100, patienceMs: 0 },
    );
    await expect(source.prices({ appid: 730, currency: USD })).rejects.toMatchObject({
      kind: 'partial_prices',
      partial: { requests: 2 },
    });
  });
});
