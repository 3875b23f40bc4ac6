/**
 * Every route over real HTTP (plus `inject` where a raw socket is not the point), against
 * the emulator, on a real SQLite file: the seed's `/inventory`, `/v1` paging, filters and
 * summaries, health, readiness, metrics, the OpenAPI document and Swagger UI.
 */
import { gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { HttpClient } from '../core/http/client.js';
import { SteamInventoryClient } from '../steam/community/inventory/client.js';
import { startGateway, type TestGateway } from '../../test/services/gateway.js';

const BIG = '76561198000005000';
const SMALL = '76561198000000030';
let emulator: StartedEmulator;
let gw: TestGateway;
let key: string;

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      steam: {
        users: {
          [BIG]: { inventories: { '730/2': { size: 5000 } } },
          [SMALL]: { inventories: { '730/2': { size: 30 } } },
        },
      },
    },
  });
  gw = await startGateway({ emulatorUrl: emulator.url });
  key = await gw.key();
});
afterAll(async () => {
  await gw?.close();
  await emulator?.close();
});

const inventories = () => emulator.stats.count({ pathPrefix: '/inventory/' });

describe('GET /inventory', () => {
  it("answers Steam's merged JSON with status 200 first, byte for byte what Steam's pages merge to", async () => {
    const http = new HttpClient({ retries: 0 });
    const direct = await new SteamInventoryClient({
      http,
      communityUrl: emulator.url,
      intervalMs: 0,
    }).fetchAll({
      steamid: BIG,
      appid: 730,
      contextid: 2,
    });
    await http.close();
    const before = inventories();
    const res = await gw.get(`/inventory?steamid=${BIG}&gameid=730&contextid=2&api_key=${key}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-gamestash-cache')).toBe('miss');
    expect(res.text.startsWith('{"status":200,')).toBe(true);
    expect(res.body).toEqual({ status: 200, ...direct });
    expect(res.body.assets).toHaveLength(5000);
    expect(res.body.total_inventory_count).toBe(5000);
    expect(inventories() - before).toBe(Math.ceil(5000 / 2000));
  });

  it('takes the key from the x-api-key header too, and answers from cache', async () => {
    const before = inventories();
    const res = await gw.get(`/inventory?steamid=${BIG}&gameid=730&contextid=2`, { 'x-api-key': key });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-gamestash-cache')).toBe('hit');
    expect(Number(res.headers.get('age'))).toBeGreaterThanOrEqual(0);
    expect(res.body.assets).toHaveLength(5000);
    expect(inventories()).toBe(before);
  });

  it('gzips for callers that accept it (compressed once per entry), and not for those that refuse it', async () => {
    const url = `${gw.url}/inventory?steamid=${BIG}&gameid=730&contextid=2&api_key=${key}`;
    // undici's request does not decompress: the bytes on the wire are checked.
    const plain = await request(url);
    const plainBytes = Buffer.from(await plain.body.arrayBuffer());
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/);
    for (let i = 0; i < 2; i++) {
      const zipped = await request(url, { headers: { 'accept-encoding': 'br;q=0.9, gzip;q=0.8' } });
      const zippedBytes = Buffer.from(await zipped.body.arrayBuffer());
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zippedBytes.length).toBeLessThan(plainBytes.length / 4);
      expect(gunzipSync(zippedBytes).equals(plainBytes)).toBe(true);
    }
    const refused = await request(url, { headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(Buffer.from(await refused.body.arrayBuffer()).equals(plainBytes)).toBe(true);
  });

  it('answers HEAD with the headers only', async () => {
    const res = await fetch(`${gw.url}/inventory?steamid=${BIG}&gameid=730&contextid=2&api_key=${key}`, {
      method: 'HEAD',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('caches per language: another language is another upstream fetch', async () => {
    const before = inventories();
    const res = await gw.get(
      `/inventory?steamid=${SMALL}&gameid=730&contextid=2&language=german&api_key=${key}`,
    );
    expect(res.status).toBe(200);
    const again = await gw.get(`/inventory?steamid=${SMALL}&gameid=730&contextid=2&api_key=${key}`);
    expect(again.headers.get('x-gamestash-cache')).toBe('miss');
    expect(inventories() - before).toBe(2);
    const last = emulator.stats.requests.filter((r) => r.path.startsWith('/inventory/')).slice(-2);
    expect(last.every((r) => r.path === `/inventory/${SMALL}/730/2`)).toBe(true);
  });
});

describe('GET /v1/steam/inventory/{steamid}/{appid}/{contextid}', () => {
  const v1 = (query: string) => gw.get(`/v1/steam/inventory/${BIG}/730/2?${query}`, { 'x-api-key': key });

  it('pages through every item exactly once with limit and cursor', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await v1(`limit=1500${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.count).toBe(res.body.items.length);
      for (const item of res.body.items) seen.add(item.assetid);
      cursor = res.body.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen.size).toBe(5000);
  });

  it('normalizes items (names, flags, tags) and filters them', async () => {
    const res = await v1('limit=5000&type=rifle&tradable=1');
    expect(res.status).toBe(200);
    expect(res.body.matched).toBeGreaterThan(0);
    expect(res.body.matched).toBeLessThan(5000);
    for (const item of res.body.items) {
      expect(item.tradable).toBe(true);
      expect(`${item.category} ${item.type}`.toLowerCase()).toContain('rifle');
      expect(typeof item.name).toBe('string');
      expect(item.tags).toBeTypeOf('object');
    }
  });

  it('summarizes names and quantities with summary=1', async () => {
    const res = await v1('summary=1');
    expect(res.status).toBe(200);
    expect(res.body.items).toBeUndefined();
    const total = res.body.summary.reduce((n: number, line: { quantity: number }) => n + line.quantity, 0);
    expect(total).toBeGreaterThanOrEqual(5000);
    expect(res.body.summary[0].quantity).toBeGreaterThanOrEqual(res.body.summary.at(-1).quantity);
  });
});

describe('operations routes', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await gw.get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await gw.get('/readyz')).body).toEqual({ status: 'ready' });
  });

  it('answers /readyz with 503 when the store is gone', async () => {
    const broken = await startGateway({ emulatorUrl: emulator.url });
    try {
      await broken.app.services.database.close();
      const res = await broken.get('/readyz');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 503, error: { code: 'not_ready' } });
      expect((await broken.get('/healthz')).status).toBe(200);
    } finally {
      await broken.close();
    }
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const doc = (await gw.get('/openapi.json')).body;
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/inventory', '/v1/steam/inventory/{steamid}/{appid}/{contextid}', '/healthz']),
    );
    const params = doc.paths['/inventory'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['steamid', 'gameid', 'contextid', 'language', 'fresh']));
    // The key parameters are documented as security schemes (swagger moves them there).
    expect(doc.paths['/inventory'].get.security).toEqual([{ apiKeyQuery: [] }, { apiKeyHeader: [] }]);
    expect(doc.components.securitySchemes.apiKeyQuery).toMatchObject({ in: 'query', name: 'api_key' });
    expect(doc.components.schemas.ErrorBody).toBeDefined();
    const ui = await gw.get('/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toMatch(/swagger/i);
  });

  it('exposes Prometheus metrics: routes, cache, upstream statuses, queue and pacing', async () => {
    const res = await gw.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    expect(res.text).toMatch(
      /gamestash_http_requests_total\{method="GET",route="\/inventory",status="200"\} \d+/,
    );
    expect(res.text).toMatch(/gamestash_http_request_duration_seconds_bucket\{.*route="\/inventory"/);
    expect(res.text).toMatch(/gamestash_cache_lookups_total\{result="hit"\} [1-9]/);
    expect(res.text).toMatch(/gamestash_cache_lookups_total\{result="miss"\} [1-9]/);
    expect(res.text).toMatch(
      /gamestash_upstream_requests_total\{service="steam-community",status="200",route="direct"\} [1-9]/,
    );
    expect(res.text).toMatch(/gamestash_upstream_queue_depth 0/);
    expect(res.text).toMatch(/gamestash_upstream_pacing_wait_seconds_count [1-9]/);
    expect(res.text).toMatch(/gamestash_quota_rejections_total 0/);
  });
});
