import { describe, expect, it } from 'vitest';
import {
  acceptOffer,
  cookies,
  sendOffer,
  tradable,
  tradeWorld,
  type Json,
} from '../../../../test/trade-world.js';
import type { MintedSession } from '../../index.js';

const NEWCOMER = '76561198000000901';
const PARTNER = '76561198000000902';
const VETERAN = '76561198000000903';
const LATE_ACCEPTOR = '76561198000000904';
const MOBILE_NEWCOMER = '76561198000000905';

// Accounts start unacknowledged here; VETERAN says otherwise for itself.
const world = tradeWorld({
  users: {
    [VETERAN]: { trade: { acknowledged: true } },
    [MOBILE_NEWCOMER]: { trade: { mobileAuthenticator: true } },
  },
  trade: { acknowledgedByDefault: false },
});

const trade = () => world.emulator.steam.trade;
const url = () => world.emulator.url;

async function acknowledge(session: MintedSession, path = '/trade/new/acknowledge', message = '1') {
  const response = await fetch(`${url()}${path}`, {
    method: 'POST',
    body: new URLSearchParams({ sessionid: session.sessionid, message }).toString(),
    headers: { cookie: cookies(session), 'content-type': 'application/x-www-form-urlencoded' },
  });
  return { status: response.status, json: (await response.json().catch(() => undefined)) as Json };
}

describe('the trade protection acknowledgement (2025-07)', () => {
  it('leaves sends from an unacknowledged account waiting on a confirmation that fails until it acknowledges', async () => {
    const newcomer = trade().session(NEWCOMER);
    const items = await tradable(url(), NEWCOMER, 730, '2', 1, newcomer);
    const sent = await sendOffer(url(), newcomer, {
      partner: PARTNER,
      give: items,
      token: trade().account(PARTNER).token,
    });
    // No authenticator: Steam would ask by email.
    expect(sent.json).toMatchObject({ needs_mobile_confirmation: false, needs_email_confirmation: true });
    const id = sent.json.tradeofferid as string;
    expect(trade().offer(id)).toMatchObject({ state: 9, confirmationMethod: 1 });
    expect(trade().confirm(id)).toEqual({
      ok: false,
      status: 409,
      error: 'the account has not acknowledged trade protection',
    });

    expect(await acknowledge(newcomer)).toEqual({ status: 200, json: { success: true } });
    expect(trade().account(NEWCOMER).acknowledged).toBe(true);
    expect(trade().confirm(id)).toMatchObject({ ok: true, offer: { state: 2 } });
    const next = await sendOffer(url(), newcomer, {
      partner: PARTNER,
      give: items,
      token: trade().account(PARTNER).token,
    });
    expect(next.json.needs_email_confirmation).toBe(false);
    expect(trade().offer(next.json.tradeofferid)!.state).toBe(2);

    const stats = (await (await fetch(`${url()}/__emulator/stats`)).json()) as Json;
    expect(stats.modules.steamTrade).toMatchObject({ sendsBeforeAcknowledgement: 1, acknowledgements: 1 });
  });

  it('asks for mobile confirmation when the unacknowledged account has the authenticator', async () => {
    const mobile = trade().session(MOBILE_NEWCOMER);
    const [wanted] = await tradable(url(), PARTNER, 730, '2', 1);
    const sent = await sendOffer(url(), mobile, {
      partner: PARTNER,
      receive: [wanted!],
      token: trade().account(PARTNER).token,
    });
    expect(sent.json).toMatchObject({ needs_mobile_confirmation: true, needs_email_confirmation: false });
  });

  it('makes an unacknowledged acceptor confirm, and that confirmation fail until they acknowledge', async () => {
    const veteran = trade().session(VETERAN);
    const [gift] = await tradable(url(), VETERAN, 730, '2', 1, veteran);
    const sent = await sendOffer(url(), veteran, {
      partner: LATE_ACCEPTOR,
      give: [gift!],
      token: trade().account(LATE_ACCEPTOR).token,
    });
    const id = sent.json.tradeofferid as string;
    const acceptor = trade().session(LATE_ACCEPTOR);
    expect((await acceptOffer(url(), acceptor, id, VETERAN)).json).toEqual({
      needs_email_confirmation: true,
    });
    expect(trade().confirm(id)).toMatchObject({ ok: false, status: 409 });
    // node-steamcommunity posts to `//trade/new/acknowledge`; Steam takes both spellings.
    expect((await acknowledge(acceptor, '//trade/new/acknowledge')).status).toBe(200);
    expect(trade().confirm(id)).toMatchObject({ ok: true, offer: { state: 3 } });
  });

  it('needs a logged-in session with the sessionid pair, and message=1', async () => {
    const partner = trade().session(PARTNER);
    expect((await acknowledge({ ...partner, sessionid: 'x' }, '/trade/new/acknowledge')).status).toBe(200);
    const mismatched = await fetch(`${url()}/trade/new/acknowledge`, {
      method: 'POST',
      body: 'sessionid=one&message=1',
      headers: { cookie: `sessionid=two; steamLoginSecure=${partner.steamLoginSecure}` },
    });
    expect(mismatched.status).toBe(401);
    expect((await acknowledge(trade().session(NEWCOMER), '/trade/new/acknowledge', '0')).status).toBe(400);
  });
});
