/**
 * What a caller meets first, over real HTTP: `GET /` says where things are (JSON or a page),
 * every answer is compressed for callers that accept it (the `/inventory` bytes only once),
 * CORS is off unless origins are configured, and `/metrics` and `/docs` can be closed off.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { startGateway, type TestGateway } from '../../test/services/gateway.js';
import { prefersJson } from './routes/home.js';

const BIG = '76561198000005000';
let emulator: StartedEmulator;
let gw: TestGateway;
let key: string;

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: { steam: { users: { [BIG]: { inventories: { '730/2': { size: 5000 } } } } } },
  });
  gw = await startGateway({ emulatorUrl: emulator.url });
  key = await gw.key();
});
afterAll(async () => {
  await gw?.close();
  await emulator?.close();
});

async function raw(url: string, headers: Record<string, string> = {}, method: 'GET' | 'OPTIONS' = 'GET') {
  const res = await request(url, { method, headers });
  return { status: res.statusCode, headers: res.headers, bytes: Buffer.from(await res.body.arrayBuffer()) };
}

describe('GET /', () => {
  it('lists where things are as JSON for a caller that asks for JSON', async () => {
    const res = await gw.get('/', { accept: 'application/json' });
    expect(res.status).toBe(200);
    expect(res.body.links).toMatchObject({
      viewer: '/viewer',
      docs: '/docs',
      openapi: '/openapi.json',
      health: '/healthz',
      ready: '/readyz',
      metrics: '/metrics',
    });
    expect(res.body.endpoints).toContain('GET /v1/steam/inventory/{steamid}/{appid}/{contextid}');
    expect((await gw.get('/', { accept: 'application/json, text/plain, */*' })).body.links).toBeDefined();
  });

  it('is a small HTML page for a browser or curl', async () => {
    for (const accept of ['text/html,application/xhtml+xml,*/*;q=0.8', '*/*']) {
      const res = await gw.get('/', { accept });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.text).toContain('<a href="/docs">');
      expect(res.text).toContain('<a href="/viewer">');
    }
  });

  it.each([
    [undefined, false],
    ['*/*', false],
    ['application/json', true],
    ['application/json, text/plain, */*', true],
    ['text/html, application/json;q=0.9', false],
    ['application/*;q=0.5, text/html;q=0.4', true],
    ['application/json;q=0', false],
  ])('prefersJson(%j) is %s', (accept, expected) => {
    expect(prefersJson(accept)).toBe(expected);
  });
});

describe('compression', () => {
  it('compresses a large /v1 answer for callers that accept gzip or br', async () => {
    const url = `${gw.url}/v1/steam/inventory/${BIG}/730/2?limit=5000&api_key=${key}`;
    const plain = await raw(url);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gzipped = await raw(url, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.bytes.length).toBeLessThan(plain.bytes.length / 4);
    expect(JSON.parse(gunzipSync(gzipped.bytes).toString())).toEqual(JSON.parse(plain.bytes.toString()));
    const brotli = await raw(url, { 'accept-encoding': 'br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(brotli.bytes).toString()).count).toBe(5000);
  });

  it('compresses the OpenAPI document and error answers over 1 KB, not small ones', async () => {
    const doc = await raw(`${gw.url}/openapi.json`, { 'accept-encoding': 'gzip' });
    expect(doc.headers['content-encoding']).toBe('gzip');
    const small = await raw(`${gw.url}/healthz`, { 'accept-encoding': 'gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('gzips /inventory once: the bytes decompress to the JSON itself', async () => {
    const url = `${gw.url}/inventory?steamid=${BIG}&gameid=730&contextid=2&api_key=${key}`;
    const zipped = await raw(url, { 'accept-encoding': 'gzip, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.bytes).toString().startsWith('{"status":200,')).toBe(true);
    // A caller accepting only br gets the plain bytes: nothing compresses them a second way.
    const brOnly = await raw(url, { 'accept-encoding': 'br' });
    expect(brOnly.headers['content-encoding']).toBeUndefined();
    expect(brOnly.bytes.toString().startsWith('{"status":200,')).toBe(true);
  });
});

describe('CORS', () => {
  const preflight = {
    origin: 'https://app.example',
    'access-control-request-method': 'GET',
    'access-control-request-headers': 'x-api-key',
  };

  it('is off by default: no CORS headers, a preflight is a 405', async () => {
    const res = await raw(`${gw.url}/healthz`, { origin: 'https://app.example' });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const options = await raw(`${gw.url}/inventory`, preflight, 'OPTIONS');
    expect(options.status).toBe(405);
  });

  it('allows the configured origins, answers their preflights, and keeps 405 for other OPTIONS', async () => {
    const cors = await startGateway({
      emulatorUrl: emulator.url,
      env: { GAMESTASH_CORS_ORIGINS: 'https://app.example, http://localhost:5173' },
    });
    try {
      const options = await raw(`${cors.url}/inventory`, preflight, 'OPTIONS');
      expect(options.status).toBe(204);
      expect(options.headers['access-control-allow-origin']).toBe('https://app.example');
      expect(options.headers['access-control-allow-headers']).toBe('x-api-key');
      expect(options.headers['access-control-allow-methods']).toBe('GET, HEAD');
      const get = await raw(`${cors.url}/healthz`, { origin: 'http://localhost:5173' });
      expect(get.headers['access-control-allow-origin']).toBe('http://localhost:5173');
      expect(get.headers['access-control-expose-headers']).toContain('x-gamestash-cache');
      const stranger = await raw(`${cors.url}/healthz`, { origin: 'https://evil.example' });
      expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
      const plainOptions = await raw(`${cors.url}/inventory`, {}, 'OPTIONS');
      expect(plainOptions.status).toBe(405);
      expect(JSON.parse(plainOptions.bytes.toString()).error.code).toBe('method_not_allowed');
    } finally {
      await cors.close();
    }
  });

  it('allows any origin with *', async () => {
    const cors = await startGateway({ emulatorUrl: emulator.url, env: { GAMESTASH_CORS_ORIGINS: '*' } });
    try {
      const get = await raw(`${cors.url}/healthz`, { origin: 'https://anyone.example' });
      expect(get.headers['access-control-allow-origin']).toBe('*');
    } finally {
      await cors.close();
    }
  });
});

describe('metrics and docs closed off', () => {
  it('serves /metrics on its own port, not on the main one, behind a bearer token', async () => {
    const closed = await startGateway({
      emulatorUrl: emulator.url,
      env: { GAMESTASH_METRICS_PORT: '0', GAMESTASH_METRICS_TOKEN: 'metrics-token-123' },
    });
    try {
      expect((await closed.get('/metrics')).status).toBe(404);
      expect((await closed.get('/', { accept: 'application/json' })).body.links.metrics).toBeUndefined();
      const metricsUrl = closed.server.metricsUrl!;
      expect(new URL(metricsUrl).port).not.toBe(new URL(closed.url).port);
      const refused = await raw(`${metricsUrl}/metrics`);
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.bytes.toString()).error.code).toBe('metrics_token_required');
      const wrong = await raw(`${metricsUrl}/metrics`, { authorization: 'Bearer metrics-token-124' });
      expect(wrong.status).toBe(401);
      const scraped = await raw(`${metricsUrl}/metrics`, { authorization: 'Bearer metrics-token-123' });
      expect(scraped.status).toBe(200);
      expect(scraped.bytes.toString()).toMatch(/gamestash_http_requests_total/);
    } finally {
      await closed.close();
    }
  });

  it('guards /metrics on the main port with the token too', async () => {
    const closed = await startGateway({
      emulatorUrl: emulator.url,
      env: { GAMESTASH_METRICS_TOKEN: 'metrics-token-123' },
    });
    try {
      expect((await closed.get('/metrics')).status).toBe(401);
      const ok = await closed.get('/metrics', { authorization: 'Bearer metrics-token-123' });
      expect(ok.status).toBe(200);
    } finally {
      await closed.close();
    }
  });

  it('puts /docs and /openapi.json behind a gateway key with GAMESTASH_DOCS_REQUIRE_KEY=1', async () => {
    const closed = await startGateway({
      emulatorUrl: emulator.url,
      env: { GAMESTASH_DOCS_REQUIRE_KEY: '1' },
    });
    try {
      const docsKey = await closed.key();
      for (const path of ['/openapi.json', '/docs/', '/docs/json']) {
        const refused = await closed.get(path);
        expect(refused.status, path).toBe(401);
        // A browser asks for the key (as the password) and then sends it with every request.
        expect(refused.headers.get('www-authenticate')).toMatch(/^Basic /);
        expect((await closed.get(path, { 'x-api-key': docsKey })).status, path).toBe(200);
        const basic = `Basic ${Buffer.from(`me:${docsKey}`).toString('base64')}`;
        expect((await closed.get(path, { authorization: basic })).status, path).toBe(200);
      }
      expect((await closed.get(`/openapi.json?api_key=${docsKey}`)).status).toBe(200);
      expect((await closed.get('/openapi.json', { 'x-api-key': `gs_${'x'.repeat(32)}` })).status).toBe(401);
      expect((await closed.get('/healthz')).status).toBe(200);
    } finally {
      await closed.close();
    }
  });
});
