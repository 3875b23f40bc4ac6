/**
 * Sending offers against the emulator over real HTTP: the wire form Steam checks, trade URLs,
 * friends, gifts, counters, confirmations, every refusal worded, an expired session, bad
 * input refused before any request, and the trade protection acknowledgement.
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError, SessionExpiredError, TradeOfferRefusedError } from '../../core/errors.js';
import {
  ALICE,
  AWAY,
  BANNED,
  BOB,
  CAROL,
  FRESH,
  MOBILE,
  NEW_DEVICE,
  spec,
  tradeClientWorld,
} from '../../../test/trade-client-world.js';
import { MemoryTradeStateStore } from './state-store.js';

const w = tradeClientWorld();
const tokenOf = (steamid: string) => w.trade().account(steamid).token;
const tradeUrl = (steamid: string) =>
  w.trade().account(steamid).tradeUrl.replace('https://steamcommunity.com', w.url());

describe('send', () => {
  it("sends through the partner's trade URL with Steam's form, Referer and Origin", async () => {
    const { client } = w.client(ALICE);
    const give = await w.take(ALICE, 730, 1);
    const receive = await w.take(BOB, 730, 1);
    const before = await w.stats();
    const sent = await client.send({
      partner: `https://steamcommunity.com/tradeoffer/new/?partner=${BigInt(BOB) - 76561197960265728n}&token=${tokenOf(BOB)}`,
      give: give.map(spec),
      receive,
      message: 'as discussed',
    });
    expect(sent).toEqual({
      id: expect.stringMatching(/^\d+$/),
      partner: BOB,
      state: 2,
      stateName: 'Active',
      needsMobileConfirmation: false,
      needsEmailConfirmation: false,
      reconciled: false,
      replayed: false,
    });
    expect(w.trade().offer(sent.id)).toMatchObject({
      sender: ALICE,
      recipient: BOB,
      state: 2,
      message: 'as discussed',
      itemsFromSender: [{ appid: 730, contextid: '2', assetid: give[0]!.assetid, amount: '1' }],
      itemsFromRecipient: [{ assetid: receive[0]!.assetid }],
    });
    const after = await w.stats();
    expect(after.missingReferer).toBe(before.missingReferer);
    expect(after.missingOrigin).toBe(before.missingOrigin);
    expect(after.sessionRefused).toBe(before.sessionRefused);
  });

  it('takes a trade URL on the configured community host', async () => {
    const { client } = w.client(ALICE);
    const sent = await client.send({ partner: tradeUrl(BOB), give: (await w.take(ALICE, 440, 1)).map(spec) });
    expect(w.trade().offer(sent.id)?.recipient).toBe(BOB);
  });

  it('sends to a friend without a token, and gifts (nothing received)', async () => {
    const { client } = w.client(ALICE);
    const sent = await client.send({ partner: CAROL, give: (await w.take(ALICE, 440, 1)).map(spec) });
    expect(w.trade().offer(sent.id)).toMatchObject({ recipient: CAROL, itemsFromRecipient: [] });
  });

  it('says when the offer waits for a mobile confirmation', async () => {
    const { client } = w.client(MOBILE);
    const sent = await client.send({
      partner: BOB,
      token: tokenOf(BOB),
      give: (await w.take(MOBILE, 440, 1)).map(spec),
    });
    expect(sent).toMatchObject({
      state: 9,
      stateName: 'CreatedNeedsConfirmation',
      needsMobileConfirmation: true,
    });
  });

  it('counters an offer the partner sent, which becomes Countered', async () => {
    const bob = w.client(BOB);
    const original = await bob.client.send({
      partner: ALICE,
      token: tokenOf(ALICE),
      give: (await w.take(BOB, 440, 1)).map(spec),
      receive: (await w.take(ALICE, 440, 1)).map(spec),
    });
    const { client } = w.client(ALICE);
    const counter = await client.send({
      partner: BOB,
      counter: original.id,
      give: (await w.take(ALICE, 440, 1)).map(spec),
      receive: w
        .trade()
        .offer(original.id)!
        .itemsFromSender.map((i) => `${i.appid}/${i.contextid}/${i.assetid}`),
    });
    expect(w.trade().offer(counter.id)).toMatchObject({ counterOf: original.id, sender: ALICE });
    expect(w.trade().offer(original.id)?.stateName).toBe('Countered');
  });

  it("words Steam's refusals with their EResult and cause", async () => {
    const { client } = w.client(ALICE);
    const give = async () => (await w.take(ALICE, 440, 1)).map(spec);
    const refused = async (input: Parameters<typeof client.send>[0]) => {
      const error = await client.send(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TradeOfferRefusedError);
      return error as TradeOfferRefusedError;
    };
    const wrongToken = await refused({ partner: BOB, token: 'WRONG123', give: await give() });
    expect(wrongToken.message).toBe(
      "Steam refused the offer: the partner's trade URL token is wrong or they cannot trade (trade ban, full or private inventory, or a trade hold) (EResult 15 AccessDenied)",
    );
    expect(wrongToken).toMatchObject({ eresult: 15, status: 500, kind: 'trade_refused', retryable: false });

    expect(await refused({ partner: BANNED, token: tokenOf(BANNED), give: await give() })).toMatchObject({
      reason: 'TradeBan',
    });
    expect(await refused({ partner: AWAY, token: tokenOf(AWAY), give: await give() })).toMatchObject({
      reason: 'TargetCannotTrade',
    });
    const gone = await refused({ partner: BOB, token: tokenOf(BOB), give: ['440/2/999999999999'] });
    expect(gone.eresult).toBe(26);
    expect(gone.message).toMatch(/not in its owner's inventory or cannot be traded now/);

    const newDevice = w.client(NEW_DEVICE);
    const device = await newDevice.client
      .send({ partner: BOB, token: tokenOf(BOB), give: (await w.take(NEW_DEVICE, 440, 1)).map(spec) })
      .catch((e: unknown) => e);
    expect(device).toMatchObject({ reason: 'NewDevice' });

    w.trade().faults({ nextSends: ['tooManyOffers', 'itemServer', 'eresult28', 'eresult11'] });
    expect(await refused({ partner: BOB, token: tokenOf(BOB), give: await give() })).toMatchObject({
      reason: 'OfferLimitExceeded',
      eresult: 25,
    });
    expect(await refused({ partner: BOB, token: tokenOf(BOB), give: await give() })).toMatchObject({
      reason: 'ItemServerUnavailable',
      eresult: 20,
      retryable: true,
    });
    expect((await refused({ partner: BOB, token: tokenOf(BOB), give: await give() })).eresult).toBe(28);
    expect((await refused({ partner: BOB, token: tokenOf(BOB), give: await give() })).eresult).toBe(11);
  });

  it('reports an expired session seen upstream, and refuses an expired one before any request', async () => {
    const minted = w.trade().session(ALICE);
    const store = new MemoryTradeStateStore();
    await store.markAcknowledged(ALICE, Date.now());
    const { client, count } = w.client(ALICE, { session: minted, store });
    w.trade().endSessions(ALICE);
    const ended = await client
      .send({ partner: BOB, token: tokenOf(BOB), give: (await w.take(ALICE, 440, 1)).map(spec) })
      .catch((e: unknown) => e);
    expect(ended).toBeInstanceOf(SessionExpiredError);
    expect((ended as Error).message).toMatch(/copy the new steamLoginSecure cookie into STEAM_COOKIES/);
    expect(count(/\/tradeoffer\/new\/send/)).toBe(1);

    const stale = w.client(ALICE, { session: w.trade().session(ALICE, 1) });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const expired = await stale.client.send({ partner: BOB, give: ['440/2/1'] }).catch((e: unknown) => e);
    expect(expired).toBeInstanceOf(SessionExpiredError);
    expect((expired as Error).message).toMatch(/expired at/);
    expect(stale.requests).toEqual([]);
  });

  it('refuses bad input before any request, and needs a session', async () => {
    const { client, requests } = w.client(ALICE);
    const partner = `https://steamcommunity.com/tradeoffer/new/?partner=${BigInt(BOB) - 76561197960265728n}`;
    const cases = [
      { partner: `${partner}&token=bad`, give: ['440/2/1'] },
      { partner: 'https://steamcommunity.com/tradeoffer/new/?token=YDAlR4bC', give: ['440/2/1'] },
      { partner: BOB, token: 'way-too-long-token', give: ['440/2/1'] },
      { partner: BOB, give: ['440/2/abc'] },
      { partner: BOB, give: ['tf2/2/1'] },
      { partner: BOB, give: [{ appid: 440, contextid: 'x', assetid: '1' }] },
      { partner: BOB, give: ['440/2/1'], message: 'm'.repeat(129) },
      { partner: ALICE, give: ['440/2/1'] },
      { partner: BOB, give: [], receive: [] },
    ];
    for (const input of cases) {
      await expect(client.send(input)).rejects.toBeInstanceOf(InvalidInputError);
    }
    expect(requests).toEqual([]);
    const none = w.client(ALICE, { session: null });
    await expect(none.client.send({ partner: BOB, give: ['440/2/1'] })).rejects.toThrow(/set STEAM_COOKIES/);
    expect(none.requests).toEqual([]);
  });

  it('acknowledges trade protection once per account before its first send, and remembers it', async () => {
    const store = new MemoryTradeStateStore();
    const first = w.client(FRESH, { store });
    const before = await w.stats();
    const sent = await first.client.send({
      partner: BOB,
      token: tokenOf(BOB),
      give: (await w.take(FRESH, 440, 1)).map(spec),
    });
    // Acknowledged first, so the offer does not wait on a confirmation that would fail.
    expect(sent.state).toBe(2);
    expect(first.count(/\/trade\/new\/acknowledge/, 'POST')).toBe(1);
    expect(w.trade().account(FRESH).acknowledged).toBe(true);
    expect(await store.acknowledgedAt(FRESH)).toBeTypeOf('number');

    const second = w.client(FRESH, { store });
    await second.client.send({
      partner: BOB,
      token: tokenOf(BOB),
      give: (await w.take(FRESH, 440, 1)).map(spec),
    });
    expect(second.count(/\/trade\/new\/acknowledge/)).toBe(0);
    const after = await w.stats();
    expect(Number(after.acknowledgements) - Number(before.acknowledgements)).toBe(1);
    expect(after.sendsBeforeAcknowledgement).toBe(before.sendsBeforeAcknowledgement);
  });
});
