/**
 * Accepting, declining and cancelling against the emulator over real HTTP: trades that
 * happen (context 16 for protected CS2 items), holds, mobile confirmation, and every action
 * an offer's side or state does not allow, refused before any write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InvalidInputError,
  NotFoundError,
  SessionExpiredError,
  TradeOutcomeUnknownError,
} from '../../core/errors.js';
import { startLossyProxy, type LossyProxy } from '../../../test/lossy-proxy.js';
import { ALICE, BOB, CAROL, MOBILE, spec, tradeClientWorld } from '../../../test/trade-client-world.js';

const w = tradeClientWorld();
const tokenOf = (steamid: string) => w.trade().account(steamid).token;

/** `from` offers `to` one of its items for one of theirs. */
async function offer(from: string, to: string, appid = 440) {
  const { client } = w.client(from);
  const sent = await client.send({
    partner: to,
    token: tokenOf(to),
    give: (await w.take(from, appid, 1)).map(spec),
    receive: (await w.take(to, appid, 1)).map(spec),
  });
  return sent.id;
}

describe('accept', () => {
  it('accepts a received offer: the trade happens and its id comes back', async () => {
    const id = await offer(CAROL, ALICE, 730);
    const { client, count } = w.client(ALICE);
    const accepted = await client.accept(id);
    expect(accepted).toMatchObject({
      id,
      state: 3,
      stateName: 'Accepted',
      tradeId: expect.stringMatching(/^\d+$/),
      needsMobileConfirmation: false,
      reconciled: false,
    });
    expect(count(/\/tradeoffer\/\d+\/accept/, 'POST')).toBe(1);
    const trade = w.trade().trade(accepted.tradeId!);
    expect(trade).toBeDefined();
    // Protected (CS2) items received wait in context 16.
    const status = await client.tradeStatus(accepted.tradeId!);
    expect(status).toMatchObject({
      tradeId: accepted.tradeId,
      partner: CAROL,
      statusName: 'Complete',
      rolledBack: false,
    });
    expect(status.itemsReceived[0]).toMatchObject({ newContextid: '16', name: expect.any(String) });
    expect(status.itemsReceived[0]!.name).not.toBe('');
  });

  it('reports a held trade as InEscrow', async () => {
    const id = await offer(BOB, ALICE);
    const accepted = await w.client(ALICE).client.accept(id);
    expect(accepted.stateName).toBe('InEscrow');
  });

  it('says when the acceptance waits for a mobile confirmation', async () => {
    const id = await offer(ALICE, MOBILE);
    const accepted = await w.client(MOBILE).client.accept(id);
    expect(accepted).toMatchObject({ needsMobileConfirmation: true, tradeId: null, stateName: 'Active' });
  });

  it('refuses, before any write, to accept its own offer or one no longer active', async () => {
    const id = await offer(ALICE, CAROL);
    const { client, count } = w.client(ALICE);
    await expect(client.accept(id)).rejects.toThrow(/one you sent: only its recipient can accept it/);
    w.trade().decline(id);
    const carol = w.client(CAROL);
    const error = await carol.client.accept(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(/is Declined, not Active/);
    expect(count(/accept/) + carol.count(/accept/)).toBe(0);
  });

  it('answers NotFoundError for an offer this account cannot see, and refuses a bad id offline', async () => {
    const { client, requests } = w.client(ALICE);
    await expect(client.accept('not-an-id')).rejects.toBeInstanceOf(InvalidInputError);
    expect(requests).toEqual([]);
    await expect(client.accept('1234567890')).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.decline('1234567890')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reports an expired session', async () => {
    const id = await offer(CAROL, ALICE);
    const minted = w.trade().session(ALICE);
    const { client } = w.client(ALICE, { session: minted });
    w.trade().endSessions(ALICE);
    await expect(client.accept(id)).rejects.toBeInstanceOf(SessionExpiredError);
    await expect(client.decline(id)).rejects.toThrow(/log in to steamcommunity.com again/);
  });
});

describe('decline and cancel', () => {
  it('declines a received offer and cancels a sent one through IEconService', async () => {
    const received = await offer(CAROL, ALICE);
    const { client, count } = w.client(ALICE);
    expect(await client.decline(received)).toEqual({
      id: received,
      state: 7,
      stateName: 'Declined',
      reconciled: false,
    });
    expect(w.trade().offer(received)?.stateName).toBe('Declined');
    expect(count(/IEconService\/DeclineTradeOffer/, 'POST')).toBe(1);

    const sent = await offer(ALICE, CAROL);
    expect(await client.cancel(sent)).toMatchObject({ state: 6, stateName: 'Canceled' });
    expect(w.trade().offer(sent)?.stateName).toBe('Canceled');
  });

  it('cancels an offer still waiting for its confirmation', async () => {
    const mobile = w.client(MOBILE);
    const sent = await mobile.client.send({
      partner: ALICE,
      token: tokenOf(ALICE),
      give: (await w.take(MOBILE, 440, 1)).map(spec),
    });
    expect(sent.state).toBe(9);
    expect((await mobile.client.cancel(sent.id)).stateName).toBe('Canceled');
  });

  it('refuses, before any write, to decline a sent offer or cancel a received one', async () => {
    const sent = await offer(ALICE, CAROL);
    const { client, count } = w.client(ALICE);
    await expect(client.decline(sent)).rejects.toThrow(/one you sent: cancel it instead/);
    const carol = w.client(CAROL);
    await expect(carol.client.cancel(sent)).rejects.toThrow(/was sent to you: decline it instead/);
    await client.cancel(sent);
    await expect(client.cancel(sent)).rejects.toThrow(/is Canceled: only an Active or unconfirmed offer/);
    expect(count(/(Decline|Cancel)TradeOffer/)).toBe(1);
    expect(carol.count(/(Decline|Cancel)TradeOffer/)).toBe(0);
  });
});

describe('a lost answer to an action', () => {
  let proxy: LossyProxy;
  beforeAll(async () => {
    proxy = await startLossyProxy(w.url());
  });
  afterAll(() => proxy.close());

  it('reads the offer again: accepted already is success, not a second accept', async () => {
    const id = await offer(CAROL, ALICE);
    const { client, count } = w.client(ALICE, { url: proxy.url });
    proxy.lose('POST', /\/accept$/, 'after');
    const accepted = await client.accept(id);
    expect(accepted).toMatchObject({
      id,
      stateName: 'Accepted',
      tradeId: expect.stringMatching(/^\d+$/),
      reconciled: true,
    });
    expect(count(/\/accept$/)).toBe(1);
  });

  it('accepts once more when the first request never arrived, and no more', async () => {
    const id = await offer(CAROL, ALICE);
    const { client, count } = w.client(ALICE, { url: proxy.url });
    proxy.lose('POST', /\/accept$/, 'before');
    const accepted = await client.accept(id);
    expect(accepted).toMatchObject({ stateName: 'Accepted', reconciled: false });
    expect(count(/\/accept$/)).toBe(2);

    const other = await offer(CAROL, ALICE);
    proxy.lose('POST', /\/accept$/, 'before', 'before');
    const error = await client.accept(other).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TradeOutcomeUnknownError);
    expect((error as Error).message).toMatch(/accepted twice without an answer/);
    expect(w.trade().offer(other)?.stateName).toBe('Active');
  });

  it('finds a decline or cancel already done', async () => {
    const received = await offer(CAROL, ALICE);
    const { client } = w.client(ALICE, { url: proxy.url });
    proxy.lose('POST', /DeclineTradeOffer/, 'after');
    expect(await client.decline(received)).toMatchObject({ stateName: 'Declined', reconciled: true });
    const sent = await offer(ALICE, CAROL);
    proxy.lose('POST', /CancelTradeOffer/, 'before');
    expect(await client.cancel(sent)).toMatchObject({ stateName: 'Canceled', reconciled: false });
  });
});
