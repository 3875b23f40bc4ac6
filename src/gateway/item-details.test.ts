/**
 * What the viewer's item page and images need from the gateway, over real HTTP against the
 * emulator: one item with its CS2 certificate decoded (stickers, charms and name tag by slot,
 * named from the description), and item icons through `/v1/steam/icons/{hash}` from the
 * configured CDN (the emulator's PNGs), cached, raster only.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeHex } from '@csfloat/cs2-inspect-serializer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { iconHashOf } from '../steam/community/economy-image.js';
import { startGateway, type Json, type TestGateway } from '../../test/services/gateway.js';

const OWNER = '76561198000006100';
let emulator: StartedEmulator;
let gw: TestGateway;
let key: string;
let items: Json[];
let svgCdn: Server;
let svgGateway: TestGateway;

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: { steam: { users: { [OWNER]: { inventories: { '730/2': { size: 600 } } } } } },
  });
  gw = await startGateway({ emulatorUrl: emulator.url, env: { GAMESTASH_STEAM_CDN_URL: emulator.url } });
  key = await gw.key();
  items = (await gw.get(`/v1/steam/inventory/${OWNER}/730/2?limit=5000&api_key=${key}`)).body.items;
  // A CDN that answers SVG (which can carry script): the gateway must not pass it on.
  svgCdn = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/svg+xml' });
    res.end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  });
  await new Promise<void>((resolve) => svgCdn.listen(0, '127.0.0.1', resolve));
  const port = (svgCdn.address() as AddressInfo).port;
  svgGateway = await startGateway({
    emulatorUrl: emulator.url,
    env: { GAMESTASH_STEAM_CDN_URL: `http://127.0.0.1:${port}` },
  });
});
afterAll(async () => {
  await svgGateway?.close();
  await gw?.close();
  await emulator?.close();
  svgCdn?.close();
});

const itemPath = (assetid: string, query = '') =>
  `/v1/steam/inventory/${OWNER}/730/2/items/${assetid}?api_key=${key}${query}`;

describe('GET .../items/{assetid}', () => {
  it('decodes the certificate: float, seed, stickers named in slot order, charms and name tags', async () => {
    const customized = items.filter((item) => item.stickerNames?.length);
    expect(customized.length).toBeGreaterThan(5);
    const charmed = items.filter((item) => item.charmNames?.length);
    expect(charmed.length).toBeGreaterThan(0);
    for (const item of [...customized.slice(0, 5), charmed[0]]) {
      const res = await gw.get(itemPath(item.assetid));
      expect(res.status).toBe(200);
      const { certificate } = res.body;
      const raw = decodeHex(item.certificate);
      expect(res.body.item.assetid).toBe(item.assetid);
      expect(certificate.float).toBeCloseTo(item.float, 6);
      expect(certificate.paintSeed).toBe(item.paintSeed);
      expect(certificate.defIndex).toBe(raw.defindex);
      expect(certificate.stickers.map((s: Json) => s.stickerId)).toEqual(
        raw.stickers.map((s) => s.stickerId),
      );
      expect(certificate.stickers.map((s: Json) => s.name)).toEqual(item.stickerNames);
      expect(certificate.charms.map((c: Json) => c.name)).toEqual(item.charmNames ?? []);
      if (certificate.charms.length) expect(certificate.charms[0].charmId).toBe(raw.keychains[0]!.stickerId);
    }
    const tagged = customized.find((item) => item.fraudWarnings.length > 0);
    const res = await gw.get(itemPath(tagged.assetid));
    expect(tagged.fraudWarnings[0]).toContain(res.body.certificate.nameTag);
  });

  it('answers certificate null for items without one, prices with prices=1, and 404 for a stranger', async () => {
    const plain = items.find((item) => !item.certificate && item.marketable);
    const res = await gw.get(itemPath(plain.assetid, '&prices=1'));
    expect(res.status).toBe(200);
    expect(res.body.certificate).toBeNull();
    expect(res.body.item.price === null || typeof res.body.item.price.unit.amount === 'number').toBe(true);
    const missing = await gw.get(itemPath('1'));
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('item_not_found');
    const noKey = await gw.get(`/v1/steam/inventory/${OWNER}/730/2/items/${plain.assetid}`);
    expect(noKey.status).toBe(401);
  });
});

describe('GET /v1/steam/icons/{hash}', () => {
  it('serves the CDN picture without a key, PNG, cached after the first fetch', async () => {
    const hash = iconHashOf(items[0].iconUrl)!;
    expect(hash).toMatch(/^[A-Za-z0-9_-]+$/);
    const before = emulator.stats.count({ pathPrefix: '/economy/image/' });
    const first = await fetch(`${gw.url}/v1/steam/icons/${hash}?size=128fx96f`);
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/png');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('cache-control')).toMatch(/^public/);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(128); // IHDR width
    expect(bytes.readUInt32BE(20)).toBe(96);
    const again = await fetch(`${gw.url}/v1/steam/icons/${hash}?size=128fx96f`);
    expect(Buffer.from(await again.arrayBuffer()).equals(bytes)).toBe(true);
    expect(emulator.stats.count({ pathPrefix: '/economy/image/' }) - before).toBe(1);
  });

  it('refuses odd hashes and sizes before any request, and anything but a raster image', async () => {
    const before = emulator.stats.count({ pathPrefix: '/economy/image/' });
    expect((await gw.get('/v1/steam/icons/abc')).status).toBe(400);
    expect((await gw.get('/v1/steam/icons/abcdefghij?size=9999fx1f')).status).toBe(400);
    expect((await gw.get('/v1/steam/icons/abcdefgh%2F..%2Fx')).status).toBe(400);
    expect(emulator.stats.count({ pathPrefix: '/economy/image/' })).toBe(before);
    const svg = await svgGateway.get('/v1/steam/icons/abcdefghijkl');
    expect(svg.status).toBe(502);
    expect(svg.headers.get('content-type')).toMatch(/json/);
    expect(svg.text).not.toContain('<script');
  });
});
