/**
 * Reversals (trade protection) and backdated state changes in the emulator, over HTTP: the
 * items of a reversed trade go back to both givers at once, GetTradeStatus says 12 with
 * `rollback_trade`, the offer still says Accepted; after the window, or for a trade in
 * escrow, nothing moves; a backdated change shows an old `time_updated`.
 */
import { describe, expect, it } from 'vitest';
import {
  control,
  econ,
  inventory,
  sendOffer,
  tradable,
  tradeWorld,
  type Asset,
  type Json,
} from '../../../../test/trade-world.js';

const GIVER = '76561198000001401';
const TAKER = '76561198000001402';
const HOLDER = '76561198000001403';

const world = tradeWorld({
  users: {
    [GIVER]: { inventories: { '730/2': { size: 30 }, '440/2': { size: 10 } } },
    [TAKER]: { inventories: { '730/2': { size: 30 } } },
    [HOLDER]: { inventories: { '730/2': { size: 10 } }, trade: { escrowDays: 2 } },
  },
});

const trade = () => world.emulator.steam.trade;
const url = () => world.emulator.url;
const DAY = 86_400_000;
const ids = (page: Json): string[] => (page.assets ?? []).map((a: Json) => a.assetid);

async function tradeBetween(from: string, to: string, give: Asset[], receive: Asset[]) {
  const sent = await sendOffer(url(), trade().session(from), {
    partner: to,
    give,
    receive,
    token: trade().account(to).token,
  });
  const id = sent.json.tradeofferid as string;
  const accepted = await control(url(), `trade/offers/${id}/accept`, {});
  expect(accepted.status).toBe(200);
  return { id, tradeid: accepted.json.tradeid as string };
}

describe('trade reversal', () => {
  it('puts every item back with a new id, reports status 12 with rollback_trade, and leaves the offer Accepted', async () => {
    const giverSession = trade().session(GIVER);
    const takerSession = trade().session(TAKER);
    const give = await tradable(url(), GIVER, 730, '2', 2, giverSession);
    const receive = await tradable(url(), TAKER, 730, '2', 1, takerSession);
    const protectedBefore = ids(await inventory(url(), TAKER, 730, '16', takerSession));
    const { id, tradeid } = await tradeBetween(GIVER, TAKER, give, receive);
    // Received CS2 items wait in context 16 on both sides.
    expect(ids(await inventory(url(), TAKER, 730, '16', takerSession))).toHaveLength(
      protectedBefore.length + 2,
    );

    const reversed = await control(url(), `trade/trades/${tradeid}/reverse`, {});
    expect(reversed.status).toBe(200);
    const rollbackTrade = reversed.json.trade.rollbackTrade as string;
    expect(rollbackTrade).toMatch(/^\d{19}$/);
    expect(rollbackTrade).not.toBe(tradeid);

    // Context 16 is as before; each giver has its items back in context 2, under new ids.
    expect(ids(await inventory(url(), TAKER, 730, '16', takerSession))).toEqual(protectedBefore);
    const giverNow = ids(await inventory(url(), GIVER, 730, '2', giverSession));
    const takerNow = ids(await inventory(url(), TAKER, 730, '2', takerSession));
    const back = reversed.json.trade.assets as Json[];
    for (const asset of back) {
      expect(asset.rollbackContextid).toBe('2');
      expect(asset.rollbackAssetid).not.toBe(asset.assetid);
      expect(asset.from === GIVER ? giverNow : takerNow).toContain(asset.rollbackAssetid);
    }
    for (const item of give) expect(giverNow).not.toContain(item.assetid);

    const status = await econ(url(), 'GetTradeStatus', { tradeid }, { token: giverSession.accessToken });
    const seen = status.json.response.trades[0];
    expect(seen).toMatchObject({ tradeid, status: 12, rollback_trade: rollbackTrade });
    expect(seen.assets_given.map((a: Json) => a.rollback_new_contextid)).toEqual(['2', '2']);
    const offer = await econ(
      url(),
      'GetTradeOffer',
      { tradeofferid: id },
      { token: giverSession.accessToken },
    );
    expect(offer.json.response.offer).toMatchObject({ trade_offer_state: 3, tradeid });

    // Once reversed, never again; and the protection release a week later moves nothing.
    expect((await control(url(), `trade/trades/${tradeid}/reverse`, {})).status).toBe(409);
    trade().advanceTime(8 * DAY);
    expect(ids(await inventory(url(), TAKER, 730, '2', trade().session(TAKER)))).toEqual(takerNow);
  });

  it('refuses after the protection window, for a trade still held, and for an unknown trade', async () => {
    const session = trade().session(GIVER);
    const give = await tradable(url(), GIVER, 440, '2', 2, session);
    const late = await tradeBetween(GIVER, TAKER, [give[0]!], []);
    const held = await tradeBetween(GIVER, HOLDER, [give[1]!], []);
    const inEscrow = await control(url(), `trade/trades/${held.tradeid}/reverse`, {});
    expect([inEscrow.status, inEscrow.json.error]).toEqual([409, expect.stringMatching(/status 10/)]);
    trade().advanceTime(7 * DAY + 60_000);
    const tooLate = await control(url(), `trade/trades/${late.tradeid}/reverse`, {});
    expect([tooLate.status, tooLate.json.error]).toEqual([409, expect.stringMatching(/protection window/)]);
    const token = trade().session(GIVER).accessToken;
    const status = await econ(url(), 'GetTradeStatus', { tradeid: late.tradeid }, { token });
    expect(status.json.response.trades[0]).toMatchObject({ status: 3 });
    expect(status.json.response.trades[0].rollback_trade).toBeUndefined();
    expect((await control(url(), 'trade/trades/5600000000000099999/reverse', {})).status).toBe(404);
  });
});

describe('backdated state changes', () => {
  it('stamps the change backdateMs earlier, over HTTP and in process', async () => {
    const session = trade().session(GIVER);
    const give = await tradable(url(), GIVER, 730, '2', 2, session);
    const offers: string[] = [];
    for (const item of give) {
      const sent = await sendOffer(url(), session, {
        partner: TAKER,
        give: [item],
        token: trade().account(TAKER).token,
      });
      offers.push(sent.json.tradeofferid as string);
    }
    const now = Math.floor(trade().now() / 1000);
    const declined = await control(url(), `trade/offers/${offers[0]}/decline`, { backdateMs: 20 * 60_000 });
    expect(declined.json.offer).toMatchObject({ stateName: 'Declined' });
    expect(now - declined.json.offer.updated).toBeGreaterThanOrEqual(20 * 60 - 1);
    const accepted = trade().accept(offers[1]!, { backdateMs: 2 * 3_600_000 });
    expect(accepted.ok && now - accepted.offer.updated).toBeGreaterThanOrEqual(2 * 3600 - 1);
    // A refused action stamps nothing.
    expect(trade().cancel(offers[1]!, { backdateMs: 60_000 })).toMatchObject({ ok: false, status: 409 });
    expect(trade().offer(offers[1]!)!.updated).toBe(accepted.ok ? accepted.offer.updated : 0);
    const bad = await control(url(), `trade/offers/${offers[0]}/expire`, { backdateMs: -5 });
    expect(bad.status).toBe(400);
  });
});
