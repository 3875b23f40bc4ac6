/**
 * Confirming and refusing through the emulated mobile confirmations, requests made by hand:
 * sent offers, acceptances and market listings listed and acted on (offers read back from the
 * trade world), several at once or none, and the trade protection acknowledgement first.
 */
import { describe, expect, it } from 'vitest';
import { guardWorld } from '../../../../test/guard-world.js';
import {
  acceptOffer,
  control,
  cookies,
  sendOffer,
  tradable,
  type Json,
} from '../../../../test/trade-world.js';
import type { MintedSession } from '../../index.js';

const BOT = '76561198000000955';
const PARTNER = '76561198000000956';
const MOBILE_PARTNER = '76561198000000957';
const NEWCOMER = '76561198000000958';

const {
  trade,
  guard,
  url,
  getlist,
  ajaxop,
  multiajaxop,
  offerFrom: offer,
} = guardWorld({
  users: {
    [BOT]: { name: 'Bot One', trade: { mobileAuthenticator: true } },
    [PARTNER]: { name: 'Partner' },
    [MOBILE_PARTNER]: { trade: { mobileAuthenticator: true } },
    [NEWCOMER]: { trade: { mobileAuthenticator: true, acknowledged: false } },
  },
  guard: { timeSkewSeconds: 600 },
});
const offerFrom = (sender: string, session: MintedSession) => offer(sender, session, PARTNER);

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
