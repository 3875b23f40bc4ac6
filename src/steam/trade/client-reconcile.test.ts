/**
 * No double send, against the emulator over real HTTP: EResult 16, a 500 and a dropped
 * connection *after* the offer was created, a hung answer, glitched lists while checking,
 * lost answers when nothing was created (sent again once, never twice), idempotency keys
 * across clients sharing a store, and a crash between the send and the store.
 */
import { describe, expect, it } from 'vitest';
import {
  IdempotencyConflictError,
  TradeOutcomeUnknownError,
  UpstreamUnavailableError,
} from '../../core/errors.js';
import { ALICE, BOB, spec, tradeClientWorld } from '../../../test/trade-client-world.js';
import { describeRequest, sendFingerprint } from './fingerprint.js';
import type { SendPlan } from './send-form.js';
import { sendFormFields } from './send-form.js';
import { MemoryTradeStateStore } from './state-store.js';

const w = tradeClientWorld();
const tokenOf = (steamid: string) => w.trade().account(steamid).token;

/** Alice's offers to Bob carrying `message`, as the emulator holds them. */
const offersWith = (message: string) =>
  w
    .trade()
    .offers({ steamid: ALICE })
    .filter((o) => o.sender === ALICE && o.message === message);

async function acknowledgedStore() {
  const store = new MemoryTradeStateStore();
  await store.markAcknowledged(ALICE, Date.now());
  return store;
}

describe('a send whose answer is lost', () => {
  for (const fault of ['eresult16AfterCreate', 'status500AfterCreate', 'dropAfterCreate'] as const) {
    it(`finds the offer already made (${fault}) instead of sending it again`, async () => {
      const { client, count } = w.client(ALICE, { store: await acknowledgedStore() });
      const message = `lost answer ${fault}`;
      w.trade().faults({ nextSends: [fault] });
      const sent = await client.send({
        partner: BOB,
        token: tokenOf(BOB),
        give: (await w.take(ALICE, 440, 1)).map(spec),
        message,
      });
      expect(sent).toMatchObject({ state: 2, reconciled: true, replayed: false });
      expect(offersWith(message).map((o) => o.id)).toEqual([sent.id]);
      expect(count(/\/tradeoffer\/new\/send/)).toBe(1);
    });
  }

  it('finds it after a timeout (an answer that never comes)', async () => {
    const { client, count } = w.client(ALICE, { store: await acknowledgedStore(), timeoutMs: 1_500 });
    w.trade().faults({ nextSends: ['hangAfterCreate'] });
    const sent = await client.send({
      partner: BOB,
      token: tokenOf(BOB),
      give: (await w.take(ALICE, 440, 1)).map(spec),
      message: 'hung',
    });
    expect(sent.reconciled).toBe(true);
    expect(offersWith('hung')).toHaveLength(1);
    expect(count(/\/tradeoffer\/new\/send/)).toBe(1);
  });

  it('reads a glitched list again while checking', async () => {
    const { client } = w.client(ALICE, { store: await acknowledgedStore() });
    w.trade().faults({
      nextSends: ['eresult16AfterCreate'],
      nextLists: ['listEmpty', 'listMalformed', 'listUnavailable'],
    });
    const sent = await client.send({
      partner: BOB,
      token: tokenOf(BOB),
      give: (await w.take(ALICE, 440, 1)).map(spec),
      message: 'glitched check',
    });
    expect(sent.reconciled).toBe(true);
    expect(offersWith('glitched check')).toHaveLength(1);
  });

  it('sends again once when looking twice shows nothing was created', async () => {
    const { client, count } = w.client(ALICE, { store: await acknowledgedStore() });
    w.trade().faults({ nextSends: ['eresult16'] });
    const sent = await client.send({
      partner: BOB,
      token: tokenOf(BOB),
      give: (await w.take(ALICE, 440, 1)).map(spec),
      message: 'resent once',
    });
    expect(sent.reconciled).toBe(false);
    expect(offersWith('resent once').map((o) => o.id)).toEqual([sent.id]);
    expect(count(/\/tradeoffer\/new\/send/)).toBe(2);
    // Two looks among the sent offers (each reads every page of them) before the second send.
    const reads = count(/GetTradeOffers/);
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(reads % 2).toBe(0);
  });

  it('never sends a third time: two lost answers that created nothing are reported', async () => {
    const { client, count } = w.client(ALICE, { store: await acknowledgedStore() });
    w.trade().faults({ nextSends: ['eresult16', 'eresult16'] });
    const error = await client
      .send({
        partner: BOB,
        token: tokenOf(BOB),
        give: (await w.take(ALICE, 440, 1)).map(spec),
        message: 'twice',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ code: 'send_not_created', retryable: true });
    expect((error as Error).message).toMatch(/no offer to 76561198000000702 was created. Nothing was sent/);
    expect(offersWith('twice')).toEqual([]);
    expect(count(/\/tradeoffer\/new\/send/)).toBe(2);
  });

  it('sends nothing more when the sent offers cannot be read', async () => {
    const { client, count } = w.client(ALICE, { store: await acknowledgedStore() });
    w.trade().faults({
      nextSends: ['eresult16AfterCreate'],
      // Three reads of the list (readAttempts), all glitched.
      nextLists: ['listFail', 'listFail', 'listFail'],
    });
    const error = await client
      .send({
        partner: BOB,
        token: tokenOf(BOB),
        give: (await w.take(ALICE, 440, 1)).map(spec),
        message: 'unknown',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TradeOutcomeUnknownError);
    expect((error as Error).message).toMatch(/may or may not have been sent.*idempotency key/);
    expect(count(/\/tradeoffer\/new\/send/)).toBe(1);
    expect(offersWith('unknown')).toHaveLength(1);
  });
});

describe('idempotency keys', () => {
  it('returns the same offer for the same key, across clients sharing a store, without sending', async () => {
    const store = await acknowledgedStore();
    const input = {
      partner: BOB,
      token: tokenOf(BOB),
      give: (await w.take(ALICE, 440, 1)).map(spec),
      message: 'keyed',
      idempotencyKey: 'order-1',
    };
    const first = await w.client(ALICE, { store }).client.send(input);
    const other = w.client(ALICE, { store });
    const again = await other.client.send(input);
    expect(again).toEqual({ ...first, replayed: true });
    expect(other.requests).toEqual([]);
    expect(offersWith('keyed')).toHaveLength(1);

    await expect(other.client.send({ ...input, message: 'another offer' })).rejects.toBeInstanceOf(
      IdempotencyConflictError,
    );
    expect(other.requests).toEqual([]);
    expect(await other.client.idempotencyRecord('order-1')).toMatchObject({
      status: 'sent',
      offerId: first.id,
    });
  });

  it('reconciles a crash between the send and the store before sending anything', async () => {
    // A process wrote its pending record, sent the offer, and died before completing the record.
    const store = await acknowledgedStore();
    const give = await w.take(ALICE, 440, 1);
    const plan: SendPlan = {
      sender: ALICE,
      partner: BOB,
      token: tokenOf(BOB),
      give,
      receive: [],
      message: 'crashed',
      counter: undefined,
    };
    await store.beginSend({
      key: 'order-crash',
      sender: ALICE,
      fingerprint: sendFingerprint(plan),
      request: JSON.stringify(describeRequest(plan)),
      startedAt: Date.now(),
      leaseUntil: Date.now() + 300_000,
    });
    const crashed = w.client(ALICE, { store });
    const minted = crashed.session!;
    const form = new URLSearchParams([['sessionid', minted.sessionId], ...sendFormFields(plan)]);
    const response = await fetch(`${w.url()}/tradeoffer/new/send`, {
      method: 'POST',
      body: form.toString(),
      headers: {
        cookie: minted.cookieHeader,
        referer: `${w.url()}/tradeoffer/new/?partner=1`,
        origin: w.url(),
        'content-type': 'application/x-www-form-urlencoded',
      },
    });
    const { tradeofferid } = (await response.json()) as { tradeofferid: string };

    // The next process calls again with the same key.
    const next = w.client(ALICE, { store });
    const sent = await next.client.send({
      partner: BOB,
      token: tokenOf(BOB),
      give: give.map(spec),
      message: 'crashed',
      idempotencyKey: 'order-crash',
    });
    expect(sent).toMatchObject({ id: tradeofferid, reconciled: true, replayed: true });
    expect(next.count(/\/tradeoffer\/new\/send/)).toBe(0);
    expect(offersWith('crashed')).toHaveLength(1);
    expect(await store.getSend('order-crash')).toMatchObject({ status: 'sent', offerId: tradeofferid });
  });

  it('sends a crashed attempt that never reached Steam once its lease is over, and not before', async () => {
    const store = await acknowledgedStore();
    const give = await w.take(ALICE, 440, 1);
    const plan: SendPlan = {
      sender: ALICE,
      partner: BOB,
      token: tokenOf(BOB),
      give,
      receive: [],
      message: 'crashed before sending',
      counter: undefined,
    };
    const input = {
      partner: BOB,
      token: tokenOf(BOB),
      give: give.map(spec),
      message: 'crashed before sending',
      idempotencyKey: 'order-early-crash',
    };
    await store.beginSend({
      key: 'order-early-crash',
      sender: ALICE,
      fingerprint: sendFingerprint(plan),
      request: '{}',
      startedAt: Date.now() - 1_000,
      leaseUntil: Date.now() + 60_000,
    });
    const busy = w.client(ALICE, { store });
    const error = await busy.client.send(input).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'in_progress' });
    expect(busy.count(/\/tradeoffer\/new\/send/)).toBe(0);

    const later = w.client(ALICE, { store, tuning: { sendLeaseMs: 60_000 } });
    const record = (await store.getSend('order-early-crash'))!;
    store.sends.set('order-early-crash', { ...record, leaseUntil: Date.now() - 1 });
    const sent = await later.client.send(input);
    expect(sent).toMatchObject({ reconciled: false, replayed: false });
    expect(later.count(/\/tradeoffer\/new\/send/)).toBe(1);
    expect(offersWith('crashed before sending')).toHaveLength(1);
  });

  it('frees the key when Steam refused the offer, so it can be sent with the right token', async () => {
    const store = await acknowledgedStore();
    const input = {
      partner: BOB,
      give: (await w.take(ALICE, 440, 1)).map(spec),
      message: 'fixed token',
      idempotencyKey: 'order-token',
    };
    const { client } = w.client(ALICE, { store });
    await expect(client.send({ ...input, token: 'WRONG123' })).rejects.toMatchObject({ eresult: 15 });
    expect(await store.getSend('order-token')).toBeUndefined();
    const sent = await client.send({ ...input, token: tokenOf(BOB) });
    expect(offersWith('fixed token').map((o) => o.id)).toEqual([sent.id]);
  });
});
