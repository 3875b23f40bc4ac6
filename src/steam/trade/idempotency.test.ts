import { describe, expect, it } from 'vitest';
import {
  ConnectionError,
  IdempotencyConflictError,
  TradeOfferRefusedError,
  TradeOutcomeUnknownError,
} from '../../core/errors.js';
import { sendUnderKey, type KeyedSend, type KeyedSendDeps } from './idempotency.js';
import type { SendResult, TradeWarning } from './model.js';
import type { Reconciliation } from './reconcile.js';
import { MemoryTradeStateStore } from './state-store.js';

const T0 = Date.UTC(2026, 11, 1);
const LEASE = 60_000;

const result = (id: string): SendResult => ({
  id,
  partner: '76561198000000002',
  state: 2,
  stateName: 'Active',
  needsMobileConfirmation: false,
  needsEmailConfirmation: false,
  reconciled: false,
  replayed: false,
});

function harness() {
  const store = new MemoryTradeStateStore();
  let now = T0;
  const calls = { send: [] as number[], reconcile: [] as number[], prepare: 0 };
  const warnings: TradeWarning[] = [];
  let nextSend: (since: number) => Promise<SendResult> = async () => result('100');
  let nextReconcile: () => Promise<Reconciliation> = async () => ({ absent: true });
  const deps = (): KeyedSendDeps => ({
    store,
    now: () => now,
    leaseMs: LEASE,
    warn: (w) => warnings.push(w),
    prepare: async () => {
      calls.prepare++;
    },
    send: (since) => {
      calls.send.push(since);
      return nextSend(since);
    },
    reconcile: (since) => {
      calls.reconcile.push(since);
      return nextReconcile();
    },
  });
  const request = (over: Partial<KeyedSend> = {}): KeyedSend => ({
    key: 'order-1',
    sender: '76561198012345678',
    fingerprint: 'f'.repeat(64),
    request: '{}',
    ...over,
  });
  return {
    store,
    calls,
    warnings,
    deps,
    request,
    advance: (ms: number) => (now += ms),
    onSend: (fn: typeof nextSend) => (nextSend = fn),
    onReconcile: (fn: typeof nextReconcile) => (nextReconcile = fn),
  };
}

describe('sendUnderKey', () => {
  it('writes a pending record before sending, completes it after, and replays it', async () => {
    const h = harness();
    h.onSend(async () => {
      const pending = await h.store.getSend('order-1');
      expect(pending).toMatchObject({
        status: 'pending',
        fingerprint: 'f'.repeat(64),
        startedAt: T0,
        leaseUntil: T0 + LEASE,
      });
      return result('100');
    });
    expect(await sendUnderKey(h.request(), h.deps())).toMatchObject({ id: '100', replayed: false });
    expect(await h.store.getSend('order-1')).toMatchObject({ status: 'sent', offerId: '100' });
    h.advance(3_600_000);
    expect(await sendUnderKey(h.request(), h.deps())).toMatchObject({ id: '100', replayed: true });
    expect(h.calls.send).toEqual([T0]);
    expect(h.calls.prepare).toBe(1);
  });

  it('refuses the same key with another request, sending nothing', async () => {
    const h = harness();
    await sendUnderKey(h.request(), h.deps());
    const error = await sendUnderKey(h.request({ fingerprint: 'e'.repeat(64) }), h.deps()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IdempotencyConflictError);
    expect(error).toMatchObject({ reason: 'different_request', kind: 'idempotency_conflict' });
    expect(h.calls.send).toHaveLength(1);
  });

  it('reconciles a pending record (a crash between send and store) before sending', async () => {
    const h = harness();
    await h.store.beginSend({ ...h.request(), startedAt: T0 - 5_000, leaseUntil: T0 + LEASE });
    h.onReconcile(async () => ({ found: { ...result('777'), reconciled: true } }));
    const sent = await sendUnderKey(h.request(), h.deps());
    expect(sent).toMatchObject({ id: '777', reconciled: true, replayed: true });
    expect(h.calls.reconcile).toEqual([T0 - 5_000]);
    expect(h.calls.send).toEqual([]);
    expect(await h.store.getSend('order-1')).toMatchObject({ status: 'sent', offerId: '777' });
  });

  it('sends nothing while a pending record is leased and no offer shows; takes it over after', async () => {
    const h = harness();
    await h.store.beginSend({ ...h.request(), startedAt: T0, leaseUntil: T0 + LEASE });
    const busy = await sendUnderKey(h.request(), h.deps()).catch((e: unknown) => e);
    expect(busy).toMatchObject({ reason: 'in_progress', retryAfterMs: LEASE });
    expect(h.calls.send).toEqual([]);

    h.advance(LEASE + 1);
    const sent = await sendUnderKey(h.request(), h.deps());
    expect(sent.id).toBe('100');
    // Offers since the crashed attempt's start count as this one.
    expect(h.calls.send).toEqual([T0]);
  });

  it('lets one of two racing calls send', async () => {
    const h = harness();
    let release!: () => void;
    h.onSend(() => new Promise((resolve) => (release = () => resolve(result('100')))));
    const first = sendUnderKey(h.request(), h.deps());
    await new Promise((resolve) => setImmediate(resolve));
    const second = await sendUnderKey(h.request(), h.deps()).catch((e: unknown) => e);
    expect(second).toMatchObject({ reason: 'in_progress' });
    release();
    expect((await first).id).toBe('100');
    expect(h.calls.send).toHaveLength(1);
  });

  it('forgets the record when nothing was sent, so the key can be used again', async () => {
    const h = harness();
    h.onSend(async () => {
      throw new TradeOfferRefusedError('Steam refused the offer', { eresult: 15 });
    });
    await expect(sendUnderKey(h.request(), h.deps())).rejects.toBeInstanceOf(TradeOfferRefusedError);
    expect(await h.store.getSend('order-1')).toBeUndefined();
    h.onSend(async () => result('101'));
    expect((await sendUnderKey(h.request(), h.deps())).id).toBe('101');
  });

  it('keeps the record pending when the outcome is unknown, and says the key checks again', async () => {
    const h = harness();
    h.onSend(async () => {
      throw new TradeOutcomeUnknownError('the offer may or may not have been sent');
    });
    const error = (await sendUnderKey(h.request(), h.deps()).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(TradeOutcomeUnknownError);
    expect(error.message).toMatch(/idempotency key "order-1", which checks again/);
    expect(await h.store.getSend('order-1')).toMatchObject({ status: 'pending' });
    // An aborted or unexpected failure is not "nothing sent" either.
    const other = harness();
    other.onSend(async () => {
      throw new ConnectionError('request was aborted');
    });
    await expect(sendUnderKey(other.request(), other.deps())).rejects.toBeInstanceOf(ConnectionError);
    expect(await other.store.getSend('order-1')).toMatchObject({ status: 'pending' });
  });

  it('forgets the record when the preparation fails', async () => {
    const h = harness();
    const deps = {
      ...h.deps(),
      prepare: () => Promise.reject(new ConnectionError('acknowledgement failed')),
    };
    await expect(sendUnderKey(h.request(), deps)).rejects.toBeInstanceOf(ConnectionError);
    expect(await h.store.getSend('order-1')).toBeUndefined();
    expect(h.calls.send).toEqual([]);
  });

  it('returns the offer with a warning when the store cannot complete the record', async () => {
    const h = harness();
    h.store.completeSend = () => Promise.reject(new Error('disk full'));
    expect((await sendUnderKey(h.request(), h.deps())).id).toBe('100');
    expect(h.warnings[0]).toMatchObject({ code: 'store', offerId: '100' });
    expect(h.warnings[0]!.message).toMatch(/disk full/);
  });
});
