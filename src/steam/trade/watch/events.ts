/**
 * @module steam/trade/watch/events
 * What the offer watcher announces. Offer events (`newOffer`, `newSentOffer`,
 * `sentOfferChanged`, `receivedOfferChanged`, `offerReverted`) are recorded in the store
 * before anyone hears of them and carry a stable id — the account, the offer and the state it
 * reached (or `reverted`) — so a consumer that sees one twice (after a crash between hearing
 * and acknowledging) can tell. Poll events (`pollSuccess`, `pollFailure`) and warnings are
 * passing news: not recorded, not repeated.
 */
import type { Offer, Trade } from '../model.js';
import { offerStateName, type TradeOfferStateName } from '../states.js';

export const OFFER_EVENT_KINDS = [
  'newOffer',
  'newSentOffer',
  'sentOfferChanged',
  'receivedOfferChanged',
  'offerReverted',
] as const;

export type OfferEventKind = (typeof OFFER_EVENT_KINDS)[number];

/** Why the watcher cancelled one of our offers. */
export type CancelReason = 'cancelAfter' | 'pendingCancelAfter' | 'cancelOfferCount';

interface OfferEventBase {
  /** Stable across restarts and processes: `<account>:<offer id>:<state>` or `…:reverted`. */
  id: string;
  /** The watched account (SteamID64). */
  account: string;
  offerId: string;
  /** When the watcher recorded it (ISO). */
  at: string;
  offer: Offer;
}

/** A received offer seen for the first time, Active: it waits for an answer. */
export interface NewOfferEvent extends OfferEventBase {
  event: 'newOffer';
}

/** An offer this account sent, seen for the first time while Active or awaiting confirmation. */
export interface NewSentOfferEvent extends OfferEventBase {
  event: 'newSentOffer';
}

/** An offer's state changed (`oldState` null: first seen already past its start). */
export interface OfferChangedEvent extends OfferEventBase {
  event: 'sentOfferChanged' | 'receivedOfferChanged';
  oldState: number | null;
  newState: number;
  oldStateName: TradeOfferStateName | 'unknown' | null;
  newStateName: TradeOfferStateName | 'unknown';
  /** Set when the watcher itself cancelled the offer. */
  cancelReason?: CancelReason;
}

/** An accepted offer's trade was reversed (trade protection); the offer still says Accepted. */
export interface OfferRevertedEvent extends OfferEventBase {
  event: 'offerReverted';
  tradeId: string;
  trade: Trade;
}

export type OfferEvent = NewOfferEvent | NewSentOfferEvent | OfferChangedEvent | OfferRevertedEvent;

export interface PollFailureEvent {
  event: 'pollFailure';
  id: string;
  account: string;
  at: string;
  full: boolean;
  /** What went wrong; the cursor did not move. */
  error: { kind: string; message: string; code?: string | number | undefined; retryable: boolean };
}

export interface PollSuccessEvent {
  event: 'pollSuccess';
  id: string;
  account: string;
  at: string;
  full: boolean;
  /** Offers in Steam's answer (plus those looked up one by one). */
  offers: number;
  /** Offer events this poll recorded. */
  events: number;
  /** Steam's newest `time_updated` seen (ISO), or null. */
  cursor: string | null;
  /** False when the cursor was held back (offers still to look up). */
  advanced: boolean;
}

export type WatchWarningCode =
  | 'impossible_transition'
  | 'cancel_failed'
  | 'reversal_check_failed'
  | 'listener_failed'
  | 'delivery_failed'
  | 'housekeeping_failed'
  | 'prune_failed';

export interface WatchWarningEvent {
  event: 'warning';
  id: string;
  account: string;
  at: string;
  code: WatchWarningCode;
  message: string;
  offerId?: string;
}

/** What `for await (const event of watcher)` yields: offer events and poll failures. */
export type WatchEvent = OfferEvent | PollFailureEvent;

/** Listener argument per event name (`event` hears every offer event). */
export interface OfferWatcherEvents {
  newOffer: NewOfferEvent;
  newSentOffer: NewSentOfferEvent;
  sentOfferChanged: OfferChangedEvent;
  receivedOfferChanged: OfferChangedEvent;
  offerReverted: OfferRevertedEvent;
  event: OfferEvent;
  pollSuccess: PollSuccessEvent;
  pollFailure: PollFailureEvent;
  warning: WatchWarningEvent;
}

export function offerEventId(account: string, offerId: string, state: number | 'reverted'): string {
  return `${account}:${offerId}:${state}`;
}

export function changedEvent(
  base: Omit<OfferEventBase, 'id'>,
  oldState: number | null,
  cancelReason?: CancelReason,
): OfferChangedEvent {
  const newState = base.offer.state;
  return {
    event: base.offer.isOurOffer ? 'sentOfferChanged' : 'receivedOfferChanged',
    id: offerEventId(base.account, base.offerId, newState),
    ...base,
    oldState,
    newState,
    oldStateName: oldState === null ? null : offerStateName(oldState),
    newStateName: offerStateName(newState),
    ...(cancelReason ? { cancelReason } : {}),
  };
}
