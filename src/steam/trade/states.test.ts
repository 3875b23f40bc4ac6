import { describe, expect, it } from 'vitest';
import {
  canTransition,
  isActiveOfferState,
  isFinalOfferState,
  isRollbackStatus,
  offerStateName,
  refuseAction,
  TradeOfferState as S,
  tradeStatusName,
} from './states.js';

describe('trade offer states', () => {
  it('names every state and keeps numbers Steam adds later as unknown', () => {
    expect(offerStateName(2)).toBe('Active');
    expect(offerStateName(11)).toBe('InEscrow');
    expect(offerStateName(12)).toBe('unknown');
    expect(offerStateName(-1)).toBe('unknown');
    expect(tradeStatusName(12)).toBe('TradeProtectionRollback');
    expect(tradeStatusName(99)).toBe('unknown');
  });

  it('moves only along the offer lifecycle', () => {
    expect(canTransition(S.CreatedNeedsConfirmation, S.Active)).toBe(true);
    expect(canTransition(S.Active, S.Accepted)).toBe(true);
    expect(canTransition(S.Accepted, S.Active)).toBe(false);
    expect(canTransition(S.Declined, S.Accepted)).toBe(false);
    // An unknown state never blocks: Steam knows better than our table.
    expect(canTransition(42, S.Active)).toBe(true);
    expect(canTransition(S.Active, 42)).toBe(true);
  });

  it('tells active from final offers', () => {
    expect([S.Active, S.CreatedNeedsConfirmation, S.InEscrow].every(isActiveOfferState)).toBe(true);
    expect(isActiveOfferState(S.Accepted)).toBe(false);
    expect(isFinalOfferState(S.Accepted)).toBe(true);
    expect(isFinalOfferState(S.Active)).toBe(false);
    expect(isFinalOfferState(42)).toBe(false);
  });

  it('knows reversals', () => {
    expect(isRollbackStatus(12)).toBe(true);
    expect(isRollbackStatus(3)).toBe(false);
  });

  it('refuses impossible actions with a reason', () => {
    const theirs = { id: '1', isOurOffer: false, state: S.Active };
    const ours = { id: '2', isOurOffer: true, state: S.Active };
    expect(refuseAction('accept', theirs)).toBeUndefined();
    expect(refuseAction('accept', ours)).toMatch(/only its recipient/);
    expect(refuseAction('accept', { ...theirs, state: S.Declined })).toMatch(/Declined, not Active/);
    expect(refuseAction('decline', theirs)).toBeUndefined();
    expect(refuseAction('decline', ours)).toMatch(/cancel it instead/);
    expect(refuseAction('cancel', ours)).toBeUndefined();
    expect(refuseAction('cancel', { ...ours, state: S.CreatedNeedsConfirmation })).toBeUndefined();
    expect(refuseAction('cancel', theirs)).toMatch(/decline it instead/);
    expect(refuseAction('cancel', { ...ours, state: S.Accepted })).toMatch(/only an Active or unconfirmed/);
  });
});
