/**
 * The viewer's routes over real HTTP: the page, stylesheet, icon and browser modules with
 * their content types and the strict CSP (images from this origin only), public (no key),
 * hidden from the OpenAPI document, 405 for other methods; no inline script or style, and no
 * module that builds HTML from strings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../../emulator/index.js';
import { startGateway, type TestGateway } from '../../../test/services/gateway.js';
import { clientModules, VIEWER_CSP } from './route.js';

let emulator: StartedEmulator;
let gw: TestGateway;

beforeAll(async () => {
  emulator = await startEmulator();
  gw = await startGateway({ emulatorUrl: emulator.url });
});
afterAll(async () => {
  await gw?.close();
  await emulator?.close();
});

describe('viewer routes', () => {
  it.each([
    ['/viewer', /^text\/html; charset=utf-8$/, '<!doctype html>'],
    ['/viewer/app.css', /^text\/css; charset=utf-8$/, 'prefers-color-scheme: dark'],
    ['/viewer/icon.svg', /^image\/svg\+xml$/, '<svg'],
    ['/viewer/client/main.js', /^text\/javascript; charset=utf-8$/, 'adoptKeyFromFragment'],
    ['/viewer/client/grid.js', /^text\/javascript; charset=utf-8$/, 'class VirtualGrid'],
  ])('serves %s without an API key, with its content type and the CSP', async (path, type, marker) => {
    const res = await gw.get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(type);
    expect(res.text).toContain(marker);
    const csp = res.headers.get('content-security-policy');
    expect(csp).toBe(VIEWER_CSP);
    expect(csp).toContain(
      "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'",
    );
    expect(csp).not.toMatch(/https?:|data:|unsafe/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('HTML has no inline script or style, names no other site, and labels every control', async () => {
    const html = (await gw.get('/viewer')).text;
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    expect(html).not.toMatch(/https?:\/\//);
    for (const id of [
      'who',
      'app',
      'ctx',
      'apikey',
      'q',
      'f-tradable',
      'f-type',
      'f-rarity',
      'f-exterior',
      'f-min',
      'f-sort',
      'rbx-user',
      'trade-acct',
      'trade-partner',
      'trade-app',
      'trade-message',
    ]) {
      expect(html).toContain(`<label for="${id}">`);
    }
    expect(html).toContain('<label for="who">SteamID, profile or trade URL</label>');
    expect(html).toContain('role="tablist"');
    expect(html).toContain('<label for="trade-partner">Partner\'s trade URL</label>');
    expect(html).toContain('data-tab="trade"');
  });

  it('serves every compiled module, none of which builds HTML from strings or leaves the origin', async () => {
    const modules = clientModules();
    expect([...modules.keys()].sort()).toEqual(
      expect.arrayContaining(['api.js', 'grid.js', 'main.js', 'state.js', 'steam-tab.js', 'roblox-tab.js']),
    );
    for (const [name, body] of modules) {
      expect(body, name).not.toMatch(
        /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/,
      );
      expect(body, name).not.toMatch(/sourceMappingURL/);
      expect(body, name).not.toMatch(/fetch\(\s*['"`]https?:/);
      const res = await gw.get(`/viewer/client/${name}`);
      expect(res.status).toBe(200);
      // Every relative import is a module the gateway serves.
      for (const [, imported] of body.matchAll(/from '\.\/([a-z-]+\.js)'/g))
        expect(modules.has(imported!)).toBe(true);
    }
    expect(modules.get('api.js')).toContain("'x-api-key'");
    expect(modules.get('key.js')).toContain('sessionStorage');
    expect((await gw.get('/viewer/client/nope.js')).status).toBe(404);
    expect((await gw.get('/viewer/client/..%2Froute.js')).status).toBe(404);
  });

  it('is hidden from the OpenAPI document and refuses other methods', async () => {
    const doc = (await gw.get('/openapi.json')).body;
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/viewer'))).toEqual([]);
    for (const path of ['/viewer', '/viewer/client/main.js']) {
      const post = await fetch(`${gw.url}${path}`, { method: 'POST' });
      expect(post.status).toBe(405);
    }
    const slash = await fetch(`${gw.url}/viewer/`, { redirect: 'manual' });
    expect(slash.status).toBe(302);
    expect(slash.headers.get('location')).toBe('/viewer');
  });
});
