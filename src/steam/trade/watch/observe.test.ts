/**
 * The watcher's rules on their own, no network: what a polled offer means against what is
 * known (first sightings, the baseline, changes, stale answers, reversal scheduling), which
 * of our offers get cancelled, and when reversal checks stop.
 */
import { describe, expect, it } from 'vitest';
import type { Offer } from '../model.js';
import { offerStateName } from '../states.js';
import { offersToCancel } from './cancel.js';
import { observe, type ObserveInput } from './observe.js';
import { nextReversalCheck } from './reversals.js';
import type { KnownOffer } from './watch-store.js';

const ME = '76561198000000001';
const T = Date.UTC(2026, 11, 1, 12);
const MIN = 60_000;
const DAY = 86_400_000;

function offer(id: string, state: number, over: Partial<Offer> = {}): Offer {
  return {
    id,
    partner: '76561198000000002',
    isOurOffer: false,
    state,
    stateName: offerStateName(state),
    message: '',
    itemsToGive: [],
    itemsToReceive: [],
    created: new Date(T - 10 * MIN).toISOString(),
    updated: new Date(T - MIN).toISOString(),
    expires: null,
    confirmationMethod: 0,
    confirmationMethodName: 'None',
    escrowEnds: null,
    tradeId: null,
    fromRealTimeTrade: false,
    delaySettlement: false,
    ...over,
  };
}

function known(id: string, state: number, over: Partial<KnownOffer> = {}): KnownOffer {
  return {
    offerId: id,
    isOurOffer: false,
    state,
    createdAt: T - 10 * MIN,
    updatedAt: T - 5 * MIN,
    seenAt: T - 5 * MIN,
    tradeId: null,
    acceptedAt: null,
    reversalDueAt: null,
    reversalUntil: null,
    revertedAt: null,
    ...over,
  };
}

function run(offers: Offer[], rows: KnownOffer[] = [], over: Partial<ObserveInput> = {}) {
  return observe({
    account: ME,
    known: new Map(rows.map((row) => [row.offerId, row])),
    offers,
    baseline: false,
    now: T,
    reversalCheckIntervalMs: 60 * MIN,
    reversalWindowMs: 8 * DAY,
    ...over,
  });
}

const summary = (o: ReturnType<typeof run>) =>
  o.events.map((e) => [e.event, e.id, 'oldState' in e ? e.oldState : undefined]);

describe('observe', () => {
  it('announces first sightings: received Active as newOffer, sent Active or unconfirmed as newSentOffer', () => {
    const seen = run([
      offer('1', 2),
      offer('2', 2, { isOurOffer: true }),
      offer('3', 9, { isOurOffer: true }),
      offer('4', 7),
      offer('5', 3, { isOurOffer: true }),
    ]);
    expect(summary(seen)).toEqual([
      ['newOffer', `${ME}:1:2`, undefined],
      ['newSentOffer', `${ME}:2:2`, undefined],
      ['newSentOffer', `${ME}:3:9`, undefined],
      ['receivedOfferChanged', `${ME}:4:7`, null],
      ['sentOfferChanged', `${ME}:5:3`, null],
    ]);
    expect(seen.writes.every((w) => w.expectedState === null)).toBe(true);
  });

  it('on the baseline poll records finished offers silently and announces only those waiting on someone', () => {
    const seen = run([offer('1', 2), offer('2', 7), offer('3', 11, { isOurOffer: true })], [], {
      baseline: true,
    });
    expect(summary(seen)).toEqual([['newOffer', `${ME}:1:2`, undefined]]);
    expect(seen.writes.map((w) => w.offer.offerId).sort()).toEqual(['1', '2', '3']);
  });

  it('announces a change with old and new state, keyed by the state reached, oldest change first', () => {
    const seen = run(
      [
        offer('2', 3, { updated: new Date(T - MIN).toISOString(), tradeId: '5600000000000000001' }),
        offer('1', 6, { isOurOffer: true, updated: new Date(T - 3 * MIN).toISOString() }),
      ],
      [known('1', 2, { isOurOffer: true }), known('2', 2)],
    );
    expect(seen.events.map((e) => e.event)).toEqual(['sentOfferChanged', 'receivedOfferChanged']);
    expect(seen.events[1]).toMatchObject({
      id: `${ME}:2:3`,
      oldState: 2,
      newState: 3,
      oldStateName: 'Active',
      newStateName: 'Accepted',
    });
    expect(seen.writes.map((w) => [w.offer.offerId, w.expectedState, w.offer.state])).toEqual([
      ['1', 2, 6],
      ['2', 2, 3],
    ]);
  });

  it('ignores a state the machine forbids (a stale answer) and keeps the known one', () => {
    const seen = run(
      [offer('1', 2), offer('2', 9, { isOurOffer: true })],
      [known('1', 3), known('2', 2, { isOurOffer: true })],
    );
    expect(seen.events).toEqual([]);
    expect(seen.writes).toEqual([]);
    expect(seen.warnings.map((w) => w.offerId)).toEqual(['1', '2']);
    expect(seen.after.get('1')?.state).toBe(3);
  });

  it('writes quietly when only times or the trade id change, and not at all when nothing does', () => {
    const row = known('1', 11, { updatedAt: T - MIN, tradeId: null });
    const same = offer('1', 11, {
      updated: new Date(T - MIN).toISOString(),
      created: new Date(T - 10 * MIN).toISOString(),
    });
    expect(run([same], [{ ...row, createdAt: T - 10 * MIN }]).writes).toEqual([]);
    const moved = run([{ ...same, tradeId: '5600000000000000009' }], [row]);
    expect(moved.events).toEqual([]);
    expect(moved.writes).toMatchObject([{ expectedState: 11, offer: { tradeId: '5600000000000000009' } }]);
  });

  it('schedules reversal checks from acceptance to the end of the window, once', () => {
    const accepted = offer('1', 3, {
      updated: new Date(T - MIN).toISOString(),
      tradeId: '5600000000000000001',
    });
    const row = run([accepted], [known('1', 2)]).writes[0]!.offer;
    expect(row).toMatchObject({
      acceptedAt: T - MIN,
      reversalUntil: T - MIN + 8 * DAY,
      reversalDueAt: T + 60 * MIN,
    });
    // Seen again later: the schedule the reversal checks moved is kept.
    const later = run([accepted], [{ ...row, reversalDueAt: T + 5 * 60 * MIN }]);
    expect(later.writes).toEqual([]);
    // Accepted long ago (a baseline): nothing to check.
    const old = offer('2', 3, {
      updated: new Date(T - 9 * DAY).toISOString(),
      tradeId: '5600000000000000002',
    });
    expect(run([old], [], { baseline: true }).writes[0]!.offer).toMatchObject({ reversalDueAt: null });
  });

  it('stops reversal checks at the window end, with a last look there', () => {
    const row = known('1', 3, { reversalUntil: T + 30 * MIN });
    expect(nextReversalCheck(row, T, 60 * MIN)).toBe(T + 30 * MIN);
    expect(nextReversalCheck(row, T + 30 * MIN, 60 * MIN)).toBeNull();
    expect(nextReversalCheck(row, T - DAY, 60 * MIN)).toBe(T - DAY + 60 * MIN);
  });
});

describe('offersToCancel', () => {
  const ours = (id: string, state: number, ageMin: number, over: Partial<KnownOffer> = {}) =>
    known(id, state, { isOurOffer: true, createdAt: T - ageMin * MIN, updatedAt: T - ageMin * MIN, ...over });
  const rules = {
    cancelAfterMs: undefined,
    pendingCancelAfterMs: undefined,
    cancelOfferCount: undefined,
    cancelOfferCountMinAgeMs: 0,
  };

  it('cancels our Active offers past cancelAfter (from their last change) and unconfirmed ones past pendingCancelAfter', () => {
    const offers = [
      ours('1', 2, 11),
      ours('2', 2, 9),
      ours('3', 9, 6),
      ours('4', 9, 4),
      // Confirmed just now after a long wait: its clock restarted.
      ours('5', 2, 1, { createdAt: T - 60 * MIN }),
      known('6', 2, { updatedAt: T - 60 * MIN }),
      ours('7', 3, 60),
    ];
    const picks = offersToCancel(offers, T, {
      ...rules,
      cancelAfterMs: 10 * MIN,
      pendingCancelAfterMs: 5 * MIN,
    });
    expect(picks.map((p) => [p.offer.offerId, p.reason])).toEqual([
      ['1', 'cancelAfter'],
      ['3', 'pendingCancelAfter'],
    ]);
  });

  it('keeps at most cancelOfferCount Active offers, cancelling the oldest old enough', () => {
    const offers = [ours('a', 2, 5), ours('b', 2, 50), ours('c', 2, 1), ours('d', 2, 30), ours('e', 9, 100)];
    const pick = (count: number, minAge = 0) =>
      offersToCancel(offers, T, {
        ...rules,
        cancelOfferCount: count,
        cancelOfferCountMinAgeMs: minAge * MIN,
      }).map((p) => [p.offer.offerId, p.reason]);
    expect(pick(4)).toEqual([]);
    expect(pick(2)).toEqual([
      ['b', 'cancelOfferCount'],
      ['d', 'cancelOfferCount'],
    ]);
    expect(pick(1, 10)).toEqual([
      ['b', 'cancelOfferCount'],
      ['d', 'cancelOfferCount'],
    ]);
    expect(pick(1, 40)).toEqual([['b', 'cancelOfferCount']]);
  });
});
