/**
 * The Skinport source against the emulator's Skinport endpoint over real HTTP: one request per
 * app and currency, Brotli bodies, its own pacing key, and bad input refused before a request.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidInputError, QueueTimeoutError, RateLimitError } from '../../core/errors.js';
import { HttpClient } from '../../core/http/client.js';
import { startEmulator, type EmulatorScenarioInput, type StartedEmulator } from '../../emulator/index.js';
import { universeOf } from '../../emulator/steam/market/index.js';
import { requireCurrency } from './currencies.js';
import { SkinportSource } from './skinport-source.js';
import { SteamMarketSource } from './steam-source.js';

let emulator: StartedEmulator | undefined;
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await emulator?.close();
  emulator = undefined;
});

async function setup(scenario: EmulatorScenarioInput = {}) {
  emulator = await startEmulator({ scenario });
  const http = new HttpClient({ retries: 0 });
  closers.push(() => http.close());
  return { source: new SkinportSource({ http, url: emulator.url, intervalMs: 0 }), emulator, http };
}

describe('SkinportSource', () => {
  it('prices a whole app in one Brotli-compressed request', async () => {
    const { source, emulator } = await setup();
    const batch = await source.prices({ appid: 730, currency: requireCurrency('EUR') });
    expect(batch).toMatchObject({
      source: 'skinport',
      scope: 'app',
      requests: 1,
      currency: 'EUR',
      warnings: [],
    });
    expect(emulator.stats.requests).toEqual([expect.objectContaining({ path: '/v1/items', status: 200 })]);
    expect(batch.quotes.length).toBeGreaterThan(200);
    const priced = batch.quotes.filter((q) => q.price);
    expect(priced.length).toBeGreaterThan(batch.quotes.length * 0.9);
    expect(priced.every((q) => q.price!.currency === 'EUR' && Number.isInteger(q.price!.amount))).toBe(true);
    // Listed with no sell listings anywhere: no price, not 0.
    expect(batch.quotes.some((q) => q.price === undefined)).toBe(true);
  });

  it('agrees with the Steam market within a spread (Skinport undercuts it)', async () => {
    const { source, emulator, http } = await setup({ market: { requestsPerWindow: 0 } });
    const steam = new SteamMarketSource({ http, communityUrl: emulator.url, intervalMs: 0 });
    const usd = requireCurrency('USD');
    const [a, b] = await Promise.all([
      source.prices({ appid: 730, currency: usd }),
      steam.prices({ appid: 730, currency: usd }),
    ]);
    const steamPrices = new Map(b.quotes.map((q) => [q.marketHashName, q.price?.amount]));
    let compared = 0;
    for (const quote of a.quotes) {
      const steamCents = steamPrices.get(quote.marketHashName);
      if (!quote.price || !steamCents || steamCents < 100) continue;
      compared++;
      expect(quote.price.amount / steamCents).toBeGreaterThanOrEqual(0.84);
      expect(quote.price.amount / steamCents).toBeLessThanOrEqual(0.99);
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('refuses an app or currency Skinport does not price, naming what it does, before any request', async () => {
    const { source, emulator } = await setup();
    await expect(source.prices({ appid: 570, currency: requireCurrency('USD') })).rejects.toThrow(
      /Skinport does not price app 570: it prices 730, 252490/,
    );
    const jpy = source.prices({ appid: 730, currency: requireCurrency('JPY') });
    await expect(jpy).rejects.toBeInstanceOf(InvalidInputError);
    await expect(jpy).rejects.toThrow(/not price in JPY: use one of AUD, BRL.*USD/);
    expect(emulator.stats.requests).toHaveLength(0);
  });

  it('reports Skinport’s 429 as a rate limit', async () => {
    const { source } = await setup({ market: { skinport: { requestsPerWindow: 1 } } });
    await source.prices({ appid: 730, currency: requireCurrency('USD') });
    await expect(source.prices({ appid: 252490, currency: requireCurrency('USD') })).rejects.toBeInstanceOf(
      RateLimitError,
    );
  });

  it('paces its requests on its own key, apart from the community host', async () => {
    emulator = await startEmulator({ scenario: { market: { requestsPerWindow: 0 } } });
    const http = new HttpClient({ retries: 0 });
    closers.push(() => http.close());
    // A minute's spacing and a one-second wait limit: a second request on one key must fail.
    const pace = { intervalMs: 60_000, maxQueueWaitMs: 1_000 };
    const source = new SkinportSource({ http, url: emulator.url, ...pace });
    const steam = new SteamMarketSource({ http, communityUrl: emulator.url, ...pace });
    const usd = requireCurrency('USD');
    await source.prices({ appid: 730, currency: usd });
    // The first name of the first search page: one request on the community host's key.
    const first = universeOf(730, emulator.scenario.market).items[0]!.marketHashName;
    expect((await steam.prices({ appid: 730, currency: usd, names: [first] })).requests).toBe(1);
    await expect(source.prices({ appid: 252490, currency: usd })).rejects.toBeInstanceOf(QueueTimeoutError);
  });
});
