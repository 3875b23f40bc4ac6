/**
 * The value and history routes, and `prices=1`, over real HTTP against the emulator on a real
 * SQLite file: warm prices cost no request, bad input names what is accepted, history values
 * and diffs, everything in the OpenAPI document. The BullMQ refresh runs on a real Redis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { recordSnapshot } from '../steam/snapshots/record.js';
import { startGateway, type Json, type TestGateway } from '../../test/services/gateway.js';
import { startRedis, type RedisServer } from '../../test/services/redis.js';
import { startPriceRefresh } from './services/price-refresh.js';
import { pino } from 'pino';

const OWNER = '76561198000006000';
let emulator: StartedEmulator;
let gw: TestGateway;
let key: string;

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      steam: { users: { [OWNER]: { inventories: { '730/2': { size: 3000 } } } } },
      market: { requestsPerWindow: 0, prices: { '730/AK-47 | Redline (Field-Tested)': 123456 } },
    },
  });
  gw = await startGateway({
    emulatorUrl: emulator.url,
    env: { GAMESTASH_SKINPORT_URL: emulator.url, GAMESTASH_SKINPORT_INTERVAL_MS: '0' },
  });
  key = await gw.key();
});
afterAll(async () => {
  await gw?.close();
  await emulator?.close();
});

const path = (suffix: string, query = '') =>
  `/v1/steam/inventory/${OWNER}/730/2${suffix}?api_key=${key}${query}`;
const priceRequests = () =>
  emulator.stats.count({ pathPrefix: '/market/' }) + emulator.stats.count({ pathPrefix: '/v1/items' });

describe('GET .../value', () => {
  it('values the inventory: lines most valuable first, totals, money as minor units and Steam text', async () => {
    const res = await gw.get(path('/value', '&limit=5000'));
    expect(res.status).toBe(200);
    const body = res.body as Json;
    expect(body).toMatchObject({
      steamid: OWNER,
      appid: '730',
      contextid: '2',
      currency: 'USD',
      source: 'steam',
    });
    expect(body.price_requests).toBeGreaterThan(0);
    const priced = body.lines.filter((l: Json) => !l.missing);
    const sum = priced.reduce((s: number, l: Json) => s + l.total.amount, 0);
    expect(body.totals.total.amount).toBe(sum);
    expect(body.totals.total.text).toMatch(/^\$[\d,]+\.\d\d$/);
    for (let i = 1; i < priced.length; i++)
      expect(priced[i - 1].total.amount).toBeGreaterThanOrEqual(priced[i].total.amount);
    expect(body.lines.at(-1).missing).toBe(true);
    expect(body.lines.at(-1).unitPrice).toBeNull();
    expect(priced[0].iconUrl).toMatch(/^https:\/\//);
    const redline = body.lines.find((l: Json) => l.marketHashName === 'AK-47 | Redline (Field-Tested)');
    if (redline) expect(redline.unitPrice).toEqual({ amount: 123456, currency: 'USD', text: '$1,234.56' });
  });

  it('costs no price request while the prices are fresh', async () => {
    emulator.reset();
    const res = await gw.get(path('/value'));
    expect(res.status).toBe(200);
    expect(res.body.price_requests).toBe(0);
    expect(priceRequests()).toBe(0);
  });

  it('prices in another currency from Skinport, in one request', async () => {
    emulator.reset();
    const res = await gw.get(path('/value', '&currency=EUR&source=skinport'));
    expect(res.status).toBe(200);
    expect(res.body.totals.total.currency).toBe('EUR');
    expect(res.body.totals.total.text).toMatch(/€$/);
    expect(emulator.stats.count({ pathPrefix: '/v1/items' })).toBe(1);
  });

  it('refuses unknown currencies, sources and apps a source does not price, naming what it accepts', async () => {
    const currency = await gw.get(path('/value', '&currency=XYZ'));
    expect(currency.status).toBe(400);
    expect(currency.body.error).toMatchObject({ code: 'invalid_input', parameter: 'currency' });
    expect(currency.body.error.message).toMatch(/USD, GBP, EUR/);
    const source = await gw.get(path('/value', '&source=csfloat'));
    expect(source.status).toBe(400);
    expect(source.body.error.message).toMatch(/source.*steam or skinport/);
    const app = await gw.get(`/v1/steam/inventory/${OWNER}/570/2/value?api_key=${key}&source=skinport`);
    expect(app.status).toBe(400);
    expect(app.body.error.message).toMatch(/Skinport does not price app 570: it prices 730, 252490/);
  });
});

describe('prices=1 on the normalized inventory', () => {
  it('adds each item’s unit price, or null', async () => {
    const res = await gw.get(`/v1/steam/inventory/${OWNER}/730/2?api_key=${key}&prices=1&limit=200`);
    expect(res.status).toBe(200);
    const items = res.body.items as Json[];
    expect(items.every((i) => 'price' in i)).toBe(true);
    const priced = items.filter((i) => i.price);
    expect(priced.length).toBeGreaterThan(100);
    expect(priced[0].price).toMatchObject({ unit: { currency: 'USD' }, source: 'steam', stale: false });
    const plain = await gw.get(`/v1/steam/inventory/${OWNER}/730/2?api_key=${key}&limit=5`);
    expect(plain.body.items[0]).not.toHaveProperty('price');
  });
});

describe('GET .../history', () => {
  it('lists snapshots with their value over time and diffs the two newest', async () => {
    const items = (
      await gw.app.services.inventory.get(
        { steamid64: OWNER, appid: '730', contextid: '2', language: 'english' },
        { keyId: 'test' },
      )
    ).entry.items;
    const store = gw.app.services.market.snapshots;
    const first = await recordSnapshot(store, {
      steamid: OWNER,
      appid: 730,
      contextid: 2,
      items: items.slice(0, 2000),
      takenAt: 1_000,
    });
    const second = await recordSnapshot(store, {
      steamid: OWNER,
      appid: 730,
      contextid: 2,
      items: items.slice(10),
      takenAt: 2_000,
    });
    const res = await gw.get(path('/history'));
    expect(res.status).toBe(200);
    expect(res.body.snapshots.map((s: Json) => s.id)).toEqual([second.id, first.id]);
    expect(res.body.snapshots[0].value).toMatchObject({ atSnapshotTime: false, total: { currency: 'USD' } });
    expect(res.body.diff.counts).toMatchObject({ removed: 10, added: items.length - 2000 });
    const between = await gw.get(path('/history', `&from=${second.id}&to=${first.id}&value=0&diff_limit=3`));
    expect(between.body.diff.counts.added).toBe(10);
    expect(between.body.diff.added).toHaveLength(3);
    expect(between.body.diff.truncated).toBe(true);
    expect(between.body.snapshots[0]).not.toHaveProperty('value');
  });

  it('refuses snapshot ids that do not exist or are of another inventory', async () => {
    const missing = await gw.get(path('/history', '&from=999999&to=999998'));
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/no snapshot 999999/);
    const store = gw.app.services.market.snapshots;
    const other = await recordSnapshot(store, {
      steamid: '76561198000006001',
      appid: 730,
      contextid: 2,
      items: [],
    });
    const again = await recordSnapshot(store, {
      steamid: '76561198000006001',
      appid: 730,
      contextid: 2,
      items: [],
    });
    const stranger = await gw.get(path('/history', `&from=${other.id}&to=${again.id}`));
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.message).toMatch(/not of this inventory/);
    const half = await gw.get(path('/history', '&from=1'));
    expect(half.body.error.message).toMatch(/both from and to/);
  });
});

describe('OpenAPI', () => {
  it('documents the value and history routes and prices=1', async () => {
    const doc = (await gw.get('/openapi.json')).body as Json;
    expect(doc.paths).toHaveProperty(['/v1/steam/inventory/{steamid}/{appid}/{contextid}/value']);
    expect(doc.paths).toHaveProperty(['/v1/steam/inventory/{steamid}/{appid}/{contextid}/history']);
    const params = doc.paths['/v1/steam/inventory/{steamid}/{appid}/{contextid}'].get.parameters.map(
      (p: Json) => p.name,
    );
    expect(params).toEqual(expect.arrayContaining(['prices', 'currency', 'source']));
    expect(doc.components.schemas).toHaveProperty('Money');
  });
});

describe('background price refresh on Redis', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis?.stop());

  it('runs each scheduled round on exactly one of several instances', async () => {
    const seen: string[] = [];
    const log = pino({ level: 'silent' });
    const prefix = `test-${Date.now()}`;
    const run = async (_signal: AbortSignal, job: string) => {
      seen.push(job);
    };
    const instances = await Promise.all(
      [1, 2, 3].map(() => startPriceRefresh({ redisUrl: redis.url, everyMs: 150, run, log, prefix })),
    );
    expect(instances.every((i) => i.kind === 'bullmq')).toBe(true);
    await new Promise((resolve) => {
      const check = setInterval(() => seen.length >= 4 && (clearInterval(check), resolve(undefined)), 25);
    });
    await Promise.all(instances.map((i) => i.close()));
    expect(new Set(seen).size).toBe(seen.length);
  });
});
