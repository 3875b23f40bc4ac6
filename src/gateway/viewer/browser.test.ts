/**
 * The viewer in a real (headless) Chromium against `gamestash demo`'s world: a real gateway on
 * the emulator. Every flow: the key handed over in a fragment, lookup by vanity and by trade
 * URL, search/filter/sort over the whole inventory, a link reproducing the view, the item
 * dialog (float bar, decoded stickers and charms), values and the chart, the Roblox tab,
 * errors in plain words, keyboard-only use, 360 px and dark. Screenshots go to
 * test-artifacts/viewer/. Every request is recorded: none may leave loopback.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, demoTradeUrl } from '../../cli/demo/scenario.js';
import { startDemo, type RunningDemo } from '../../cli/demo/start-demo.js';
import {
  accessibilityProblems,
  artifact,
  buildViewerClient,
  launchChromium,
  storeKey,
  watchedContext,
  type WatchedContext,
} from '../../../test/services/browser.js';
import { tabTo, until } from '../../../test/services/browser-steps.js';
import type { Json } from '../../../test/services/gateway.js';

let demo: RunningDemo;
let browser: Browser;
const watched: WatchedContext[] = [];
let items: Json[];

beforeAll(async () => {
  buildViewerClient();
  demo = await startDemo({ port: 0, logLevel: 'silent' });
  browser = await launchChromium();
  const res = await fetch(`${demo.url}/v1/steam/inventory/${DEMO.steamid}/730/2?limit=5000`, {
    headers: { 'x-api-key': demo.key },
  });
  items = ((await res.json()) as Json).items;
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** A page in a watched context of its own, with `key` already in its session storage. */
async function newPage(options: Parameters<typeof watchedContext>[1] = {}, key = demo.key): Promise<Page> {
  const context = await watchedContext(browser, options);
  watched.push(context);
  await storeKey(context.context, key);
  return context.context.newPage();
}

const cells = (page: Page) => page.getByRole('grid', { name: 'Steam items' }).getByRole('gridcell');
const labels = (page: Page) =>
  cells(page).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
const steamStatus = (page: Page) => page.locator('#steam-status').textContent();

async function lookUp(page: Page, who: string): Promise<void> {
  await page.getByLabel('SteamID, profile or trade URL').fill(who);
  await page.getByRole('button', { name: 'Look up' }).first().click();
}

// A loaded two-core machine: each flow gets room, timed assertions stay out.
describe('the viewer in a browser', { timeout: 120_000 }, () => {
  let page: Page;

  it('takes the demo key from a one-time #key= fragment and never puts it in a URL', async () => {
    const context = await watchedContext(browser);
    watched.push(context);
    page = await context.context.newPage();
    await page.goto(demo.viewerUrl);
    await until(() => steamStatus(page)).toContain('3,000 items');
    expect(page.url()).not.toContain('#');
    expect(page.url()).not.toContain(demo.key);
    expect(await page.evaluate("sessionStorage.getItem('gamestash.viewer.apiKey')")).toBe(demo.key);
    const api = context.requests.filter((r) => r.url.includes('/v1/') && !r.url.includes('/v1/steam/icons/'));
    expect(api.length).toBeGreaterThan(2);
    for (const request of context.requests) expect(request.url).not.toContain(demo.key);
    for (const request of api) expect(request.headers['x-api-key']).toBe(demo.key);
  });

  it('shows the whole inventory by vanity, virtualized, with its value and the chart', async () => {
    const grid = page.getByRole('grid', { name: 'Steam items' });
    expect(await grid.getAttribute('aria-rowcount')).toBe(
      String(Math.ceil(3000 / Number(await grid.getAttribute('aria-colcount')))),
    );
    expect((await labels(page))[0]).toMatch(new RegExp(`^${escape(items[0].name)}`));
    expect(await cells(page).count()).toBeLessThan(200);
    await until(() => page.locator('#value-total').textContent()).toMatch(/^\$[\d,]+\.\d\d$/);
    await until(() => page.locator('#steam-count').textContent()).toMatch(/worth \$[\d,]+\.\d\d/);
    const chart = page.getByRole('img', { name: /^Value over time: \$[\d,.]+ on \d{4}-\d\d-\d\d/ });
    await until(() => chart.count()).toBe(1);
    expect(await chart.locator('circle').count()).toBe(8);
    await until(() =>
      page
        .locator('.c-thumb img')
        .first()
        .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBe(128);
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toContain(DEMO.name);
    await page.screenshot({ path: artifact('steam.png') });
  });

  it('searches, filters and sorts the whole inventory locally and keeps it in the URL', async () => {
    const before = watched[0]!.requests.length;
    await page.getByLabel('Search items', { exact: true }).fill('AK-47');
    const expected = items.filter((i) =>
      `${i.name} ${i.marketHashName} ${i.type}`.toLowerCase().includes('ak-47'),
    );
    await until(() => page.locator('#steam-count').textContent()).toContain(
      `Showing ${expected.length} items`,
    );
    for (const label of await labels(page)) expect(label).toContain('AK-47');
    await page.getByLabel('Sort', { exact: true }).selectOption('float');
    await until(async () => floats(await labels(page)).length).toBeGreaterThan(2);
    const sorted = floats(await labels(page));
    expect(sorted).toEqual([...sorted].sort((a, b) => a - b));
    await page.getByLabel('Min price').fill('5');
    await until(async () => (await labels(page)).every((l) => dollars(l) >= 5)).toBe(true);
    await page.getByLabel('Tradable').selectOption('1');
    await until(async () => (await labels(page)).some((l) => l.includes('not tradable'))).toBe(false);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      who: 'demo',
      q: 'AK-47',
      tradable: '1',
      min: '5',
      sort: 'float',
    });
    // Filtering asked the gateway nothing (icons aside).
    const asked = watched[0]!.requests.slice(before).filter((r) => /\/v1\/(?!steam\/icons\/)/.test(r.url));
    expect(asked).toEqual([]);
    await page.screenshot({ path: artifact('filtered.png') });
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await until(() => page.locator('#steam-count').textContent()).toContain('Showing 3,000 items');
  });

  it('reproduces a view from its link, the open item included: dialog, float bar, stickers, charm', async () => {
    const target =
      items.find((i) => i.stickerNames?.length && i.charmNames?.length) ??
      items.find((i) => i.stickerNames?.length);
    const linked = await newPage();
    const query = new URLSearchParams({ who: 'demo', q: target.name, sort: 'price', item: target.assetid });
    await linked.goto(`${demo.url}/viewer?${query}`);
    const dialog = linked.getByRole('dialog', { name: target.name });
    await until(() => dialog.isVisible()).toBe(true);
    expect(await linked.getByLabel('Search items', { exact: true }).inputValue()).toBe(target.name);
    expect(await linked.getByLabel('Sort', { exact: true }).inputValue()).toBe('price');
    const bar = dialog.getByRole('img', { name: /^Float \d\.\d{6}: / });
    expect(await bar.getAttribute('aria-label')).toContain(target.float.toFixed(6));
    await until(() => dialog.locator('.stickers li').allTextContents()).toEqual(
      target.stickerNames.map((name: string, i: number) => `Slot ${i + 1}: ${name}`),
    );
    if (target.charmNames)
      expect(await dialog.locator('.charms li').first().textContent()).toContain(target.charmNames[0]);
    expect(await dialog.getByRole('link', { name: 'Inspect in game' }).getAttribute('href')).toMatch(
      /^steam:\/\//,
    );
    await until(() => dialog.textContent()).toMatch(/Price\$[\d,.]+ each, from the Steam market/);
    expect(await dialog.getByRole('table').textContent()).toContain('Exterior');
    expect(await accessibilityProblems(linked)).toEqual([]);
    await linked.screenshot({ path: artifact('dialog.png') });
    await linked.keyboard.press('Escape');
    await until(() => dialog.isVisible()).toBe(false);
    // The dialog's close event is queued as its own task, after the dialog is already hidden.
    await until(() => new URL(linked.url()).searchParams.get('item')).toBeNull();
    await linked.close();
  });

  it('looks up a trade URL, and says in plain words what went wrong where', async () => {
    await lookUp(page, demoTradeUrl());
    await until(() => steamStatus(page)).toContain(`SteamID ${DEMO.steamid}`);
    await lookUp(page, DEMO.privateVanity);
    const error = page.locator('#steam-error');
    await until(() => error.textContent()).toBe('This inventory is private: only its owner can see it.');
    expect(await page.getByRole('grid', { name: 'Steam items' }).isVisible()).toBe(false);
    await lookUp(page, 'nobody-has-this-name');
    await until(() => error.textContent()).toBe('No Steam profile matches that name, id or URL.');
    await page.screenshot({ path: artifact('error.png') });

    const wrong = await newPage({}, `gs_${'x'.repeat(32)}`);
    await wrong.goto(`${demo.url}/viewer?who=demo`);
    await until(() => wrong.locator('#steam-error').textContent()).toMatch(/did not accept this API key/);
    await wrong.close();

    const { key } = await demo.gateway.fastify.services.keys.create({ name: 'tiny', quotaPerMinute: 2 });
    const limited = await newPage({}, key);
    await limited.goto(`${demo.url}/viewer?who=demo`);
    await until(() => limited.locator('.values').textContent()).toMatch(
      /used all its requests for this minute: try again in \d+ seconds?\./,
    );
    await limited.screenshot({ path: artifact('rate-limited.png') });
    await limited.close();
  });

  it('shows a Roblox collector on the Roblox tab, collectibles with serials and states', async () => {
    await page.getByRole('tab', { name: 'Roblox' }).click();
    await page.getByLabel('Roblox user id').fill(DEMO.robloxUser);
    await page.getByRole('button', { name: 'Look up' }).last().click();
    const grid = page.getByRole('grid', { name: 'Roblox items' });
    await until(() => grid.getByRole('gridcell').count()).toBeGreaterThan(10);
    await page.getByLabel('Collectibles only').check();
    await until(() => page.locator('#roblox-count').textContent()).toMatch(
      /^Showing 36 items of \d+ \(36 collectibles\)/,
    );
    const first = grid.getByRole('gridcell').first();
    expect(await first.getAttribute('aria-label')).toMatch(/^[A-Z][a-z ]+ \d+, collectible, serial #\d+/);
    await first.click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toMatch(/Serial number#\d+/);
    expect(new URL(page.url()).searchParams.get('tab')).toBe('roblox');
    await page.screenshot({ path: artifact('roblox.png') });
    await page.keyboard.press('Escape');
    await page.getByLabel('Roblox user id').fill('2');
    await page.getByRole('button', { name: 'Look up' }).last().click();
    await until(() => page.locator('#roblox-error').textContent()).toBe(
      "This Roblox user's inventory is private: only they can see it.",
    );
  });

  it('asks for a key when there is none, and loads the view once it is given', async () => {
    const context = await watchedContext(browser);
    watched.push(context);
    const fresh = await context.context.newPage();
    await fresh.goto(`${demo.url}/viewer?who=demo&tab=roblox&ruser=${DEMO.robloxUser}`);
    await until(() => fresh.locator('#roblox-error').textContent()).toMatch(
      /^Enter your gateway API key first/,
    );
    expect(await fresh.locator('#key-panel').getAttribute('open')).not.toBeNull();
    await fresh.getByLabel('Gateway API key').fill(demo.key);
    await fresh.getByLabel('Gateway API key').press('Enter');
    await until(() => fresh.locator('#roblox-status').textContent()).toMatch(/\d+ items/);
    // The Steam grid was laid out in its hidden tab: shown, it takes its columns.
    await fresh.getByRole('tab', { name: 'Steam' }).click();
    await until(() => fresh.locator('#steam-status').textContent()).toContain('3,000 items');
    await until(() => fresh.getByRole('grid', { name: 'Steam items' }).getAttribute('aria-colcount')).toBe(
      '7',
    );
    expect(await cells(fresh).count()).toBeGreaterThan(7);
    await fresh.close();
  });

  it('works with the keyboard alone: tabs, lookup, grid arrows, the dialog', async () => {
    const keys = await newPage();
    await keys.goto(`${demo.url}/viewer`);
    const focused = () =>
      keys.evaluate<string>(
        "document.activeElement?.id || document.activeElement?.getAttribute('role') || ''",
      );
    await tabTo(keys, () => focused(), 'who');
    await keys.keyboard.type('demo');
    await keys.keyboard.press('Enter');
    await until(() => keys.locator('#steam-status').textContent()).toContain('3,000 items');
    await tabTo(keys, () => focused(), 'gridcell');
    const index = () => keys.evaluate<number>('Number(document.activeElement.dataset.index)');
    const columns = Number(
      await keys.getByRole('grid', { name: 'Steam items' }).getAttribute('aria-colcount'),
    );
    expect(await index()).toBe(0);
    expect(await keys.evaluate('getComputedStyle(document.activeElement).outlineStyle')).not.toBe('none');
    await keys.keyboard.press('ArrowRight');
    expect(await index()).toBe(1);
    await keys.keyboard.press('ArrowDown');
    expect(await index()).toBe(1 + columns);
    await keys.keyboard.press('Control+End');
    expect(await index()).toBe(2999);
    await keys.keyboard.press('Control+Home');
    expect(await index()).toBe(0);
    await keys.keyboard.press('PageDown');
    expect(await index()).toBeGreaterThan(columns);
    await keys.keyboard.press('Enter');
    const dialog = keys.getByRole('dialog');
    await until(() => dialog.isVisible()).toBe(true);
    expect(await focused()).toBe('dialog-close');
    await keys.keyboard.press('Escape');
    await until(() => focused()).toBe('gridcell');
    // The tablist: Shift+Tab back to it would be long; the tab stop is reached from the top.
    await keys.evaluate('window.scrollTo(0, 0)');
    await keys.locator('body').focus();
    await tabTo(keys, () => focused(), 'tab-steam');
    await keys.keyboard.press('ArrowRight');
    expect(await focused()).toBe('tab-roblox');
    expect(await keys.locator('#panel-roblox').isVisible()).toBe(true);
    await keys.keyboard.press('Tab');
    expect(await focused()).toBe('rbx-user');
    await keys.keyboard.type(DEMO.robloxUser);
    await keys.keyboard.press('Enter');
    await until(() => keys.locator('#roblox-status').textContent()).toMatch(/\d+ items/);
    await keys.close();
  });

  it('is readable at 360 px wide in dark mode', async () => {
    const small = await newPage({ viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
    await small.goto(`${demo.url}/viewer?who=demo&sort=price`);
    await until(() => small.locator('#steam-status').textContent()).toContain('3,000 items');
    expect(await small.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await small.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(13, 17, 23)');
    expect(await small.getByRole('grid', { name: 'Steam items' }).getAttribute('aria-colcount')).toBe('2');
    await small.screenshot({ path: artifact('mobile-dark.png') });
    await cells(small).first().click();
    const box = await small.getByRole('dialog').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(360);
    expect(await small.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await small.screenshot({ path: artifact('mobile-dialog.png') });
    expect(await accessibilityProblems(small)).toEqual([]);
    await small.close();
  });

  it('passes the accessibility check and sent nothing outside loopback, with no CSP violation', async () => {
    expect(await accessibilityProblems(page)).toEqual([]);
    // The check finds what it looks for: an unlabelled input.
    await page.evaluate(
      "document.querySelector('main').append(Object.assign(document.createElement('input'), { id: 'probe' }))",
    );
    expect((await accessibilityProblems(page)).join()).toContain('no accessible name: <input id="probe">');
    for (const context of watched) {
      expect(context.outside).toEqual([]);
      expect(context.problems).toEqual([]);
      for (const request of context.requests) expect(new URL(request.url).hostname).toBe('127.0.0.1');
    }
    expect(watched.reduce((n, c) => n + c.requests.length, 0)).toBeGreaterThan(50);
  });
});

function floats(list: string[]): number[] {
  return list.flatMap((l) => {
    const match = /float (\d\.\d{6})/.exec(l);
    return match ? [Number(match[1])] : [];
  });
}

function dollars(label: string): number {
  const match = /\$([\d,]+\.\d\d)/.exec(label);
  return match ? Number(match[1]!.replace(/,/g, '')) : -1;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
