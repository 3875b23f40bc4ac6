/**
 * The viewer's routes over real HTTP: HTML, JS and CSS with their content types and the
 * strict CSP, public (no key), hidden from the OpenAPI document, 405 for other methods.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../../emulator/index.js';
import { startGateway, type TestGateway } from '../../../test/services/gateway.js';
import { VIEWER_CSP } from './route.js';

const OWNER = '76561198000000001';
let emulator: StartedEmulator;
let gw: TestGateway;

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: { steam: { users: { [OWNER]: { inventories: { '730/2': { size: 60 } } } } } },
  });
  gw = await startGateway({ emulatorUrl: emulator.url });
});
afterAll(async () => {
  await gw?.close();
  await emulator?.close();
});

describe('viewer routes', () => {
  it.each([
    ['/viewer', /^text\/html; charset=utf-8$/, '<!doctype html>'],
    ['/viewer/app.js', /^text\/javascript; charset=utf-8$/, 'function itemCard('],
    ['/viewer/app.css', /^text\/css; charset=utf-8$/, 'prefers-color-scheme: dark'],
  ])('serves %s without an API key, with its content type and the CSP', async (path, type, marker) => {
    const res = await gw.get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(type);
    expect(res.text).toContain(marker);
    const csp = res.headers.get('content-security-policy');
    expect(csp).toBe(VIEWER_CSP);
    expect(csp).toContain("default-src 'self'; img-src 'self' https://community.fastly.steamstatic.com");
    expect(csp).toContain("style-src 'self'; script-src 'self'; connect-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('HTML has no inline script or style and references only same-origin assets', async () => {
    const html = (await gw.get('/viewer')).text;
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    expect(html).not.toMatch(/https?:\/\//);
    for (const id of ['steamid', 'appid', 'contextid', 'apikey', 'tradable', 'type', 'rarity', 'name']) {
      expect(html).toContain(`<label for="${id}">`);
    }
  });

  it('browser script never builds HTML from strings', async () => {
    const js = (await gw.get('/viewer/app.js')).text;
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
    expect(js).toContain("'x-api-key'");
    expect(js).toContain('sessionStorage');
  });

  it('is hidden from the OpenAPI document and refuses other methods', async () => {
    const doc = (await gw.get('/openapi.json')).body;
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/viewer'))).toEqual([]);
    const post = await fetch(`${gw.url}/viewer`, { method: 'POST' });
    expect(post.status).toBe(405);
    const slash = await fetch(`${gw.url}/viewer/`, { redirect: 'manual' });
    expect(slash.status).toBe(302);
    expect(slash.headers.get('location')).toBe('/viewer');
  });
});
