/**
 * @module emulator/steam/trade/actions
 * What can be done to an existing offer, in one place for the community endpoints, the Web
 * API and the control endpoint: accept (with its mobile confirmation when needed), decline,
 * cancel, confirm or refuse a confirmation, expire. Each checks the state machine first and
 * reports why it refused.
 */
import type { TradeContext } from './context.js';
import { move, type Offer } from './offers.js';
import { OfferState } from './states.js';
import type { TradeRecord } from './trades.js';

export type ActionFailure =
  /** The offer is not in a state that allows it. */
  | 'state'
  /** Some items are gone: the offer is now InvalidItems. */
  | 'itemsGone'
  /** The account has not acknowledged trade protection (UPSTREAM.md, 2025-07). */
  | 'unacknowledged';

export type AcceptResult =
  | { done: 'traded'; trade: TradeRecord }
  | { done: 'needsConfirmation'; mobile: boolean }
  | { failed: ActionFailure };

export type ActionResult = { done: true } | { failed: ActionFailure };

/**
 * The recipient accepts. It needs their mobile confirmation when they give items and have
 * an authenticator, and always while they have not acknowledged trade protection (the
 * confirmation then fails until they do: steampy #448, steamguard-cli #470, aiosteampy #87).
 * `skipConfirmation` is the control endpoint acting as the partner.
 */
export function acceptOffer(ctx: TradeContext, offer: Offer, skipConfirmation = false): AcceptResult {
  if (offer.state !== OfferState.Active) return { failed: 'state' };
  const acceptor = ctx.accounts.get(offer.recipient);
  if (!ctx.exchange.itemsPresent(offer)) {
    move(offer, 'itemsGone', ctx.clock.seconds());
    return { failed: 'itemsGone' };
  }
  const needsConfirmation =
    !acceptor.acknowledged || (acceptor.mobileAuthenticator && offer.recipientItems.length > 0);
  if (needsConfirmation && !skipConfirmation) {
    offer.acceptAwaitsConfirmation = true;
    return { done: 'needsConfirmation', mobile: acceptor.mobileAuthenticator };
  }
  ctx.counters.accepts++;
  return { done: 'traded', trade: complete(ctx, offer) };
}

/** Carries the exchange out; a hold on either side puts it in escrow for the longer one. */
function complete(ctx: TradeContext, offer: Offer): TradeRecord {
  const holdDays = Math.max(
    ctx.accounts.get(offer.sender).escrowDays,
    ctx.accounts.get(offer.recipient).escrowDays,
  );
  const now = ctx.clock.seconds();
  const trade = ctx.exchange.execute(offer, holdDays, (deliveredAt) => move(offer, 'escrowEnd', deliveredAt));
  move(offer, holdDays > 0 ? 'acceptIntoEscrow' : 'accept', now);
  offer.acceptAwaitsConfirmation = false;
  offer.tradeid = trade.tradeid;
  if (trade.escrowEnd !== undefined) offer.escrowEnd = trade.escrowEnd;
  return trade;
}

/**
 * A mobile confirmation: of a sent offer awaiting it (9 -> 2), or of an acceptance awaiting
 * it (the trade happens). Refused until the confirming account acknowledged trade protection.
 */
export function confirmOffer(
  ctx: TradeContext,
  offer: Offer,
): { done: true; trade?: TradeRecord } | { failed: ActionFailure } {
  if (offer.state === OfferState.CreatedNeedsConfirmation) {
    if (!ctx.accounts.get(offer.sender).acknowledged) return { failed: 'unacknowledged' };
    move(offer, 'confirm', ctx.clock.seconds());
    offer.visibleToRecipient = true;
    ctx.counters.confirmations++;
    return { done: true };
  }
  if (offer.state === OfferState.Active && offer.acceptAwaitsConfirmation) {
    if (!ctx.accounts.get(offer.recipient).acknowledged) return { failed: 'unacknowledged' };
    if (!ctx.exchange.itemsPresent(offer)) {
      move(offer, 'itemsGone', ctx.clock.seconds());
      return { failed: 'itemsGone' };
    }
    ctx.counters.confirmations++;
    ctx.counters.accepts++;
    return { done: true, trade: complete(ctx, offer) };
  }
  return { failed: 'state' };
}

/** Refusing the confirmation of a sent offer: CanceledBySecondFactor (10). */
export function cancelConfirmation(ctx: TradeContext, offer: Offer): ActionResult {
  if (offer.state === OfferState.Active && offer.acceptAwaitsConfirmation) {
    offer.acceptAwaitsConfirmation = false;
    return { done: true };
  }
  return move(offer, 'cancelConfirmation', ctx.clock.seconds()) ? { done: true } : { failed: 'state' };
}

export function declineOffer(ctx: TradeContext, offer: Offer): ActionResult {
  if (!move(offer, 'decline', ctx.clock.seconds())) return { failed: 'state' };
  offer.acceptAwaitsConfirmation = false;
  ctx.counters.declines++;
  return { done: true };
}

export function cancelOffer(ctx: TradeContext, offer: Offer): ActionResult {
  if (!move(offer, 'cancel', ctx.clock.seconds())) return { failed: 'state' };
  offer.acceptAwaitsConfirmation = false;
  ctx.counters.cancels++;
  return { done: true };
}

/** Ends the offer's 14 days now. */
export function expireOffer(ctx: TradeContext, offer: Offer): ActionResult {
  const now = ctx.clock.seconds();
  if (!move(offer, 'expire', now)) return { failed: 'state' };
  offer.expires = now;
  offer.acceptAwaitsConfirmation = false;
  return { done: true };
}

/** Whether `viewer` may see the offer at all: recipients do not see it before the sender confirmed. */
export function visibleTo(offer: Offer, viewer: string): boolean {
  if (offer.sender === viewer) return true;
  return offer.recipient === viewer && offer.visibleToRecipient;
}
