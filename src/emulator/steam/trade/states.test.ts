import { describe, expect, it } from 'vitest';
import {
  isActiveForListing,
  isPending,
  nextState,
  OfferState,
  offerStateName,
  type OfferEvent,
} from './states.js';

describe('offer state machine', () => {
  it('names the eleven states as Steam does', () => {
    expect(Object.values(OfferState)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(offerStateName(9)).toBe('CreatedNeedsConfirmation');
    expect(offerStateName(11)).toBe('InEscrow');
  });

  it('moves an active offer to each end state', () => {
    const from2: [OfferEvent, number][] = [
      ['accept', 3],
      ['acceptIntoEscrow', 11],
      ['counter', 4],
      ['expire', 5],
      ['cancel', 6],
      ['decline', 7],
      ['itemsGone', 8],
    ];
    for (const [event, to] of from2) expect(nextState(OfferState.Active, event)).toBe(to);
  });

  it('lets an offer awaiting confirmation be confirmed, refused, canceled or expire, never accepted', () => {
    expect(nextState(9, 'confirm')).toBe(2);
    expect(nextState(9, 'cancelConfirmation')).toBe(10);
    expect(nextState(9, 'cancel')).toBe(6);
    expect(nextState(9, 'expire')).toBe(5);
    expect(nextState(9, 'accept')).toBeUndefined();
    expect(nextState(9, 'decline')).toBeUndefined();
  });

  it('ends a hold in Accepted, and nothing leaves an end state', () => {
    expect(nextState(11, 'escrowEnd')).toBe(3);
    const events: OfferEvent[] = [
      'confirm',
      'cancelConfirmation',
      'accept',
      'acceptIntoEscrow',
      'escrowEnd',
      'counter',
      'expire',
      'cancel',
      'decline',
      'itemsGone',
    ];
    for (const state of [1, 3, 4, 5, 6, 7, 8, 10] as const) {
      for (const event of events) expect(nextState(state, event)).toBeUndefined();
    }
  });

  it('counts pending offers for the caps, and escrowed ones as active in lists', () => {
    expect([2, 9].every((s) => isPending(s as 2 | 9))).toBe(true);
    expect(isPending(11)).toBe(false);
    expect(isActiveForListing(11)).toBe(true);
    expect(isActiveForListing(3)).toBe(false);
  });
});
