/**
 * The viewer in a real (headless) Chromium against a gateway and the emulator: cards, load
 * more, summary, tradable filter, and error boxes for a private inventory and a bad key.
 * Every request that is not to loopback (Steam's image CDN included) is aborted.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../../emulator/index.js';
import { startGateway, type TestGateway } from '../../../test/services/gateway.js';

const OWNER = '76561198000000001';
const PRIVATE = '76561198000000002';
let emulator: StartedEmulator;
let gw: TestGateway;
let browser: Browser;
let page: Page;
const blocked: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      steam: { users: { [OWNER]: { inventories: { '730/2': { size: 60 } } }, [PRIVATE]: { private: true } } },
    },
  });
  gw = await startGateway({ emulatorUrl: emulator.url });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 1280, height: 900 },
  });
  page = await context.newPage();
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|Uncaught/i.test(message.text())) problems.push(message.text());
  });
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
  await emulator?.close();
});

const cards = () => page.locator('#grid li.card');
const statusText = () => page.locator('#status');

async function show(steamid: string, key: string): Promise<void> {
  await page.fill('#steamid', steamid);
  await page.fill('#apikey', key);
  await page.click('#submit');
}

describe('viewer in a browser', () => {
  it('loads an inventory page by page, with the key only in a header and sessionStorage', async () => {
    const key = await gw.key();
    await page.goto(`${gw.url}/viewer`);
    await page.fill('#limit', '25');
    const requests: { url: string; key: string | undefined }[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/v1/')) requests.push({ url: r.url(), key: r.headers()['x-api-key'] });
    });
    await show(OWNER, key);
    await expect.poll(() => cards().count()).toBe(25);
    await expect.poll(() => statusText().textContent()).toContain('Showing 25 of 60 matching items');
    const first = cards().first();
    expect(await first.locator('.float').textContent()).toMatch(/^Float \d\.\d{6}$/);
    expect(await first.locator('.badge').first().textContent()).toMatch(/^(Tradable|Not tradable)$/);
    expect(await page.locator('#grid a.inspect').first().getAttribute('href')).toMatch(/^steam:\/\//);
    // Images point at Steam's CDN, lazy and without referrer; the route aborts them, so
    // visible ones fall back to text.
    await expect.poll(() => page.locator('#grid .fallback').count()).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/viewer.png' });

    await page.click('#more');
    await expect.poll(() => cards().count()).toBe(50);
    await page.click('#more');
    await expect.poll(() => cards().count()).toBe(60);
    expect(await page.locator('#more').isHidden()).toBe(true);
    expect(new Set(await cards().evaluateAll((els) => els.map((e) => e.dataset.assetid))).size).toBe(60);

    expect(requests.length).toBe(3);
    for (const r of requests) {
      expect(r.key).toBe(key);
      expect(r.url).not.toContain(key);
    }
    expect(requests[1]?.url).toContain('cursor=');
    expect(await page.evaluate("sessionStorage.getItem('gamestash.viewer.apiKey')")).toBe(key);
  });

  it('summary toggle shows a table of names and quantities', async () => {
    await page.check('#summary');
    const rows = page.locator('#summary-table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    expect(await cards().count()).toBe(0);
    const quantities = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.children[2]?.textContent)));
    expect(quantities.reduce((a, b) => a + b, 0)).toBe(60);
    await page.uncheck('#summary');
    await expect.poll(() => cards().count()).toBe(25);
  });

  it('tradable filter narrows the items', async () => {
    await page.selectOption('#tradable', '1');
    await page.fill('#limit', '100');
    await page.click('#submit');
    await expect.poll(() => statusText().textContent()).toMatch(/^Showing (\d+) of \1 matching items/);
    const badges = await page.locator('#grid .badges .badge:first-child').allTextContents();
    expect(badges.length).toBeLessThan(60);
    expect(new Set(badges)).toEqual(new Set(['Tradable']));
    await page.selectOption('#tradable', '');
  });

  it('takes the account as a profile URL or Steam3 id too, like the CLI', async () => {
    const key = await gw.key();
    for (const who of [`https://steamcommunity.com/profiles/${OWNER}`, '[U:1:39734273]']) {
      await page.fill('#limit', '10');
      await show(who, key);
      await expect.poll(() => statusText().textContent()).toContain('Showing 10 of 60 matching items');
    }
  });

  it("shows the gateway's error for a private inventory and for a bad key", async () => {
    await show(PRIVATE, await gw.key());
    const error = page.locator('#error');
    await expect.poll(() => error.textContent()).toContain('Error 403 (private_inventory)');
    expect(await error.textContent()).toContain('this inventory (or its profile) is private');
    expect(await cards().count()).toBe(0);

    await show(OWNER, 'gs_not-a-real-key');
    await expect.poll(() => error.textContent()).toContain('Error 401 (invalid_api_key)');
  });

  it('sent nothing outside loopback and hit no CSP violation or script error', () => {
    expect(blocked.length).toBeGreaterThan(0);
    for (const url of blocked) expect(url).toMatch(/^https:\/\/community\.fastly\.steamstatic\.com\//);
    expect(problems).toEqual([]);
  });
});
