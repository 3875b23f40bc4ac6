/**
 * @module emulator/steam/trade/states
 * The trade offer state machine as the emulator runs it: Steam's ETradeOfferState values
 * (UPSTREAM.md, seeds/001) and every move between them in one table. Written apart from the
 * client's own state module on purpose: the emulator must be free to disagree.
 */

export const OfferState = {
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

export type OfferStateValue = (typeof OfferState)[keyof typeof OfferState];

const NAMES = Object.fromEntries(Object.entries(OfferState).map(([name, value]) => [value, name])) as Record<
  OfferStateValue,
  keyof typeof OfferState
>;

export function offerStateName(state: OfferStateValue): keyof typeof OfferState {
  return NAMES[state];
}

/** What can happen to an offer. */
export type OfferEvent =
  /** The sender confirmed it on the mobile authenticator. */
  | 'confirm'
  /** The sender refused it on the mobile authenticator. */
  | 'cancelConfirmation'
  /** The recipient accepted; the items moved. */
  | 'accept'
  /** The recipient accepted; the items wait out a trade hold. */
  | 'acceptIntoEscrow'
  /** The hold ended and the items were delivered. */
  | 'escrowEnd'
  /** The recipient sent a counter offer. */
  | 'counter'
  /** Its 14 days ran out. */
  | 'expire'
  /** The sender took it back. */
  | 'cancel'
  /** The recipient refused it. */
  | 'decline'
  /** Some of its items are no longer where they were. */
  | 'itemsGone';

const { Active, CreatedNeedsConfirmation: NeedsConfirmation, InEscrow } = OfferState;

const TRANSITIONS: Record<OfferEvent, Partial<Record<OfferStateValue, OfferStateValue>>> = {
  confirm: { [NeedsConfirmation]: Active },
  cancelConfirmation: { [NeedsConfirmation]: OfferState.CanceledBySecondFactor },
  accept: { [Active]: OfferState.Accepted },
  acceptIntoEscrow: { [Active]: InEscrow },
  escrowEnd: { [InEscrow]: OfferState.Accepted },
  counter: { [Active]: OfferState.Countered },
  expire: { [Active]: OfferState.Expired, [NeedsConfirmation]: OfferState.Expired },
  cancel: { [Active]: OfferState.Canceled, [NeedsConfirmation]: OfferState.Canceled },
  decline: { [Active]: OfferState.Declined },
  itemsGone: { [Active]: OfferState.InvalidItems, [NeedsConfirmation]: OfferState.InvalidItems },
};

/** The state after `event`, or undefined when the event cannot happen in `state`. */
export function nextState(state: OfferStateValue, event: OfferEvent): OfferStateValue | undefined {
  return TRANSITIONS[event][state];
}

/** Still waiting on someone: counts toward the active-offer caps and can still expire. */
export function isPending(state: OfferStateValue): boolean {
  return state === Active || state === NeedsConfirmation;
}

/**
 * What GetTradeOffers' `active_only` returns: pending offers and offers whose items are on
 * hold (they still change state when the hold ends).
 */
export function isActiveForListing(state: OfferStateValue): boolean {
  return isPending(state) || state === InEscrow;
}
