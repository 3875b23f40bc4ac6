/**
 * The viewer's trade desk in a real (headless) Chromium against `gamestash demo`'s world: a
 * real gateway with the demo trading account on the emulator. The offer lists; accepting and
 * declining a received offer through the confirmation dialog, with the emulator's offer state
 * checked after; composing and sending an offer, sent once although Send is pressed again after
 * a lost answer (the same Idempotency-Key); cancelling it; keys without offers:read or
 * offers:write told so in plain words; keyboard-only use; the accessibility check; no request
 * outside loopback. Screenshots go to test-artifacts/viewer/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, partnerTradeUrl } from '../../cli/demo/scenario.js';
import { startDemo, type RunningDemo } from '../../cli/demo/start-demo.js';
import { sendPartnerOffers } from '../../cli/demo/trading.js';
import {
  accessibilityProblems,
  artifact,
  buildViewerClient,
  launchChromium,
  storeKey,
  watchedContext,
  type WatchedContext,
} from '../../../test/services/browser.js';
import { focusedOf, tabTo, until } from '../../../test/services/browser-steps.js';

let demo: RunningDemo;
let browser: Browser;
const watched: WatchedContext[] = [];

beforeAll(async () => {
  buildViewerClient();
  demo = await startDemo({ port: 0, logLevel: 'silent', history: false });
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

const control = () => demo.emulator.steam.trade;
/** The emulator's pending offers sent to the demo account, oldest first. */
const received = () =>
  control()
    .offers({ steamid: DEMO.steamid })
    .filter((o) => o.recipient === DEMO.steamid && o.state === 2)
    .sort((a, b) => Number(a.id) - Number(b.id));

async function newPage(key = demo.key, options: Parameters<typeof watchedContext>[1] = {}): Promise<Page> {
  const context = await watchedContext(browser, options);
  watched.push(context);
  await storeKey(context.context, key);
  return context.context.newPage();
}

const status = (page: Page) => page.locator('#trade-status').textContent();
const card = (page: Page, id: string) => page.locator(`li.offer[data-offer="${id}"]`);

async function confirmIn(page: Page, action: 'Accept' | 'Decline' | 'Cancel', id: string): Promise<void> {
  await page.getByRole('button', { name: `${action} offer ${id}` }).click();
  const dialog = page.getByRole('dialog', { name: `${action} offer ${id}` });
  await until(() => dialog.isVisible()).toBe(true);
  await dialog.getByRole('button', { name: `Yes, ${action.toLowerCase()} it` }).click();
  await until(() => dialog.isVisible()).toBe(false);
}

describe('the trade desk in a browser', { timeout: 120_000 }, () => {
  let page: Page;

  it('shows the demo account’s incoming offers with their items, icons and states in words', async () => {
    page = await newPage();
    // Without an account yet, the desk names (and suggests) the ones this key may use.
    await page.goto(`${demo.url}/viewer?tab=trade`);
    await until(() => status(page)).toBe(`Choose a trading account: this key may use ${DEMO.account}.`);
    expect(
      await page.locator('#trade-accounts option').evaluateAll((o) => o.map((x) => x.getAttribute('value'))),
    ).toEqual([DEMO.account]);
    await page.goto(`${demo.url}/viewer?tab=trade&acct=${DEMO.account}`);
    expect(await page.getByRole('tab', { name: 'Trade desk' }).getAttribute('aria-selected')).toBe('true');
    await until(() => status(page)).toContain('2 offers waiting for an answer');
    const offers = received();
    expect(offers).toHaveLength(2);
    for (const offer of offers) {
      const box = card(page, offer.id);
      expect(await box.locator('h3').textContent()).toBe(`Offer ${offer.id} from ${DEMO.partnerSteamid}`);
      expect(await box.locator('.state').textContent()).toBe('Active');
      expect(await box.textContent()).toContain(offer.message);
      expect(await box.locator('.offer-items li').count()).toBe(
        offer.itemsFromSender.length + offer.itemsFromRecipient.length,
      );
    }
    const swap = card(page, offers[0]!.id);
    expect(await swap.getByRole('heading', { name: /^You give: 2 items$/ }).count()).toBe(1);
    await until(() =>
      swap
        .locator('.offer-items img')
        .first()
        .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Outgoing' }).click();
    expect(await page.locator('#trade-outgoing').textContent()).toContain('No offers sent lately.');
    expect(new URL(page.url()).searchParams.get('list')).toBe('outgoing');
    await page.goBack();
    await until(() => page.locator('#trade-incoming').isVisible()).toBe(true);
    await page.screenshot({ path: artifact('trade-desk.png'), fullPage: true });
  });

  it('accepts one incoming offer and declines the other through the dialog; the emulator agrees', async () => {
    const [swap, gift] = received();
    await page.getByRole('button', { name: `Accept offer ${swap!.id}` }).click();
    const dialog = page.getByRole('dialog', { name: `Accept offer ${swap!.id}` });
    await until(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('demo gives 2 items and receives 2 items');
    await page.screenshot({ path: artifact('trade-confirm.png') });
    await dialog.getByRole('button', { name: 'Yes, accept it' }).click();
    await until(() => dialog.isVisible()).toBe(false);
    expect(control().offer(swap!.id)!.state).toBe(3);
    await until(() => card(page, swap!.id).locator('.state').textContent()).toBe('Accepted');
    expect(await card(page, swap!.id).getByRole('button').count()).toBe(0);

    await confirmIn(page, 'Decline', gift!.id);
    expect(control().offer(gift!.id)!.state).toBe(7);
    await until(() => card(page, gift!.id).locator('.state').textContent()).toBe('Declined');
    expect(await status(page)).toContain('0 offers waiting');
  });

  it('composes an offer from both inventories with running values, sends it once, and cancels it', async () => {
    await page.getByRole('button', { name: 'New offer' }).click();
    expect(new URL(page.url()).searchParams.get('list')).toBe('new');
    await page.getByLabel("Partner's trade URL").fill(partnerTradeUrl());
    await page.getByRole('button', { name: 'Load inventories' }).click();
    const mine = page.locator('#trade-mine .pick');
    const theirs = page.locator('#trade-theirs .pick');
    await until(() => mine.count()).toBeGreaterThan(10);
    await until(() => theirs.count()).toBeGreaterThan(10);
    await until(() => mine.first().locator('.pick-price').textContent()).toMatch(/^\$[\d,]+\.\d\d$/);
    await page.getByLabel('Search your items').fill((await mine.nth(2).locator('.pick-name').textContent())!);
    await mine.first().click();
    await theirs.nth(0).click();
    await theirs.nth(1).click();
    expect(await mine.first().getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#trade-mine-value').textContent()).toMatch(
      /^You give: 1 item, worth \$[\d,]+\.\d\d$/,
    );
    expect(await page.locator('#trade-theirs-value').textContent()).toMatch(
      /^You receive: 2 items, worth \$[\d,]+\.\d\d$/,
    );
    const chosen = async (side: string) =>
      page.evaluate<string[]>(
        `[...document.querySelectorAll('#${side} .pick[aria-pressed="true"]')].map((e) => e.dataset.asset)`,
      );
    const give = await chosen('trade-mine');
    const get = await chosen('trade-theirs');
    expect([give.length, get.length]).toEqual([1, 2]);
    await page.getByLabel('Message').fill('From the desk');
    await page.screenshot({ path: artifact('trade-compose.png'), fullPage: true });

    // The first answer is lost on the way back: the offer went out, the page heard nothing.
    const sends: Record<string, string>[] = [];
    let lose = true;
    await page.route(`**/v1/steam/accounts/${DEMO.account}/offers`, async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      sends.push(route.request().headers());
      if (!lose) return route.fallback();
      lose = false;
      await route.fetch();
      return route.abort('connectionreset');
    });
    const before = control().offers({ steamid: DEMO.steamid }).length;
    await page.getByRole('button', { name: 'Send offer' }).click();
    await until(() => page.locator('#trade-send-error').textContent()).toMatch(/^No answer from the gateway/);
    expect(control().offers({ steamid: DEMO.steamid })).toHaveLength(before + 1);
    await page.getByRole('button', { name: 'Send offer' }).click();
    await until(() => page.locator('#trade-sent').textContent()).toMatch(
      /^Sent offer \d+: Active \(already sent: this is the same offer, not a second one\)\.$/,
    );
    expect(sends).toHaveLength(2);
    expect(sends[0]!['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(sends[1]!['idempotency-key']).toBe(sends[0]!['idempotency-key']);
    const all = control().offers({ steamid: DEMO.steamid });
    expect(all).toHaveLength(before + 1);
    const id = /Sent offer (\d+)/.exec((await page.locator('#trade-sent').textContent())!)![1]!;
    const sent = control().offer(id)!;
    expect(sent).toMatchObject({
      sender: DEMO.steamid,
      recipient: DEMO.partnerSteamid,
      state: 2,
      message: 'From the desk',
    });
    const specs = (items: { appid: number; contextid: string; assetid: string }[]) =>
      items.map((i) => `${i.appid}/${i.contextid}/${i.assetid}`).sort();
    expect(specs(sent.itemsFromSender)).toEqual(give.sort());
    expect(specs(sent.itemsFromRecipient)).toEqual(get.sort());
    await page.unroute(`**/v1/steam/accounts/${DEMO.account}/offers`);

    await page.getByRole('button', { name: 'Outgoing' }).click();
    await until(() => card(page, id).locator('.state').textContent()).toBe('Active');
    await confirmIn(page, 'Cancel', id);
    expect(control().offer(id)!.state).toBe(6);
    await until(() => card(page, id).locator('.state').textContent()).toBe('Canceled');
  });

  it('tells a key without offers:read or offers:write so, in plain words, where it happened', async () => {
    await sendPartnerOffers(demo.emulator, demo.gateway.fastify.services.http);
    const services = demo.gateway.fastify.services;
    const reader = await services.keys.create({
      name: 'reader',
      scopes: ['inventory:read', 'offers:read'],
      accounts: [DEMO.account],
    });
    const looker = await newPage(reader.key);
    await looker.goto(`${demo.url}/viewer?tab=trade&acct=${DEMO.account}`);
    await until(() => status(looker)).toContain('2 offers waiting');
    const [offer] = received();
    await looker.getByRole('button', { name: `Accept offer ${offer!.id}` }).click();
    const dialog = looker.getByRole('dialog', { name: `Accept offer ${offer!.id}` });
    await dialog.getByRole('button', { name: 'Yes, accept it' }).click();
    await until(() => dialog.getByRole('alert').textContent()).toBe(
      'This key may not send, accept, decline or cancel offers of demo — ask the operator for offers:write.',
    );
    expect(control().offer(offer!.id)!.state).toBe(2);
    await looker.screenshot({ path: artifact('trade-no-write.png') });
    await looker.keyboard.press('Escape');
    await looker.getByLabel('Trading account').fill('ghost');
    await looker.getByRole('button', { name: 'Open desk' }).click();
    await until(() => looker.locator('#trade-error').textContent()).toMatch(
      /^This key may not use a trading account named “ghost”/,
    );
    await looker.close();

    const inventoryOnly = await services.keys.create({ name: 'inventory only', accounts: [DEMO.account] });
    const blind = await newPage(inventoryOnly.key);
    await blind.goto(`${demo.url}/viewer?tab=trade&acct=${DEMO.account}`);
    await until(() => blind.locator('#trade-error').textContent()).toBe(
      'This key may not read offers of demo — ask the operator for offers:read.',
    );
    await blind.close();
  });

  it('works with the keyboard alone: the tab, the account, an offer’s action and its dialog', async () => {
    const keys = await newPage();
    await keys.goto(`${demo.url}/viewer`);
    const focused = focusedOf(keys);
    await tabTo(keys, focused, 'tab-steam');
    await keys.keyboard.press('End');
    expect(await focused()).toBe('tab-trade');
    expect(await keys.locator('#panel-trade').isVisible()).toBe(true);
    await keys.keyboard.press('Tab');
    expect(await focused()).toBe('trade-acct');
    await keys.keyboard.type(DEMO.account);
    await keys.keyboard.press('Enter');
    await until(() => status(keys)).toContain('2 offers waiting');
    const [, gift] = received();
    const label = `Decline offer ${gift!.id}`;
    const name = () => keys.evaluate<string>("document.activeElement?.getAttribute('aria-label') || ''");
    for (let i = 0; i < 30 && (await name()) !== label; i++) await keys.keyboard.press('Tab');
    expect(await name()).toBe(label);
    expect(await keys.evaluate('getComputedStyle(document.activeElement).outlineStyle')).not.toBe('none');
    await keys.keyboard.press('Enter');
    const dialog = keys.getByRole('dialog', { name: label });
    await until(() => dialog.isVisible()).toBe(true);
    await keys.keyboard.press('Escape');
    await until(() => dialog.isVisible()).toBe(false);
    expect(await name()).toBe(label);
    expect(control().offer(gift!.id)!.state).toBe(2);
    await keys.keyboard.press('Enter');
    await until(() => dialog.isVisible()).toBe(true);
    expect(await keys.evaluate('document.activeElement?.textContent')).toBe('Yes, decline it');
    await keys.keyboard.press('Enter');
    await until(() => dialog.isVisible()).toBe(false);
    expect(control().offer(gift!.id)!.state).toBe(7);
    await keys.close();
  });

  it('is readable at 360 px in dark mode, passes the accessibility check, and stayed on loopback', async () => {
    const small = await newPage(demo.key, { viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
    await small.goto(`${demo.url}/viewer?tab=trade&acct=${DEMO.account}`);
    await until(() => status(small)).toContain('offer');
    expect(await small.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await small.screenshot({ path: artifact('trade-mobile-dark.png'), fullPage: true });
    expect(await accessibilityProblems(small)).toEqual([]);
    await small.close();
    await page.getByRole('button', { name: 'New offer' }).click();
    expect(await accessibilityProblems(page)).toEqual([]);
    for (const context of watched) {
      expect(context.outside).toEqual([]);
      expect(context.problems).toEqual([]);
      for (const request of context.requests) expect(new URL(request.url).hostname).toBe('127.0.0.1');
    }
  });
});
