import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { cookies, sendOffer, tradable, tradeWorld, type Json } from '../../../../test/trade-world.js';
import { startEmulator, type MintedSession } from '../../index.js';

const VIEWER = '76561198000001201';
const PARTNER = '76561198000001202';
const FRIEND = '76561198000001203';
const BANNED = '76561198000001204';
const STRANGER = '76561198000001205';
const MOBILE_AGENT = 'okhttp/4.9.2';

const world = tradeWorld({
  users: {
    [VIEWER]: { name: 'Viewer <b>', friends: [FRIEND] },
    [PARTNER]: {
      name: 'Partner',
      trade: { escrowDays: 2, probation: true },
      inventories: { '730/2': { size: 2500 } },
    },
    [FRIEND]: { name: 'Friend' },
    [BANNED]: { name: 'Banned', trade: { tradeBan: true } },
  },
});

const trade = () => world.emulator.steam.trade;
const url = () => world.emulator.url;
const accountid = (steamid: string) => Number(BigInt(steamid) - 76561197960265728n);

async function page(path: string, session: MintedSession, headers: Record<string, string> = {}) {
  const response = await fetch(`${url()}${path}`, {
    redirect: 'manual',
    headers: {
      cookie: cookies(session),
      referer: 'https://steamcommunity.com/tradeoffers/',
      'user-agent': MOBILE_AGENT,
      ...headers,
    },
  });
  return { status: response.status, text: await response.text() };
}

/** What node-steam-tradeoffer-manager's getUserDetails does with the page. */
function readDetails(body: string) {
  const script = body.match(
    /\n\W*<script type="text\/javascript">\W*\r?\n?(\W*var g_rgAppContextData[\s\S]*)<\/script>/,
  );
  expect(script).not.toBeNull();
  const noop = { SetProfileURL() {}, SetSteamId() {} };
  const context = createContext({ UserYou: noop, UserThem: noop, $J() {} });
  runInContext(script![1]!, context);
  const vars = context as Json;
  return {
    me: { personaName: vars.g_strYourPersonaName, contexts: vars.g_rgAppContextData },
    them: {
      personaName: vars.g_strTradePartnerPersonaName,
      contexts: vars.g_rgPartnerAppContextData,
      probation: vars.g_bTradePartnerProbation,
    },
    myEscrow: Number(/var g_daysMyEscrow = (\d+);/.exec(body)?.[1]),
    theirEscrow: Number(/var g_daysTheirEscrow = (\d+);/.exec(body)?.[1]),
  };
}

describe('the new offer page', () => {
  it('answers 429 without a Referer or without the mobile user agent (2026-07)', async () => {
    const viewer = trade().session(VIEWER);
    const path = `/tradeoffer/new/?partner=${accountid(PARTNER)}&token=${trade().account(PARTNER).token}`;
    expect((await page(path, viewer, { 'user-agent': 'Mozilla/5.0' })).status).toBe(429);
    const noReferer = await fetch(`${url()}${path}`, {
      headers: { cookie: cookies(viewer), 'user-agent': MOBILE_AGENT },
    });
    expect(noReferer.status).toBe(429);
    expect((await page(path, viewer)).status).toBe(200);
  });

  it('carries the escrow days, probation, persona names, contexts and avatars clients read', async () => {
    const viewer = trade().session(VIEWER);
    const { text } = await page(
      `/tradeoffer/new/?partner=${accountid(PARTNER)}&token=${trade().account(PARTNER).token}`,
      viewer,
    );
    const details = readDetails(text);
    expect(details).toMatchObject({
      me: { personaName: 'Viewer <b>' },
      them: { personaName: 'Partner', probation: true },
      myEscrow: 0,
      theirEscrow: 2,
    });
    expect(details.them.contexts['730']).toMatchObject({
      appid: 730,
      asset_count: 2500,
      rgContexts: { '2': { id: '2' } },
    });
    expect(text).toContain(`data-miniprofile="${accountid(VIEWER)}"`);
    expect(text).toContain(`data-miniprofile="${accountid(PARTNER)}"`);
  });

  it('shows <div id="error_msg"> for a wrong token or a banned partner, not for a friend', async () => {
    const viewer = trade().session(VIEWER);
    const wrong = await page(`/tradeoffer/new/?partner=${accountid(PARTNER)}&token=nottoken`, viewer);
    expect(wrong.text).toMatch(
      /<div id="error_msg">\s*This Trade URL is no longer valid for sending a trade offer to Partner\.\s*<\/div>/,
    );
    const banned = await page(
      `/tradeoffer/new/?partner=${accountid(BANNED)}&token=${trade().account(BANNED).token}`,
      viewer,
    );
    expect(banned.text).toMatch(
      /<div id="error_msg">\s*You cannot trade with Banned because they have a trade ban\.\s*<\/div>/,
    );
    expect(
      readDetails((await page(`/tradeoffer/new/?partner=${accountid(FRIEND)}`, viewer)).text).them
        .personaName,
    ).toBe('Friend');
  });

  it('can be served without the mobile agent when the scenario says so', async () => {
    const emulator = await startEmulator({
      scenario: { steam: { trade: { offerPageNeedsMobileAgent: false } } },
    });
    try {
      const viewer = emulator.steam.trade.session(VIEWER);
      const response = await fetch(
        `${emulator.url}/tradeoffer/new/?partner=${accountid(PARTNER)}&token=${emulator.steam.trade.account(PARTNER).token}`,
        {
          headers: { cookie: cookies(viewer) },
        },
      );
      expect(response.status).toBe(200);
    } finally {
      await emulator.close();
    }
  });
});

describe('the offer page', () => {
  it("shows an offer to its parties only, from the viewer's side", async () => {
    const viewer = trade().session(VIEWER);
    const give = await tradable(url(), VIEWER, 440, '2', 1, viewer);
    const sent = await sendOffer(url(), viewer, { partner: FRIEND, give });
    const id = sent.json.tradeofferid as string;
    const asRecipient = readDetails((await page(`/tradeoffer/${id}/`, trade().session(FRIEND))).text);
    expect(asRecipient).toMatchObject({ me: { personaName: 'Friend' }, them: { personaName: 'Viewer <b>' } });
    const stranger = await page(`/tradeoffer/${id}/`, trade().session(STRANGER));
    expect(stranger.text).toContain('<div id="error_msg">');
  });
});

describe('GET /tradeoffer/new/partnerinventory/', () => {
  it("lists the partner's tradable items in the older format, 2000 at a time", async () => {
    const viewer = trade().session(VIEWER);
    const load = async (start?: number) => {
      const query = new URLSearchParams({
        sessionid: viewer.sessionid,
        partner: PARTNER,
        appid: '730',
        contextid: '2',
      });
      if (start !== undefined) query.set('start', String(start));
      const response = await fetch(`${url()}/tradeoffer/new/partnerinventory/?${query}`, {
        headers: {
          cookie: cookies(viewer),
          referer: `https://steamcommunity.com/tradeoffer/new/?partner=${accountid(PARTNER)}`,
        },
      });
      return (await response.json()) as Json;
    };
    const first = await load();
    expect(first).toMatchObject({ success: true, more: true, more_start: 2000, rgCurrency: [] });
    const items = Object.values(first.rgInventory) as Json[];
    expect(items).toHaveLength(2000);
    expect(items[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      classid: expect.any(String),
      instanceid: expect.any(String),
      amount: '1',
      pos: 1,
    });
    for (const item of items) {
      const description = first.rgDescriptions[`${item.classid}_${item.instanceid}`];
      expect(description.tradable).toBe(1);
    }
    expect(Object.keys(first.rgAssetProperties).length).toBeGreaterThan(0);
    const second = await load(first.more_start);
    expect(second).toMatchObject({ success: true, more: false, more_start: false });
    const rest = Object.keys(second.rgInventory);
    expect(rest.length).toBeGreaterThan(0);
    expect(new Set([...Object.keys(first.rgInventory), ...rest]).size).toBe(2000 + rest.length);
  });

  it('redirects a logged-out request to the login page', async () => {
    const response = await fetch(
      `${url()}/tradeoffer/new/partnerinventory/?partner=${PARTNER}&appid=730&contextid=2`,
      {
        redirect: 'manual',
      },
    );
    expect(response.status).toBe(302);
  });
});
