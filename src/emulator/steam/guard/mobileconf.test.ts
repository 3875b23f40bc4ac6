/**
 * The emulated mobile confirmations over real HTTP, requests made by hand (the emulator
 * must not depend on the client): the key checked with the account's identity secret, a
 * time used twice or far from the server clock refused, the 2025-2026 header requirements,
 * listing and acting on sent offers, acceptances and market listings, and the trade
 * protection acknowledgement.
 */
import { describe, expect, it } from 'vitest';
import {
  acceptOffer,
  control,
  cookies,
  sendOffer,
  tradable,
  tradeWorld,
  type Json,
} from '../../../../test/trade-world.js';
import type { MintedSession } from '../../index.js';
import { confirmationKeyAt } from './totp.js';

const BOT = '76561198000000950';
const PARTNER = '76561198000000951';
const MOBILE_PARTNER = '76561198000000952';
const NEWCOMER = '76561198000000953';
const OTHER = '76561198000000954';
const SKEW = 3600;

const world = tradeWorld({
  users: {
    [BOT]: { name: 'Bot One', trade: { mobileAuthenticator: true } },
    [PARTNER]: { name: 'Partner' },
    [MOBILE_PARTNER]: { trade: { mobileAuthenticator: true } },
    [NEWCOMER]: { trade: { mobileAuthenticator: true, acknowledged: false } },
    [OTHER]: { trade: { mobileAuthenticator: true } },
  },
  guard: { timeSkewSeconds: SKEW },
});
const trade = () => world.emulator.steam.trade;
const guard = () => world.emulator.steam.guard;
const url = () => world.emulator.url;

const MOBILE = { 'user-agent': 'okhttp/4.9.2', origin: 'https://steamcommunity.com' };
/** Each call takes a time of its own, from half a minute before the server clock on. */
let last = 0;
const nextTime = () => (last = Math.max(guard().serverTime() - 30, last + 1));

interface Call {
  steamid: string;
  session: MintedSession;
  tag?: string;
  time?: number;
  key?: string;
  headers?: Record<string, string | undefined>;
}

function params(call: Call): Record<string, string> {
  const tag = call.tag ?? 'list';
  const time = call.time ?? nextTime();
  return {
    p: 'android:00000000-0000-0000-0000-000000000000',
    a: call.steamid,
    k: call.key ?? guard().confirmationKey(call.steamid, time, tag),
    t: String(time),
    m: 'react',
    tag,
  };
}

function headers(call: Call): Record<string, string> {
  const out: Record<string, string> = { ...MOBILE, cookie: cookies(call.session) };
  for (const [name, value] of Object.entries(call.headers ?? {})) {
    if (value === undefined) delete out[name];
    else out[name] = value;
  }
  return out;
}

async function reply(response: Response) {
  const text = await response.text();
  let json: Json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json };
}

async function getlist(call: Call) {
  const query = new URLSearchParams(params(call));
  return reply(await fetch(`${url()}/mobileconf/getlist?${query}`, { headers: headers(call) }));
}

async function ajaxop(call: Call & { op: string; cid: string; ck: string }) {
  const query = new URLSearchParams({
    op: call.op,
    ...params({ tag: call.op === 'allow' ? 'accept' : 'reject', ...call }),
    cid: call.cid,
    ck: call.ck,
  });
  return reply(await fetch(`${url()}/mobileconf/ajaxop?${query}`, { headers: headers(call) }));
}

async function multiajaxop(call: Call & { op: string; confs: { id: string; nonce: string }[] }) {
  const form = new URLSearchParams({ op: call.op, ...params({ tag: 'accept', ...call }) });
  for (const conf of call.confs) {
    form.append('cid[]', conf.id);
    form.append('ck[]', conf.nonce);
  }
  return reply(
    await fetch(`${url()}/mobileconf/multiajaxop`, {
      method: 'POST',
      body: form.toString(),
      headers: { ...headers(call), 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    }),
  );
}

/** An offer from `sender` giving one item; waits in state 9 when the sender has the authenticator. */
async function offerFrom(sender: string, session: MintedSession, partner = PARTNER): Promise<string> {
  const items = await tradable(url(), sender, 730, '2', 1, session);
  const sent = await sendOffer(url(), session, {
    partner,
    give: items,
    token: trade().account(partner).token,
  });
  expect(sent.status).toBe(200);
  return sent.json.tradeofferid as string;
}

describe('ITwoFactorService/QueryTime', () => {
  it('answers a POST with the server clock, skewed as the scenario says; a GET is refused', async () => {
    const before = Math.floor(trade().now() / 1000);
    const answer = await reply(await fetch(`${url()}/ITwoFactorService/QueryTime/v1/`, { method: 'POST' }));
    expect(answer.status).toBe(200);
    const serverTime = Number(answer.json.response.server_time);
    expect(typeof answer.json.response.server_time).toBe('string');
    expect(serverTime - before).toBeGreaterThanOrEqual(SKEW);
    expect(serverTime - before).toBeLessThanOrEqual(SKEW + 5);
    expect(answer.json.response).toMatchObject({ skew_tolerance_seconds: '60', max_attempts: 3 });
    expect((await fetch(`${url()}/ITwoFactorService/QueryTime/v1/`)).status).toBe(405);
  });
});

describe('the confirmation key', () => {
  it("matches a published vector (steamguard-cli's test of the same algorithm)", () => {
    expect(confirmationKeyAt('GQP46b73Ws7gr8GmZFR0sDuau5c=', 1617591917, 'conf')).toBe(
      'NaL8EIMhfy/7vBounJ0CvpKbrPk=',
    );
  });

  it('is checked against the identity secret, the time and the tag; a time is good once per tag', async () => {
    const session = trade().session(BOT);
    const time = nextTime();
    expect(await getlist({ steamid: BOT, session, time, tag: 'list' })).toEqual({
      status: 200,
      json: { success: true, conf: [] },
    });
    // The same time again with the same tag: refused. With another tag it is a new key.
    const again = await getlist({ steamid: BOT, session, time, tag: 'list' });
    expect(again.json).toMatchObject({ success: false, message: 'Invalid authenticator' });
    expect(again.json.detail).toMatch(/incorrect Steam Guard codes/);
    expect((await getlist({ steamid: BOT, session, time, tag: 'conf' })).json.success).toBe(true);

    // A key made with another secret, a key for another tag, a time an hour off the server's.
    const [t1, t2] = [nextTime(), nextTime()];
    const other = guard().confirmationKey(OTHER, t1, 'list');
    expect((await getlist({ steamid: BOT, session, time: t1, key: other })).json.success).toBe(false);
    const wrongTag = guard().confirmationKey(BOT, t2, 'conf');
    expect((await getlist({ steamid: BOT, session, time: t2, key: wrongTag })).json.success).toBe(false);
    const local = guard().serverTime() - SKEW;
    expect((await getlist({ steamid: BOT, session, time: local })).json).toMatchObject({
      success: false,
      message: 'Invalid authenticator',
    });
    // Another account's `a` with this session is refused too.
    expect((await getlist({ steamid: OTHER, session })).json.success).toBe(false);
    const stats = (await control(url(), '../stats')).json.modules.steamGuard;
    expect(stats).toMatchObject({ reusedTimes: 1, timesOutOfRange: 1 });
    expect(stats.keysRefused).toBeGreaterThanOrEqual(5);
  });

  it('follows secrets changed through the control endpoint', async () => {
    const session = trade().session(OTHER);
    const secret = Buffer.alloc(20, 7).toString('base64');
    const changed = await control(url(), `guard/accounts/${OTHER}`, { identitySecret: secret });
    expect(changed.json).toMatchObject({ steamid: OTHER, identitySecret: secret });
    expect(changed.json.loginCode).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
    const time = nextTime();
    const key = confirmationKeyAt(secret, time, 'list');
    expect((await getlist({ steamid: OTHER, session, time, key })).json.success).toBe(true);
    expect((await control(url(), `guard/accounts/${OTHER}`, { identitySecret: 'short' })).status).toBe(400);
  });
});

describe('headers and the session', () => {
  it('answers 429 without the mobile app user agent, 403 without Origin, needauth without a session', async () => {
    const session = trade().session(BOT);
    const desktop = await getlist({ steamid: BOT, session, headers: { 'user-agent': 'Mozilla/5.0' } });
    expect(desktop.status).toBe(429);
    const noOrigin = await getlist({ steamid: BOT, session, headers: { origin: undefined } });
    expect(noOrigin.status).toBe(403);
    const loggedOut = await getlist({ steamid: BOT, session, headers: { cookie: undefined } });
    expect(loggedOut).toEqual({ status: 200, json: { success: false, needauth: true } });
    trade().endSessions(BOT);
    expect((await getlist({ steamid: BOT, session })).json).toEqual({ success: false, needauth: true });
  });

  it('can ask Origin of POSTs only, or not at all', async () => {
    const session = trade().session(BOT);
    try {
      guard().settings({ originRequired: 'post', mobileAgentRequired: false });
      const get = await getlist({ steamid: BOT, session, headers: { origin: undefined, 'user-agent': 'x' } });
      expect(get.json.success).toBe(true);
      const post = await multiajaxop({
        steamid: BOT,
        session,
        op: 'allow',
        confs: [{ id: '1', nonce: '1' }],
        headers: { origin: undefined },
      });
      expect(post.status).toBe(403);
    } finally {
      guard().settings({ originRequired: 'all', mobileAgentRequired: true });
    }
  });
});

describe('confirming and refusing', () => {
  it('lists a sent offer as type 2 and confirming it makes it Active for both sides', async () => {
    const session = trade().session(BOT);
    const id = await offerFrom(BOT, session);
    expect(trade().offer(id)).toMatchObject({ state: 9, confirmationMethod: 2 });
    const list = await getlist({ steamid: BOT, session });
    const conf = list.json.conf.find((c: Json) => c.creator_id === id);
    expect(conf).toMatchObject({
      type: 2,
      type_name: 'Trade Offer',
      id: expect.stringMatching(/^\d{11}$/),
      nonce: expect.stringMatching(/^\d{19}$/),
      creation_time: trade().offer(id)!.created,
      headline: 'Partner',
      accept: 'Send Offer',
      multi: false,
    });
    expect(conf.summary[0]).toMatch(/^You will give up your /);
    expect(conf.summary[1]).toBe('You will receive nothing');
    // The same confirmation keeps its id and nonce.
    expect((await getlist({ steamid: BOT, session })).json.conf).toContainEqual(conf);

    // A wrong nonce does nothing.
    expect((await ajaxop({ steamid: BOT, session, op: 'allow', cid: conf.id, ck: '1' })).json).toEqual({
      success: false,
    });
    const done = await ajaxop({ steamid: BOT, session, op: 'allow', cid: conf.id, ck: conf.nonce });
    expect(done.json).toEqual({ success: true });
    expect(trade().offer(id)).toMatchObject({ state: 2, stateName: 'Active' });
    expect((await getlist({ steamid: BOT, session })).json.conf).not.toContainEqual(conf);
    // Acting again on a confirmation that is gone: refused.
    expect(
      (await ajaxop({ steamid: BOT, session, op: 'allow', cid: conf.id, ck: conf.nonce })).json.success,
    ).toBe(false);
  });

  it('refusing a sent offer makes it CanceledBySecondFactor', async () => {
    const session = trade().session(BOT);
    const id = await offerFrom(BOT, session);
    const conf = guard()
      .confirmations(BOT)
      .find((c) => c.creator_id === id)!;
    const done = await ajaxop({ steamid: BOT, session, op: 'cancel', cid: conf.id, ck: conf.nonce });
    expect(done.json).toEqual({ success: true });
    expect(trade().offer(id)).toMatchObject({ state: 10, stateName: 'CanceledBySecondFactor' });
  });

  it('multiajaxop confirms several at once, and none when one of them is wrong', async () => {
    const session = trade().session(BOT);
    const ids = [await offerFrom(BOT, session), await offerFrom(BOT, session), await offerFrom(BOT, session)];
    const confs = guard()
      .confirmations(BOT)
      .filter((c) => ids.includes(c.creator_id));
    expect(confs).toHaveLength(3);
    const bad = await multiajaxop({
      steamid: BOT,
      session,
      op: 'allow',
      confs: [confs[0]!, { id: confs[1]!.id, nonce: '42' }],
    });
    expect(bad.json).toEqual({ success: false });
    expect(ids.map((id) => trade().offer(id)!.state)).toEqual([9, 9, 9]);
    const good = await multiajaxop({ steamid: BOT, session, op: 'allow', confs: confs.slice(0, 2) });
    expect(good.json).toEqual({ success: true });
    expect(ids.map((id) => trade().offer(id)!.state)).toEqual([2, 2, 9]);
    const refused = await multiajaxop({ steamid: BOT, session, op: 'cancel', confs: [confs[2]!] });
    expect(refused.json).toEqual({ success: true });
    expect(trade().offer(ids[2]!)!.state).toBe(10);
  });

  it('lists the acceptance of a received offer, and confirming it carries the trade out', async () => {
    const botSession = trade().session(BOT);
    const partnerSession = trade().session(MOBILE_PARTNER);
    // The bot asks for an item: the partner, who has the authenticator, gives it when accepting.
    const wanted = await tradable(url(), MOBILE_PARTNER, 730, '2', 1, partnerSession);
    const sent = await sendOffer(url(), botSession, {
      partner: MOBILE_PARTNER,
      receive: wanted,
      token: trade().account(MOBILE_PARTNER).token,
    });
    const id = sent.json.tradeofferid as string;
    expect(trade().offer(id)!.state).toBe(2);
    const accepted = await acceptOffer(url(), partnerSession, id, BOT);
    expect(accepted.json).toEqual({ needs_mobile_confirmation: true });
    const conf = (await getlist({ steamid: MOBILE_PARTNER, session: partnerSession })).json.conf.find(
      (c: Json) => c.creator_id === id,
    );
    expect(conf).toMatchObject({ type: 2, accept: 'Accept Trade', headline: 'Bot One' });
    expect(conf.summary).toEqual([
      expect.stringMatching(/^You will give up your /),
      'You will receive nothing',
    ]);
    const done = await ajaxop({
      steamid: MOBILE_PARTNER,
      session: partnerSession,
      op: 'allow',
      cid: conf.id,
      ck: conf.nonce,
    });
    expect(done.json).toEqual({ success: true });
    expect(trade().offer(id)).toMatchObject({ state: 3, tradeid: expect.any(String) });
  });

  it('refuses to confirm until trade protection is acknowledged', async () => {
    const session = trade().session(NEWCOMER);
    const id = await offerFrom(NEWCOMER, session);
    const conf = guard()
      .confirmations(NEWCOMER)
      .find((c) => c.creator_id === id)!;
    const before = await ajaxop({ steamid: NEWCOMER, session, op: 'allow', cid: conf.id, ck: conf.nonce });
    expect(before.json).toEqual({ success: false });
    expect(trade().offer(id)!.state).toBe(9);
    const ack = await fetch(`${url()}/trade/new/acknowledge`, {
      method: 'POST',
      body: new URLSearchParams({ sessionid: session.sessionid, message: '1' }).toString(),
      headers: { cookie: cookies(session), 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(ack.status).toBe(200);
    const after = await ajaxop({ steamid: NEWCOMER, session, op: 'allow', cid: conf.id, ck: conf.nonce });
    expect(after.json).toEqual({ success: true });
    expect(trade().offer(id)!.state).toBe(2);
  });

  it('lists market listings as type 3 and confirms them', async () => {
    const session = trade().session(BOT);
    const made = await control(url(), `guard/accounts/${BOT}/market-listings`, {
      itemName: 'Operation Breakout Weapon Case',
      price: '$1.23',
    });
    expect(made.json.confirmation).toMatchObject({
      type: 3,
      type_name: 'Market Listing',
      creator_id: made.json.listing.listingid,
      headline: 'Operation Breakout Weapon Case',
      summary: ['Listing price: $1.23'],
    });
    const conf = made.json.confirmation;
    const listed = await getlist({ steamid: BOT, session });
    expect(listed.json.conf).toContainEqual(conf);
    expect((await ajaxop({ steamid: BOT, session, op: 'allow', cid: conf.id, ck: conf.nonce })).json).toEqual(
      { success: true },
    );
    expect((await control(url(), `guard/accounts/${BOT}/market-listings`)).json.listings).toEqual([
      expect.objectContaining({ listingid: conf.creator_id, state: 'active' }),
    ]);
  });
});
