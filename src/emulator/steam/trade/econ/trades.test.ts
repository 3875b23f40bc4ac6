import { beforeAll, describe, expect, it } from 'vitest';
import {
  econ,
  sendOffer,
  tradable,
  tradeWorld,
  type Asset,
  type Json,
} from '../../../../../test/trade-world.js';
import type { MintedSession } from '../../../index.js';

const ME = '76561198000000811';
const PEER = '76561198000000812';
const FRIEND = '76561198000000813';
const HELD = '76561198000000814';
const KEY = 'ABCDEF0123456789ABCDEF0123456789';
const PEER_KEY = '0123456789ABCDEF0123456789ABCDEF';

const world = tradeWorld({
  apiKeys: [KEY],
  users: {
    [ME]: { apiKey: KEY, friends: [FRIEND], inventories: { '440/2': { size: 40 } } },
    [PEER]: { apiKey: PEER_KEY, inventories: { '440/2': { size: 40 } } },
    [FRIEND]: { trade: { escrowDays: 2 } },
    [HELD]: { trade: { escrowDays: 15 } },
  },
});

const trade = () => world.emulator.steam.trade;
const url = () => world.emulator.url;
let me: MintedSession;
let peer: MintedSession;
let tf2: Asset[];
let peerTf2: Asset[];
/** An offer accepted during setup: the first trade. */
const offers = { accepted: '' };

async function send(from: MintedSession, to: string, give: Asset[], receive: Asset[] = []) {
  const sent = await sendOffer(url(), from, { partner: to, give, receive, token: trade().account(to).token });
  expect(sent.status, sent.text).toBe(200);
  return sent.json.tradeofferid as string;
}

beforeAll(async () => {
  me = trade().session(ME);
  peer = trade().session(PEER);
  tf2 = await tradable(url(), ME, 440, '2', 4, me);
  peerTf2 = await tradable(url(), PEER, 440, '2', 4, peer);
  offers.accepted = await send(peer, ME, [peerTf2[2]!], [tf2[2]!]);
  trade().accept(offers.accepted);
});

describe('IEconService/CancelTradeOffer and DeclineTradeOffer', () => {
  it('act by POST only, for the right party, and say why not in x-eresult', async () => {
    const id = await send(trade().session(ME), PEER, [tf2[1]!]);
    const asGet = await econ(url(), 'CancelTradeOffer', { tradeofferid: id }, { token: me.accessToken });
    expect(asGet.status).toBe(405);
    const byPeer = await econ(
      url(),
      'CancelTradeOffer',
      { tradeofferid: id },
      { token: peer.accessToken },
      'POST',
    );
    expect([byPeer.status, byPeer.headers.get('x-eresult'), byPeer.text]).toEqual([
      200,
      '15',
      '{"response":{}}',
    ]);
    const declined = await econ(url(), 'DeclineTradeOffer', { tradeofferid: id }, { key: PEER_KEY }, 'POST');
    expect([declined.status, declined.headers.get('x-eresult'), declined.text]).toEqual([
      200,
      '1',
      '{"response":{}}',
    ]);
    expect(trade().offer(id)!.stateName).toBe('Declined');
    const again = await econ(url(), 'CancelTradeOffer', { tradeofferid: id }, { key: KEY }, 'POST');
    expect(again.headers.get('x-eresult')).toBe('11');
  });
});

describe('IEconService/GetTradeHistory and GetTradeStatus', () => {
  it('pages trades newest first by time and trade id, forward and back', async () => {
    const history = trade().session(ME);
    const tradeids: string[] = [];
    for (const item of [peerTf2[3]!]) {
      const id = await send(trade().session(PEER), ME, [item]);
      tradeids.push(trade().accept(id).ok ? trade().offer(id)!.tradeid! : '');
    }
    const all = await econ(
      url(),
      'GetTradeHistory',
      { max_trades: 10, include_total: 1 },
      { token: history.accessToken },
    );
    const trades = all.json.response.trades as Json[];
    expect(all.json.response).toMatchObject({ total_trades: 2, more: false });
    expect(trades.map((t) => t.tradeid)).toEqual([tradeids[0], trade().offer(offers.accepted)!.tradeid]);
    expect(trades[0]).toMatchObject({
      steamid_other: PEER,
      status: 3,
      assets_received: [expect.any(Object)],
    });
    expect(trades[0].assets_given).toBeUndefined();

    const first = await econ(url(), 'GetTradeHistory', { max_trades: 1 }, { token: history.accessToken });
    expect(first.json.response).toMatchObject({ more: true, trades: [{ tradeid: trades[0].tradeid }] });
    const next = await econ(
      url(),
      'GetTradeHistory',
      { max_trades: 1, start_after_time: trades[0].time_init, start_after_tradeid: trades[0].tradeid },
      { token: history.accessToken },
    );
    expect(next.json.response).toMatchObject({ more: false, trades: [{ tradeid: trades[1].tradeid }] });
    const back = await econ(
      url(),
      'GetTradeHistory',
      {
        max_trades: 1,
        start_after_time: trades[1].time_init,
        start_after_tradeid: trades[1].tradeid,
        navigating_back: 1,
      },
      { token: history.accessToken },
    );
    expect(back.json.response).toMatchObject({ more: false, trades: [{ tradeid: trades[0].tradeid }] });
    const described = await econ(
      url(),
      'GetTradeHistory',
      { max_trades: 1, get_descriptions: 1 },
      { token: history.accessToken },
    );
    expect(described.json.response.descriptions).toHaveLength(1);
  });

  it('shows a trade only to its parties', async () => {
    const tradeid = trade().offer(offers.accepted)!.tradeid!;
    const status = await econ(url(), 'GetTradeStatus', { tradeid }, { token: peer.accessToken });
    expect(status.json.response.trades[0]).toMatchObject({ tradeid, steamid_other: ME });
    const stranger = trade().session(HELD);
    expect((await econ(url(), 'GetTradeStatus', { tradeid }, { token: stranger.accessToken })).json).toEqual({
      response: {},
    });
  });
});

describe('IEconService/GetTradeHoldDurations', () => {
  it("gives both sides' holds in seconds, with the partner's token or as friends", async () => {
    const held = await econ(
      url(),
      'GetTradeHoldDurations',
      { steamid_target: HELD, trade_offer_access_token: trade().account(HELD).token },
      { token: me.accessToken },
    );
    expect(held.json).toEqual({
      response: {
        my_escrow: { escrow_end_duration_seconds: 0 },
        their_escrow: { escrow_end_duration_seconds: 1_296_000 },
        both_escrow: { escrow_end_duration_seconds: 1_296_000 },
      },
    });
    const friend = await econ(
      url(),
      'GetTradeHoldDurations',
      { steamid_target: FRIEND },
      { token: me.accessToken },
    );
    expect(friend.json.response.both_escrow).toEqual({ escrow_end_duration_seconds: 172_800 });
    const noToken = await econ(
      url(),
      'GetTradeHoldDurations',
      { steamid_target: HELD },
      { token: me.accessToken },
    );
    expect([noToken.headers.get('x-eresult'), noToken.json]).toEqual(['15', { response: {} }]);
  });
});

describe('access tokens', () => {
  it('are refused with the 403 "Access is denied" page once expired or their session ended', async () => {
    const expired = trade().session(ME, -1);
    const forbidden = await econ(
      url(),
      'GetTradeOffers',
      { get_sent_offers: 1 },
      { token: expired.accessToken },
    );
    expect(forbidden.status).toBe(403);
    expect(forbidden.text).toContain('Access is denied');
    const ending = trade().session(PEER);
    trade().endSessions(PEER);
    expect((await econ(url(), 'GetTradeOffers', {}, { token: ending.accessToken })).status).toBe(403);
    expect(
      (await econ(url(), 'GetTradeOffers', {}, { token: trade().session(PEER).accessToken })).status,
    ).toBe(200);
  });
});
