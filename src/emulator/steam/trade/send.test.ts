import { beforeEach, describe, expect, it } from 'vitest';
import {
  econ,
  offerJson,
  sendOffer,
  tradable,
  tradeWorld,
  inventory,
  type Json,
} from '../../../../test/trade-world.js';

const ALICE = '76561198000000601';
const BOB = '76561198000000602';
const CAROL = '76561198000000603';
const BANNED = '76561198000000604';
const AWAY = '76561198000000605';
const HIDDEN = '76561198000000606';
const NEW_DEVICE = '76561198000000607';
const MOBILE = '76561198000000608';
const CAPPED = '76561198000000609';

const world = tradeWorld({
  users: {
    [ALICE]: {
      name: 'Alice',
      friends: [CAROL],
      inventories: { '730/2': { size: 200 }, '440/2': { size: 10 } },
    },
    [BOB]: { name: 'Bob', inventories: { '730/2': { size: 30 } } },
    [CAROL]: { name: 'Carol' },
    [BANNED]: { name: 'Banned Ben', trade: { tradeBan: true } },
    [AWAY]: { name: 'Away Ann', trade: { unavailable: true } },
    [HIDDEN]: { name: 'Hidden Hal', private: true },
    [NEW_DEVICE]: { trade: { newDevice: true } },
    [MOBILE]: { trade: { mobileAuthenticator: true } },
    [CAPPED]: { inventories: { '440/2': { size: 20 } } },
  },
  trade: { maxActivePerPartner: 3, maxActiveTotal: 5 },
});

const trade = () => world.emulator.steam.trade;
const url = () => world.emulator.url;
const sendError = (eresult: number) => ({
  strError: `There was an error sending your trade offer.  Please try again later. (${eresult})`,
});

describe('POST /tradeoffer/new/send', () => {
  // Alice sends in most tests: take her earlier offers back so the caps stay out of the way.
  beforeEach(() => {
    for (const offer of trade().offers({ steamid: ALICE, state: 2 })) {
      if (offer.sender === ALICE) trade().cancel(offer.id);
    }
  });

  it("creates the offer with the partner's token and answers Steam's success body", async () => {
    const alice = trade().session(ALICE);
    const give = await tradable(url(), ALICE, 730, '2', 1, alice);
    const want = await tradable(url(), BOB, 730, '2', 1);
    const sent = await sendOffer(url(), alice, {
      partner: BOB,
      give,
      receive: want,
      token: trade().account(BOB).token,
      message: 'as discussed',
    });
    expect(sent.status).toBe(200);
    expect(sent.json).toEqual({
      tradeofferid: expect.stringMatching(/^\d{10}$/),
      needs_mobile_confirmation: false,
      needs_email_confirmation: false,
    });
    expect(trade().offer(sent.json.tradeofferid)).toMatchObject({
      sender: ALICE,
      recipient: BOB,
      state: 2,
      stateName: 'Active',
      message: 'as discussed',
      itemsFromSender: [{ appid: 730, contextid: '2', assetid: give[0]!.assetid, amount: '1' }],
      itemsFromRecipient: [{ assetid: want[0]!.assetid }],
    });
  });

  it('needs no token for a friend; a missing or wrong token is AccessDenied (15) otherwise', async () => {
    const alice = trade().session(ALICE);
    const give = await tradable(url(), ALICE, 440, '2', 1, alice);
    expect((await sendOffer(url(), alice, { partner: CAROL, give })).status).toBe(200);
    for (const token of [undefined, 'AAAAAAAA']) {
      const refused = await sendOffer(url(), alice, { partner: BOB, give, ...(token ? { token } : {}) });
      expect([refused.status, refused.json]).toEqual([500, sendError(15)]);
    }
  });

  it('refuses an assetid sent as a JSON number with EResult 26', async () => {
    const alice = trade().session(ALICE);
    const [item] = await tradable(url(), ALICE, 730, '2', 1, alice);
    const numeric = JSON.parse(offerJson([item!])) as Json;
    numeric.me.assets[0].assetid = Number(item!.assetid);
    const refused = await sendOffer(url(), alice, {
      partner: CAROL,
      form: { json_tradeoffer: JSON.stringify(numeric) },
    });
    expect([refused.status, refused.json]).toEqual([500, sendError(26)]);
  });

  it('refuses items the sender lacks, untradable ones and amounts above the stack with 26', async () => {
    const alice = trade().session(ALICE);
    const page = await inventory(url(), ALICE, 730, '2', alice);
    const untradable = page.descriptions.find((d: Json) => d.tradable === 0);
    const asset = page.assets.find(
      (a: Json) => a.classid === untradable.classid && a.instanceid === untradable.instanceid,
    );
    const [ok] = await tradable(url(), ALICE, 730, '2', 1, alice);
    const attempts = [
      [{ appid: 730, contextid: '2', assetid: '12345' }],
      [{ appid: 730, contextid: '2', assetid: asset.assetid }],
      [{ ...ok!, amount: 2 }],
      [{ ...ok!, contextid: '16' }],
    ];
    for (const give of attempts) {
      const refused = await sendOffer(url(), alice, { partner: CAROL, give });
      expect(refused.json, JSON.stringify(give)).toEqual(sendError(26));
    }
  });

  it('keeps a 128-character message and drops a longer one (the offer still goes out)', async () => {
    const alice = trade().session(ALICE);
    const give = await tradable(url(), ALICE, 440, '2', 1, alice);
    const kept = await sendOffer(url(), alice, { partner: CAROL, give, message: 'm'.repeat(128) });
    const dropped = await sendOffer(url(), alice, { partner: CAROL, give, message: 'm'.repeat(129) });
    expect(trade().offer(kept.json.tradeofferid)!.message).toBe('m'.repeat(128));
    expect(trade().offer(dropped.json.tradeofferid)!.message).toBe('');
  });

  it('caps active offers per partner and in all, counting only active ones', async () => {
    const capped = trade().session(CAPPED);
    const items = await tradable(url(), CAPPED, 440, '2', 1, capped);
    const send = (partner: string) =>
      sendOffer(url(), capped, { partner, give: items, token: trade().account(partner).token });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await send(BOB)).json.tradeofferid);
    const fourth = await send(BOB);
    expect([fourth.status, fourth.json]).toEqual([
      500,
      {
        strError:
          'You have sent too many trade offers, or have too many outstanding trade offers with Bob. Please cancel some before sending more.',
      },
    ]);
    expect(trade().cancel(ids[0]!).ok).toBe(true);
    expect((await send(BOB)).status).toBe(200);
    expect((await send(CAROL)).status).toBe(200);
    expect((await send(ALICE)).status).toBe(200);
    expect((await send(MOBILE)).json.strError).toMatch(/^You have sent too many trade offers/);
  });

  it("answers Steam's texts for banned, unavailable and private partners and a new device", async () => {
    const alice = trade().session(ALICE);
    const give = await tradable(url(), ALICE, 440, '2', 1, alice);
    const to = async (partner: string) =>
      (await sendOffer(url(), alice, { partner, give, token: trade().account(partner).token })).json;
    expect(await to(BANNED)).toEqual({
      strError: 'You cannot trade with Banned Ben because they have a trade ban.',
    });
    expect(await to(AWAY)).toEqual({
      strError:
        'Away Ann is not available to trade. More information will be shown to Away Ann if they invite you to trade.',
    });
    expect(await to(HIDDEN)).toEqual({
      strError: `Hidden Hal's inventory privacy is set to "Private".  They are unable to receive trade offers.`,
    });
    const fresh = trade().session(NEW_DEVICE);
    const own = await tradable(url(), NEW_DEVICE, 730, '2', 1, fresh);
    const refused = await sendOffer(url(), fresh, {
      partner: BOB,
      give: own,
      token: trade().account(BOB).token,
    });
    expect(refused.json).toEqual({
      strError:
        'There was an error sending your trade offer. Please try again later.<br><br>You have logged in from a new device. In order to protect the items in your inventory, you will be unable to trade from this device for 7 days.',
    });
  });

  it('needs a Referer (a bare 400) and counts sends without an Origin', async () => {
    const alice = trade().session(ALICE);
    const give = await tradable(url(), ALICE, 440, '2', 1, alice);
    const before = world.emulator.steam.trade.offers().length;
    const noReferer = await sendOffer(url(), alice, {
      partner: CAROL,
      give,
      headers: { referer: undefined },
    });
    expect([noReferer.status, noReferer.text]).toEqual([400, '']);
    expect(world.emulator.steam.trade.offers()).toHaveLength(before);
    const stats = async () =>
      ((await (await fetch(`${url()}/__emulator/stats`)).json()) as Json).modules.steamTrade;
    const missing = (await stats()).missingOrigin;
    expect(
      (await sendOffer(url(), alice, { partner: CAROL, give, headers: { origin: undefined } })).status,
    ).toBe(200);
    expect((await stats()).missingOrigin).toBe(missing + 1);
  });

  it('refuses a malformed partner, an empty offer and oneself with InvalidParam (8)', async () => {
    const alice = trade().session(ALICE);
    const give = await tradable(url(), ALICE, 440, '2', 1, alice);
    for (const input of [
      { partner: '76561198000000601x', give },
      { partner: CAROL },
      { partner: ALICE, give },
      { partner: CAROL, give, form: { json_tradeoffer: '{"me":' } },
    ]) {
      expect((await sendOffer(url(), alice, input)).json, JSON.stringify(input)).toEqual(sendError(8));
    }
  });

  it('marks the original Countered when a counter offer names it, without a token', async () => {
    const bob = trade().session(BOB);
    const alice = trade().session(ALICE);
    const [bobs] = await tradable(url(), BOB, 730, '2', 1, bob);
    const [alices] = await tradable(url(), ALICE, 440, '2', 1, alice);
    const original = await sendOffer(url(), bob, {
      partner: ALICE,
      give: [bobs!],
      token: trade().account(ALICE).token,
    });
    const counter = await sendOffer(url(), alice, {
      partner: BOB,
      give: [alices!],
      receive: [bobs!],
      countered: original.json.tradeofferid,
    });
    expect(counter.status).toBe(200);
    expect(trade().offer(original.json.tradeofferid)).toMatchObject({ state: 4, stateName: 'Countered' });
    expect(trade().offer(counter.json.tradeofferid)).toMatchObject({
      state: 2,
      counterOf: original.json.tradeofferid,
    });
    // A countered offer cannot be countered again.
    const again = await sendOffer(url(), alice, {
      partner: BOB,
      give: [alices!],
      countered: original.json.tradeofferid,
    });
    expect(again.json).toEqual(sendError(11));
  });

  it('holds an offer that gives items for mobile confirmation, unseen by the recipient until confirmed', async () => {
    const mobile = trade().session(MOBILE);
    const bob = trade().session(BOB);
    const [item] = await tradable(url(), MOBILE, 730, '2', 1, mobile);
    const [wanted] = await tradable(url(), BOB, 730, '2', 1);
    const sent = await sendOffer(url(), mobile, {
      partner: BOB,
      give: [item!],
      token: trade().account(BOB).token,
    });
    expect(sent.json).toMatchObject({ needs_mobile_confirmation: true, needs_email_confirmation: false });
    const id = sent.json.tradeofferid as string;
    expect(trade().offer(id)).toMatchObject({ state: 9, confirmationMethod: 2 });
    const received = async () =>
      (await econ(url(), 'GetTradeOffer', { tradeofferid: id }, { token: bob.accessToken })).json.response;
    expect(await received()).toEqual({});
    expect(trade().confirm(id)).toMatchObject({ ok: true, offer: { state: 2 } });
    expect((await received()).offer).toMatchObject({
      tradeofferid: id,
      trade_offer_state: 2,
      is_our_offer: false,
    });
    // Asking for items only needs no confirmation.
    const ask = await sendOffer(url(), mobile, {
      partner: BOB,
      receive: [wanted!],
      token: trade().account(BOB).token,
    });
    expect(ask.json.needs_mobile_confirmation).toBe(false);
  });
});
