/**
 * @module steam/trade/states
 * Trade offer states (ETradeOfferState), trade statuses (ETradeStatus) and confirmation
 * methods, with their names, and the offer state machine: which states an offer can move to,
 * and which actions each state allows. One module, so the client's checks and the watcher's
 * change detection agree. Numbers Steam adds later are kept as `unknown`, never a crash
 * (UPSTREAM.md).
 */

/** ETradeOfferState (seed 001, UPSTREAM.md). */
export const TradeOfferState = {
  Invalid: 1,
  Active: 2,
  Accepted: 3,
  Countered: 4,
  Expired: 5,
  Canceled: 6,
  Declined: 7,
  InvalidItems: 8,
  CreatedNeedsConfirmation: 9,
  CanceledBySecondFactor: 10,
  InEscrow: 11,
} as const;

export type TradeOfferStateName = keyof typeof TradeOfferState;

/**
 * ETradeStatus, as `GetTradeStatus` and `GetTradeHistory` report it. 12 arrived with trade
 * protection (2025-07; UPSTREAM.md: the Rust port of the manager and aiosteampy added it).
 */
export const TradeStatus = {
  Init: 0,
  PreCommitted: 1,
  Committed: 2,
  Complete: 3,
  Failed: 4,
  PartialSupportRollback: 5,
  FullSupportRollback: 6,
  SupportRollback_Selective: 7,
  RollbackFailed: 8,
  RollbackAbandoned: 9,
  InEscrow: 10,
  EscrowRollback: 11,
  TradeProtectionRollback: 12,
} as const;

export type TradeStatusName = keyof typeof TradeStatus;

/** EConfirmationMethod: how a created offer waits to be confirmed. */
export const ConfirmationMethod = { None: 0, Email: 1, MobileApp: 2 } as const;
export type ConfirmationMethodName = keyof typeof ConfirmationMethod;

function nameOf<T extends Record<string, number>>(table: T, value: number): keyof T | 'unknown' {
  for (const [name, n] of Object.entries(table)) if (n === value) return name as keyof T;
  return 'unknown';
}

export function offerStateName(state: number): TradeOfferStateName | 'unknown' {
  return nameOf(TradeOfferState, state);
}

export function tradeStatusName(status: number): TradeStatusName | 'unknown' {
  return nameOf(TradeStatus, status);
}

export function confirmationMethodName(method: number): ConfirmationMethodName | 'unknown' {
  return nameOf(ConfirmationMethod, method);
}

/** Statuses that mean a completed trade was taken back (support, escrow or trade protection). */
const ROLLBACK_STATUSES = new Set<number>([
  TradeStatus.PartialSupportRollback,
  TradeStatus.FullSupportRollback,
  TradeStatus.SupportRollback_Selective,
  TradeStatus.EscrowRollback,
  TradeStatus.TradeProtectionRollback,
]);

export function isRollbackStatus(status: number): boolean {
  return ROLLBACK_STATUSES.has(status);
}

const S = TradeOfferState;

/**
 * Where each state can go next. Final states go nowhere; Accepted can only be followed by a
 * reversal, which Steam shows on the trade (GetTradeStatus), not on the offer (UPSTREAM.md).
 */
const NEXT: Readonly<Record<number, readonly number[]>> = {
  [S.CreatedNeedsConfirmation]: [S.Active, S.CanceledBySecondFactor, S.Canceled, S.Expired, S.InvalidItems],
  [S.Active]: [S.Accepted, S.Countered, S.Expired, S.Canceled, S.Declined, S.InvalidItems, S.InEscrow],
  [S.InEscrow]: [S.Accepted, S.Canceled, S.Declined, S.InvalidItems],
  [S.Invalid]: [],
  [S.Accepted]: [],
  [S.Countered]: [],
  [S.Expired]: [],
  [S.Canceled]: [],
  [S.Declined]: [],
  [S.InvalidItems]: [],
  [S.CanceledBySecondFactor]: [],
};

/** Whether Steam can move an offer from `from` to `to` (unknown states: anything goes). */
export function canTransition(from: number, to: number): boolean {
  const next = NEXT[from];
  return next === undefined || NEXT[to] === undefined || next.includes(to);
}

/** Offers still waiting on someone: what `--active` lists and the watcher keeps polling. */
export function isActiveOfferState(state: number): boolean {
  return state === S.Active || state === S.CreatedNeedsConfirmation || state === S.InEscrow;
}

/** Nothing more will happen to the offer itself. */
export function isFinalOfferState(state: number): boolean {
  return NEXT[state]?.length === 0;
}

export type OfferAction = 'accept' | 'decline' | 'cancel';

/**
 * Why an action is impossible for an offer (ours or theirs, in this state), or undefined when
 * it is allowed. Checked before any request, so a wrong call costs nothing upstream.
 */
export function refuseAction(
  action: OfferAction,
  offer: { id: string; isOurOffer: boolean; state: number },
): string | undefined {
  const name = offerStateName(offer.state);
  if (action === 'accept') {
    if (offer.isOurOffer) return `offer ${offer.id} is one you sent: only its recipient can accept it`;
    if (offer.state !== S.Active)
      return `offer ${offer.id} is ${name}, not Active: it can no longer be accepted`;
    return undefined;
  }
  if (action === 'decline') {
    if (offer.isOurOffer) return `offer ${offer.id} is one you sent: cancel it instead of declining it`;
    if (offer.state !== S.Active)
      return `offer ${offer.id} is ${name}, not Active: there is nothing to decline`;
    return undefined;
  }
  if (!offer.isOurOffer) return `offer ${offer.id} was sent to you: decline it instead of cancelling it`;
  if (offer.state !== S.Active && offer.state !== S.CreatedNeedsConfirmation) {
    return `offer ${offer.id} is ${name}: only an Active or unconfirmed offer can be cancelled`;
  }
  return undefined;
}
