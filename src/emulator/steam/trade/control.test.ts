import { describe, expect, it } from 'vitest';
import {
  control,
  econ,
  inventory,
  sendOffer,
  tradable,
  tradeWorld,
  type Json,
} from '../../../../test/trade-world.js';
import { defaultToken } from './accounts.js';

const SELLER = '76561198000001301';
const BUYER = '76561198000001302';
const FIXED = '76561198000001303';

const world = tradeWorld({
  users: {
    [SELLER]: { inventories: { '730/2': { size: 20 } } },
    [FIXED]: { trade: { token: 'Fixed_-1', escrowDays: 1, acknowledged: false } },
  },
});

const url = () => world.emulator.url;
const trade = () => world.emulator.steam.trade;

async function offerFromSeller(): Promise<string> {
  const session = trade().session(SELLER);
  const give = await tradable(url(), SELLER, 440, '2', 1, session);
  const sent = await sendOffer(url(), session, { partner: BUYER, give, token: trade().account(BUYER).token });
  return sent.json.tradeofferid as string;
}

describe('control: accounts', () => {
  it('reads an account: a stable 8-character token, its trade URL and its flags', async () => {
    const account = await control(url(), `trade/accounts/${BUYER}`);
    expect(account.json).toEqual({
      steamid: BUYER,
      accountid: 39735574,
      token: defaultToken(BUYER),
      tradeUrl: `https://steamcommunity.com/tradeoffer/new/?partner=39735574&token=${defaultToken(BUYER)}`,
      mobileAuthenticator: false,
      escrowDays: 0,
      tradeBan: false,
      newDevice: false,
      unavailable: false,
      probation: false,
      acknowledged: true,
    });
    expect(account.json.token).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect((await control(url(), `trade/accounts/${FIXED}`)).json).toMatchObject({
      token: 'Fixed_-1',
      escrowDays: 1,
      acknowledged: false,
    });
  });

  it('changes an account while running, and refuses bad fields', async () => {
    const changed = await control(url(), `trade/accounts/${FIXED}`, { token: 'NewToken', tradeBan: true });
    expect(changed.json).toMatchObject({ token: 'NewToken', tradeBan: true });
    expect((await control(url(), `trade/accounts/${FIXED}`, { token: 'short' })).status).toBe(400);
    expect((await control(url(), `trade/accounts/${FIXED}`, { colour: 'red' })).status).toBe(400);
    await control(url(), `trade/accounts/${FIXED}`, { tradeBan: false });
  });
});

describe('control: acting as the partner', () => {
  it('lists and shows offers, and accepts one as its recipient', async () => {
    const id = await offerFromSeller();
    const listed = await control(url(), `trade/offers?steamid=${BUYER}&state=2`);
    expect(listed.json.offers.map((o: Json) => o.id)).toContain(id);
    const shown = await control(url(), `trade/offers/${id}`);
    expect(shown.json).toMatchObject({ id, sender: SELLER, recipient: BUYER, stateName: 'Active' });
    expect(shown.json.itemsFromSender[0].name).toEqual(expect.any(String));
    const accepted = await control(url(), `trade/offers/${id}/accept`, {});
    expect(accepted.json).toMatchObject({ ok: true, offer: { state: 3 }, tradeid: expect.any(String) });
    const record = await control(url(), `trade/trades/${accepted.json.tradeid}`);
    expect(record.json).toMatchObject({ offerId: id, parties: [SELLER, BUYER], status: 3 });
    const changes = await control(url(), `trade/inventory/${BUYER}`);
    expect(changes.json.inventories).toEqual([
      { appid: 440, contextid: '2', removed: [], added: [expect.objectContaining({ contextid: '2' })] },
    ]);
    expect((await control(url(), `trade/offers/${id}/accept`, {})).status).toBe(409);
    expect((await control(url(), 'trade/offers/1/accept', {})).status).toBe(404);
  });

  it('declines, cancels, confirms, refuses a confirmation and expires on demand', async () => {
    const declined = await offerFromSeller();
    expect((await control(url(), `trade/offers/${declined}/decline`, {})).json.offer.stateName).toBe(
      'Declined',
    );
    const canceled = await offerFromSeller();
    expect((await control(url(), `trade/offers/${canceled}/cancel`, {})).json.offer.stateName).toBe(
      'Canceled',
    );
    const expired = await offerFromSeller();
    const after = await control(url(), `trade/offers/${expired}/expire`, {});
    expect(after.json.offer).toMatchObject({ stateName: 'Expired', expires: after.json.offer.updated });

    await control(url(), `trade/accounts/${SELLER}`, { mobileAuthenticator: true });
    const waiting = await offerFromSeller();
    const refused = await offerFromSeller();
    await control(url(), `trade/accounts/${SELLER}`, { mobileAuthenticator: false });
    expect((await control(url(), `trade/offers/${waiting}/confirm`, {})).json.offer.stateName).toBe('Active');
    expect(
      (await control(url(), `trade/offers/${refused}/cancel-confirmation`, {})).json.offer.stateName,
    ).toBe('CanceledBySecondFactor');
  });

  it('counters an offer: the original becomes Countered and the counter goes back to its sender', async () => {
    const original = await offerFromSeller();
    const [wanted] = await tradable(url(), SELLER, 730, '2', 1, trade().session(SELLER));
    const counter = await control(url(), `trade/offers/${original}/counter`, {
      receive: [{ ...wanted, amount: 1 }],
      message: 'how about this one',
    });
    expect(counter.json).toMatchObject({
      ok: true,
      offer: {
        sender: BUYER,
        recipient: SELLER,
        state: 2,
        counterOf: original,
        message: 'how about this one',
      },
    });
    expect(trade().offer(original)!.stateName).toBe('Countered');
    const seen = await econ(
      url(),
      'GetTradeOffer',
      { tradeofferid: counter.json.offer.id },
      { token: trade().session(SELLER).accessToken },
    );
    expect(seen.json.response.offer).toMatchObject({
      is_our_offer: false,
      items_to_give: [{ assetid: wanted!.assetid }],
    });
  });
});

describe('control: the clock', () => {
  it('expires offers after 14 days, backdated to their expiration time', async () => {
    const id = await offerFromSeller();
    const { expires } = trade().offer(id)!;
    const clock = await control(url(), 'trade/clock', { advanceDays: 14, advanceSeconds: 1 });
    expect(clock.json.seconds).toBeGreaterThan(expires);
    const listed = await econ(
      url(),
      'GetTradeOffers',
      { get_sent_offers: 1, historical_only: 1 },
      { token: trade().session(SELLER).accessToken },
    );
    const offer = listed.json.response.trade_offers_sent.find((o: Json) => o.tradeofferid === id);
    expect(offer).toMatchObject({ trade_offer_state: 5, time_updated: expires, expiration_time: expires });
  });
});

describe('control: reset', () => {
  it('forgets offers, trades, inventory changes, the clock and runtime account changes', async () => {
    const id = await offerFromSeller();
    trade().accept(id);
    await control(url(), `trade/accounts/${BUYER}`, { escrowDays: 9 });
    expect((await inventory(url(), SELLER, 440, '2')).total_inventory_count).toBeLessThan(40);
    await fetch(`${url()}/__emulator/reset`, { method: 'POST' });
    expect(trade().offers()).toEqual([]);
    expect((await inventory(url(), SELLER, 440, '2')).total_inventory_count).toBe(40);
    expect(trade().account(BUYER).escrowDays).toBe(0);
    expect(Math.abs(trade().now() - Date.now())).toBeLessThan(60_000);
    expect((await control(url(), 'trade/unknown')).status).toBe(404);
  });
});
