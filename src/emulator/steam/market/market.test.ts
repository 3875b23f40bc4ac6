/**
 * The emulated community market and Skinport endpoint over real HTTP: Steam's formatted
 * strings per currency, its burst limit, the quirks the clients must survive.
 */
import { brotliDecompressSync } from 'node:zlib';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startEmulator,
  validateScenario,
  type EmulatorScenarioInput,
  type StartedEmulator,
} from '../../index.js';

let emulator: StartedEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const REDLINE = 'AK-47 | Redline (Field-Tested)';
const CASE = 'Snakebite Case';

async function start(market: EmulatorScenarioInput['market'] = {}) {
  emulator = await startEmulator({
    scenario: { market: { prices: { [`730/${REDLINE}`]: 123456, [`730/${CASE}`]: 10000 }, ...market } },
  });
  return emulator;
}

async function overview(name: string, currency: number) {
  const url = `${emulator!.url}/market/priceoverview/?appid=730&currency=${currency}&market_hash_name=${encodeURIComponent(name)}`;
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, string | boolean> };
}

describe('emulated priceoverview', () => {
  it.each([
    [1, '$1,234.56'],
    [2, '£975.30'],
    [3, '1 135,80€'],
    [5, '113 580,00 pуб.'],
    [7, 'R$ 6.666,62'],
    [8, '¥ 185,184'],
    [20, 'CDN$ 1,679.00'],
    [23, '¥ 8,888.83'],
  ])('writes currency %i the way Steam does: %s', async (currency, text) => {
    await start();
    expect((await overview(REDLINE, currency)).body.lowest_price).toBe(text);
  });

  it('writes whole euros as ",--"', async () => {
    await start();
    expect((await overview(CASE, 3)).body.lowest_price).toBe('92,--€');
  });

  it('answers {"success": false} with a 500 for a name the market does not list', async () => {
    await start();
    expect(await overview('No Such Item', 1)).toEqual({ status: 500, body: { success: false } });
    // A medal cannot be sold: not listed either.
    expect((await overview('2025 Service Medal', 1)).status).toBe(500);
  });

  it('answers success without a price for an item listed with no sell listings', async () => {
    await start({ unlisted: [REDLINE] });
    expect(await overview(REDLINE, 1)).toEqual({ status: 200, body: { success: true } });
  });

  it('answers 429 with a null body and no Retry-After after about 20 market requests', async () => {
    await start({ requestsPerWindow: 20 });
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await fetch(`${emulator!.url}/market/search/render/?norender=1&appid=730&start=${i}`);
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get('retry-after')).toBeNull();
        expect(await res.text()).toBe('null');
      } else await res.arrayBuffer();
    }
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });
});

describe('emulated market search', () => {
  it('pages by name in US cents whatever currency is asked, at most searchPageCap a page', async () => {
    await start({ searchPageCap: 10 });
    const res = await fetch(
      `${emulator!.url}/market/search/render/?norender=1&appid=730&count=100&currency=3`,
    );
    const page = (await res.json()) as {
      pagesize: number;
      total_count: number;
      results: { hash_name: string; sell_price: number; sell_price_text: string }[];
    };
    expect(page.pagesize).toBe(10);
    expect(page.results).toHaveLength(10);
    expect(page.total_count).toBeGreaterThan(200);
    const names = page.results.map((r) => r.hash_name);
    expect([...names].sort()).toEqual(names);
    for (const r of page.results) expect(r.sell_price_text).toMatch(/^\$\d/);
  });
});

describe('emulated Skinport', () => {
  const items = (query: string, headers: Record<string, string> = { 'accept-encoding': 'br' }) =>
    fetch(`${emulator!.url}/v1/items?${query}`, { headers });

  it('answers Brotli to clients that accept it and 406 to the others', async () => {
    await start();
    const refused = await items('app_id=730&currency=USD', { 'accept-encoding': 'gzip' });
    expect(refused.status).toBe(406);
    expect(await refused.json()).toEqual({ errors: [expect.objectContaining({ id: 'not_acceptable' })] });
    // undici's request hands over the bytes as they came over the wire.
    const res = await request(`${emulator!.url}/v1/items?app_id=730&currency=USD&tradable=0`, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    const bytes = Buffer.from(await res.body.arrayBuffer());
    const list = JSON.parse(brotliDecompressSync(bytes).toString()) as {
      market_hash_name: string;
      min_price: number | null;
      suggested_price: number | null;
      currency: string;
    }[];
    expect(list.find((i) => i.market_hash_name === REDLINE)).toMatchObject({ currency: 'USD' });
    expect(list.every((i) => i.min_price === null || typeof i.min_price === 'number')).toBe(true);
  });

  it('refuses apps and currencies it does not price, and limits requests per window', async () => {
    await start({ skinport: { requestsPerWindow: 3 } });
    expect((await items('app_id=570&currency=USD')).status).toBe(400);
    expect((await items('app_id=730&currency=JPY')).status).toBe(400);
    expect((await items('app_id=252490&currency=EUR')).status).toBe(200);
    const limited = await items('app_id=730&currency=USD');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({
      errors: [expect.objectContaining({ id: 'rate_limit_exceeded' })],
    });
  });
});

describe('market scenario', () => {
  it('rejects unknown or mistyped fields with their path', () => {
    expect(() => validateScenario({ market: { searchPageCap: 0 } })).toThrow(/market\.searchPageCap/);
    expect(() => validateScenario({ market: { prices: { redline: 5 } } })).toThrow(/market\.prices/);
    expect(() => validateScenario({ market: { nope: 1 } })).toThrow(/market/);
  });
});
