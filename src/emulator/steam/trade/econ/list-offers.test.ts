import { beforeAll, describe, expect, it } from 'vitest';
import { readXml } from '../../../../../test/webapi-formats.js';
import {
  econ,
  sendOffer,
  tradable,
  tradeWorld,
  type Asset,
  type Json,
} from '../../../../../test/trade-world.js';
import type { MintedSession } from '../../../index.js';

const ME = '76561198000000801';
const PEER = '76561198000000802';
const FRIEND = '76561198000000803';
const HELD = '76561198000000804';
const KEY = 'ABCDEF0123456789ABCDEF0123456789';
const PEER_KEY = '0123456789ABCDEF0123456789ABCDEF';

const world = tradeWorld({
  apiKeys: [KEY],
  users: {
    [ME]: { apiKey: KEY, friends: [FRIEND], inventories: { '730/2': { size: 40 }, '440/2': { size: 40 } } },
    [PEER]: { apiKey: PEER_KEY, inventories: { '730/2': { size: 40 }, '440/2': { size: 40 } } },
    [FRIEND]: { trade: { escrowDays: 2 } },
    [HELD]: { trade: { escrowDays: 15 } },
  },
  trade: { offersPageSize: 5 },
});

const trade = () => world.emulator.steam.trade;
const url = () => world.emulator.url;
let me: MintedSession;
let peer: MintedSession;
let cs2: Asset[];
let tf2: Asset[];
let peerTf2: Asset[];
/** Offer ids by what they are, set up once. */
const offers = { cs2Sent: '', tf2Sent: '', tf2Received: '', declined: '', accepted: '' };

async function send(from: MintedSession, to: string, give: Asset[], receive: Asset[] = [], message = '') {
  const sent = await sendOffer(url(), from, {
    partner: to,
    give,
    receive,
    token: trade().account(to).token,
    message,
  });
  expect(sent.status, sent.text).toBe(200);
  return sent.json.tradeofferid as string;
}

beforeAll(async () => {
  me = trade().session(ME);
  peer = trade().session(PEER);
  cs2 = await tradable(url(), ME, 730, '2', 4, me);
  tf2 = await tradable(url(), ME, 440, '2', 8, me);
  peerTf2 = await tradable(url(), PEER, 440, '2', 4, peer);
  offers.cs2Sent = await send(me, PEER, [cs2[0]!], [], 'a CS2 offer');
  offers.tf2Sent = await send(me, PEER, [tf2[0]!], [peerTf2[0]!], 'a TF2 offer');
  offers.tf2Received = await send(peer, ME, [peerTf2[1]!]);
  offers.declined = await send(me, PEER, [tf2[1]!]);
  trade().decline(offers.declined);
  offers.accepted = await send(peer, ME, [peerTf2[2]!], [tf2[2]!]);
  trade().accept(offers.accepted);
});

type Params = Record<string, string | number | boolean>;
type Auth = { token: string } | { key: string };
const page = async (params: Params, auth: Auth) =>
  (await econ(url(), 'GetTradeOffers', params, auth)).json.response;
/** Every page, merged (the file's page size is 5). */
async function list(params: Params, auth: Auth): Promise<Json> {
  const merged: Json = { next_cursor: 0 };
  let cursor = 0;
  do {
    const response = await page({ ...params, cursor }, auth);
    for (const [key, value] of Object.entries(response)) {
      if (Array.isArray(value)) merged[key] = [...(merged[key] ?? []), ...value];
    }
    cursor = response.next_cursor;
  } while (cursor !== 0);
  return merged;
}
const idsOf = (response: Json) =>
  [...(response.trade_offers_sent ?? []), ...(response.trade_offers_received ?? [])].map(
    (o: Json) => o.tradeofferid,
  );

describe('IEconService/GetTradeOffers', () => {
  it("lists offers as Steam does, fields in Steam's order, with descriptions on request", async () => {
    const response = await page(
      {
        get_sent_offers: 1,
        get_received_offers: 1,
        active_only: 1,
        get_descriptions: 1,
        language: 'english',
      },
      { token: me.accessToken },
    );
    expect(Object.keys(response)).toEqual([
      'trade_offers_sent',
      'trade_offers_received',
      'descriptions',
      'next_cursor',
    ]);
    const tf2Offer = response.trade_offers_sent.find((o: Json) => o.tradeofferid === offers.tf2Sent);
    const created = trade().offer(offers.tf2Sent)!.created;
    expect(tf2Offer).toEqual({
      tradeofferid: offers.tf2Sent,
      accountid_other: Number(BigInt(PEER) - 76561197960265728n),
      message: 'a TF2 offer',
      expiration_time: created + 14 * 86_400,
      trade_offer_state: 2,
      items_to_give: [
        {
          appid: 440,
          contextid: '2',
          assetid: tf2[0]!.assetid,
          classid: expect.stringMatching(/^\d+$/),
          instanceid: expect.stringMatching(/^\d+$/),
          amount: '1',
          missing: false,
          est_usd: expect.stringMatching(/^\d+$/),
        },
      ],
      items_to_receive: [expect.objectContaining({ assetid: peerTf2[0]!.assetid })],
      is_our_offer: true,
      time_created: created,
      time_updated: created,
      from_real_time_trade: false,
      escrow_end_date: 0,
      confirmation_method: 0,
      eresult: 1,
    });
    // CS2 offers carry trade protection's delay_settlement.
    expect(
      response.trade_offers_sent.find((o: Json) => o.tradeofferid === offers.cs2Sent).delay_settlement,
    ).toBe(true);
    const classids = response.descriptions.map((d: Json) => d.classid);
    expect(classids).toContain(tf2Offer.items_to_give[0].classid);
    expect(response.descriptions[0]).toMatchObject({ appid: expect.any(Number), name: expect.any(String) });
    const bare = await page({ get_sent_offers: 1, active_only: 1 }, { token: me.accessToken });
    expect(bare.descriptions).toBeUndefined();
    expect(bare.trade_offers_received).toBeUndefined();
  });

  it('filters active, historical and changed-since-cutoff offers', async () => {
    const both = { get_sent_offers: 1, get_received_offers: 1 };
    const active = idsOf(await list({ ...both, active_only: 1 }, { token: me.accessToken }));
    expect(active.sort()).toEqual([offers.cs2Sent, offers.tf2Sent, offers.tf2Received].sort());
    const historical = idsOf(await list({ ...both, historical_only: 1 }, { token: me.accessToken }));
    expect(historical.sort()).toEqual([offers.declined, offers.accepted].sort());
    const everything = await list(both, { token: me.accessToken });
    expect(idsOf(everything)).toHaveLength(5);
    // Newest first.
    const sent = everything.trade_offers_sent.map((o: Json) => Number(o.tradeofferid));
    expect(sent).toEqual([...sent].sort((a, b) => b - a));
    const since = trade().offer(offers.accepted)!.updated;
    const changed = idsOf(
      await list({ ...both, active_only: 1, time_historical_cutoff: since }, { token: me.accessToken }),
    );
    expect(changed).toContain(offers.accepted);
    const later = idsOf(
      await list(
        { ...both, historical_only: 1, time_historical_cutoff: since + 3600 },
        { token: me.accessToken },
      ),
    );
    expect(later).toEqual([]);
  });

  it('pages with cursor and next_cursor (0 at the end)', async () => {
    const mine = trade().session(ME);
    for (const item of tf2.slice(3, 8)) await send(mine, FRIEND, [item]);
    await send(mine, FRIEND, [tf2[3]!]);
    const seen: string[] = [];
    let cursor = 0;
    const cursors: number[] = [];
    do {
      const response = await page(
        { get_sent_offers: 1, get_received_offers: 1, cursor },
        { token: me.accessToken },
      );
      seen.push(...idsOf(response));
      cursor = response.next_cursor;
      cursors.push(cursor);
    } while (cursor !== 0);
    expect(cursors).toEqual([5, 10, 0]);
    expect(new Set(seen).size).toBe(11);
  });

  it('hides CS2 offers from an API key since 2024-04 and shows them to the access token', async () => {
    const both = { get_sent_offers: 1, get_received_offers: 1, active_only: 1 };
    expect(idsOf(await list(both, { token: me.accessToken }))).toContain(offers.cs2Sent);
    const viaKey = idsOf(await list(both, { key: KEY }));
    expect(viaKey).toContain(offers.tf2Sent);
    expect(viaKey).not.toContain(offers.cs2Sent);
    const one = async (auth: { token: string } | { key: string }) =>
      (await econ(url(), 'GetTradeOffer', { tradeofferid: offers.cs2Sent }, auth)).json;
    expect(await one({ key: KEY })).toEqual({ response: {} });
    expect((await one({ token: me.accessToken })).response.offer.tradeofferid).toBe(offers.cs2Sent);
    // The partner's own key shows it only its own side, and no CS2 either.
    expect(idsOf(await list(both, { key: PEER_KEY }))).not.toContain(offers.cs2Sent);
  });

  it('answers in XML with protobuf-style `message` items', async () => {
    const response = await fetch(
      `${url()}/IEconService/GetTradeOffers/v1/?access_token=${me.accessToken}&get_sent_offers=1&active_only=1&format=xml`,
    );
    const doc = readXml(await response.text(), ['message']) as Json;
    const first = (await page({ get_sent_offers: 1, active_only: 1 }, { token: me.accessToken }))
      .trade_offers_sent;
    expect(doc.response.trade_offers_sent.message.map((o: Json) => o.tradeofferid)).toEqual(
      first.map((o: Json) => o.tradeofferid),
    );
  });
});

describe('IEconService/GetTradeOffersSummary', () => {
  it('counts pending, historical and new offers on each side', async () => {
    const response = (
      await econ(url(), 'GetTradeOffersSummary', { time_last_visit: 0 }, { token: peer.accessToken })
    ).json.response;
    expect(Object.keys(response)).toEqual([
      'pending_received_count',
      'new_received_count',
      'updated_received_count',
      'historical_received_count',
      'pending_sent_count',
      'newly_accepted_sent_count',
      'updated_sent_count',
      'historical_sent_count',
      'escrow_received_count',
      'escrow_sent_count',
    ]);
    expect(response).toMatchObject({
      pending_received_count: 2,
      new_received_count: 2,
      historical_received_count: 1,
      pending_sent_count: 1,
      historical_sent_count: 1,
      newly_accepted_sent_count: 1,
    });
    const viaKey = (await econ(url(), 'GetTradeOffersSummary', {}, { key: PEER_KEY })).json.response;
    expect(viaKey.pending_received_count).toBe(1);
  });
});
