import { describe, expect, it } from 'vitest';
import {
  acceptOffer,
  actOnOffer,
  econ,
  inventory,
  sendOffer,
  tradable,
  tradeWorld,
  type Asset,
  type Json,
} from '../../../../test/trade-world.js';

const GIVER = '76561198000000701';
const TAKER = '76561198000000702';
const HOLDER = '76561198000000703';
const MOBILE = '76561198000000704';
const OTHER = '76561198000000705';

const world = tradeWorld({
  users: {
    [GIVER]: { inventories: { '730/2': { size: 50 }, '440/2': { size: 10 } } },
    [TAKER]: { inventories: { '730/2': { size: 20 } } },
    [HOLDER]: { trade: { escrowDays: 3 } },
    [MOBILE]: { trade: { mobileAuthenticator: true } },
  },
});

const trade = () => world.emulator.steam.trade;
const url = () => world.emulator.url;
const DAY = 86_400_000;
const ids = (page: Json): string[] => (page.assets ?? []).map((a: Json) => a.assetid);

async function send(from: string, to: string, give: Asset[], receive: Asset[] = []) {
  const sent = await sendOffer(url(), trade().session(from), {
    partner: to,
    give,
    receive,
    token: trade().account(to).token,
  });
  expect(sent.status, sent.text).toBe(200);
  return sent.json.tradeofferid as string;
}

describe('an accepted offer', () => {
  it('moves both sides at once: the giver loses the items, the receiver has them in context 16 with new ids', async () => {
    const giver = trade().session(GIVER);
    const taker = trade().session(TAKER);
    const cs2 = await tradable(url(), GIVER, 730, '2', 2, giver);
    const tf2 = await tradable(url(), GIVER, 440, '2', 1, giver);
    const theirs = await tradable(url(), TAKER, 730, '2', 1, taker);
    const takerProtectedBefore = ids(await inventory(url(), TAKER, 730, '16', taker));

    const id = await send(GIVER, TAKER, [...cs2, ...tf2], theirs);
    const accepted = await acceptOffer(url(), taker, id, GIVER);
    expect(accepted.json).toEqual({ tradeid: expect.stringMatching(/^\d{19}$/) });

    const giverCs2 = await inventory(url(), GIVER, 730, '2', giver);
    expect(giverCs2.total_inventory_count).toBe(48);
    expect(ids(giverCs2)).not.toContain(cs2[0]!.assetid);
    expect((await inventory(url(), GIVER, 440, '2', giver)).total_inventory_count).toBe(9);
    expect(ids(await inventory(url(), TAKER, 730, '2', taker))).not.toContain(theirs[0]!.assetid);

    // The receiver's CS2 items wait in context 16, under new ids, untradable, owner-only.
    const takerProtected = await inventory(url(), TAKER, 730, '16', taker);
    const arrived = ids(takerProtected).filter((assetid) => !takerProtectedBefore.includes(assetid));
    expect(arrived).toHaveLength(2);
    expect(arrived).not.toContain(cs2[0]!.assetid);
    const arrivedDescriptions = takerProtected.descriptions.filter((d: Json) =>
      takerProtected.assets.some(
        (a: Json) => arrived.includes(a.assetid) && a.classid === d.classid && a.instanceid === d.instanceid,
      ),
    );
    expect(arrivedDescriptions.every((d: Json) => d.tradable === 0 && d.owner_descriptions)).toBe(true);
    expect((await inventory(url(), TAKER, 730, '16')).total_inventory_count).toBe(0);
    // TF2 has no trade protection: that item lands in context 2.
    const takerTf2 = await inventory(url(), TAKER, 440, '2', taker);
    expect(takerTf2.total_inventory_count).toBe(41);
    // And the giver got the taker's CS2 item in their own context 16.
    expect((await inventory(url(), GIVER, 730, '16', giver)).total_inventory_count).toBe(5);

    // GetTradeStatus names the new ids and contexts.
    const status = await econ(
      url(),
      'GetTradeStatus',
      { tradeid: accepted.json.tradeid },
      { token: taker.accessToken },
    );
    const [record] = status.json.response.trades;
    expect(record).toMatchObject({ tradeid: accepted.json.tradeid, steamid_other: GIVER, status: 3 });
    expect(record.assets_received.map((a: Json) => a.new_contextid).sort()).toEqual(['16', '16', '2']);
    expect(record.assets_received.map((a: Json) => a.new_assetid)).toEqual(expect.arrayContaining(arrived));
    expect(record.assets_given).toEqual([
      expect.objectContaining({ assetid: theirs[0]!.assetid, contextid: '2', new_contextid: '16' }),
    ]);
    const offer = (await econ(url(), 'GetTradeOffer', { tradeofferid: id }, { token: giver.accessToken }))
      .json.response.offer;
    expect(offer).toMatchObject({ trade_offer_state: 3, tradeid: accepted.json.tradeid });
    expect(offer.items_to_give.every((item: Json) => item.missing === true)).toBe(true);

    // After the protection window the items move to context 2, keeping their ids.
    trade().advanceTime(7 * DAY + 60_000);
    const later = trade().session(TAKER);
    expect(ids(await inventory(url(), TAKER, 730, '16', later))).toEqual(takerProtectedBefore);
    const takerCs2 = await inventory(url(), TAKER, 730, '2', later);
    expect(takerCs2.total_inventory_count).toBe(21);
    expect(ids(takerCs2).slice(0, 2).sort()).toEqual(arrived.slice().sort());
    const released = takerCs2.descriptions.find((d: Json) => d.classid === takerCs2.assets[0].classid);
    expect(released.tradable).toBe(1);
  });

  it('turns InvalidItems when accepted after its items left in another trade', async () => {
    const [item] = await tradable(url(), GIVER, 730, '2', 1, trade().session(GIVER));
    const first = await send(GIVER, TAKER, [item!]);
    const second = await send(GIVER, OTHER, [item!]);
    expect((await acceptOffer(url(), trade().session(TAKER), first, GIVER)).json.tradeid).toBeDefined();
    const refused = await acceptOffer(url(), trade().session(OTHER), second, GIVER);
    expect([refused.status, refused.json]).toEqual([
      500,
      { strError: 'There was an error accepting this trade offer.  Please try again later. (26)' },
    ]);
    expect(trade().offer(second)).toMatchObject({ state: 8, stateName: 'InvalidItems' });
  });

  it('waits out a trade hold: items leave at once and arrive when it ends (InEscrow, then Accepted)', async () => {
    const holder = trade().session(HOLDER);
    const [item] = await tradable(url(), HOLDER, 730, '2', 1, holder);
    const id = await send(HOLDER, OTHER, [item!]);
    const other = trade().session(OTHER);
    const before = (await inventory(url(), OTHER, 730, '16', other)).total_inventory_count;
    const accepted = await acceptOffer(url(), other, id, HOLDER);
    const offer = trade().offer(id)!;
    expect(offer).toMatchObject({ state: 11, stateName: 'InEscrow', tradeid: accepted.json.tradeid });
    expect(offer.escrowEnd! - offer.updated).toBe(3 * 86_400);
    expect(ids(await inventory(url(), HOLDER, 730, '2', holder))).not.toContain(item!.assetid);
    expect((await inventory(url(), OTHER, 730, '16', other)).total_inventory_count).toBe(before);
    const status = async (token: string) =>
      (await econ(url(), 'GetTradeStatus', { tradeid: accepted.json.tradeid }, { token })).json.response
        .trades[0];
    expect(await status(other.accessToken)).toMatchObject({ status: 10, time_escrow_end: offer.escrowEnd });

    trade().advanceTime(3 * DAY + 1000);
    const later = trade().session(OTHER);
    expect(trade().offer(id)).toMatchObject({ state: 3, updated: offer.escrowEnd });
    expect((await inventory(url(), OTHER, 730, '16', later)).total_inventory_count).toBe(before + 1);
    expect(await status(later.accessToken)).toMatchObject({ status: 3 });
  });

  it('asks an acceptor with the mobile authenticator who gives items to confirm, and trades on confirmation', async () => {
    const [wanted] = await tradable(url(), MOBILE, 730, '2', 1, trade().session(MOBILE));
    const id = await send(GIVER, MOBILE, [], [wanted!]);
    const mobile = trade().session(MOBILE);
    const first = await acceptOffer(url(), mobile, id, GIVER);
    expect(first.json).toEqual({ needs_mobile_confirmation: true });
    expect(trade().offer(id)).toMatchObject({ state: 2, acceptAwaitsConfirmation: true });
    expect(ids(await inventory(url(), MOBILE, 730, '2', mobile))).toContain(wanted!.assetid);
    const confirmed = trade().confirm(id);
    expect(confirmed).toMatchObject({ ok: true, offer: { state: 3 }, tradeid: expect.any(String) });
    expect(ids(await inventory(url(), MOBILE, 730, '2', mobile))).not.toContain(wanted!.assetid);
  });

  it('is refused to anyone but its recipient, with the wrong partner, once finished, or logged out', async () => {
    const [item] = await tradable(url(), GIVER, 440, '2', 1, trade().session(GIVER));
    const id = await send(GIVER, OTHER, [item!]);
    const other = trade().session(OTHER);
    const error = (eresult: number) => ({
      strError: `There was an error accepting this trade offer.  Please try again later. (${eresult})`,
    });
    expect((await acceptOffer(url(), trade().session(GIVER), id, GIVER)).json).toEqual(error(8));
    expect((await acceptOffer(url(), other, id, TAKER)).json).toEqual(error(8));
    expect((await acceptOffer(url(), other, id, GIVER, { referer: undefined })).status).toBe(400);
    // The sessionid cookie must equal the form's; an expired session is refused the same way.
    const mismatch = { cookie: `sessionid=not-the-form-one; steamLoginSecure=${other.steamLoginSecure}` };
    expect((await acceptOffer(url(), other, id, GIVER, mismatch)).status).toBe(403);
    const expired = { ...other, steamLoginSecure: trade().session(OTHER, -10).steamLoginSecure };
    expect((await acceptOffer(url(), expired, id, GIVER)).status).toBe(403);
    expect((await actOnOffer(url(), other, id, 'decline')).json).toEqual({ tradeofferid: id });
    expect(trade().offer(id)!.stateName).toBe('Declined');
    expect((await acceptOffer(url(), other, id, GIVER)).json).toEqual(error(11));
  });
});

describe('decline and cancel (community)', () => {
  it('lets the recipient decline and the sender cancel, answering the offer id', async () => {
    const [item] = await tradable(url(), GIVER, 440, '2', 1, trade().session(GIVER));
    const declined = await send(GIVER, OTHER, [item!]);
    const canceled = await send(GIVER, OTHER, [item!]);
    const giver = trade().session(GIVER);
    const other = trade().session(OTHER);
    expect((await actOnOffer(url(), giver, declined, 'decline')).json).toEqual({
      strError: 'There was an error declining this trade offer.  Please try again later. (8)',
    });
    expect((await actOnOffer(url(), other, declined, 'decline')).json).toEqual({ tradeofferid: declined });
    expect((await actOnOffer(url(), giver, canceled, 'cancel')).json).toEqual({ tradeofferid: canceled });
    expect([trade().offer(declined)!.state, trade().offer(canceled)!.state]).toEqual([7, 6]);
    expect((await actOnOffer(url(), giver, canceled, 'cancel')).json.strError).toMatch(/\(11\)$/);
    const expired = { ...giver, steamLoginSecure: trade().session(GIVER, -10).steamLoginSecure };
    expect((await actOnOffer(url(), expired, canceled, 'cancel')).status).toBe(401);
  });
});
