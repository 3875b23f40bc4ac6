/**
 * @module steam/trade/watch/cancel
 * Cancelling our own offers nobody answered, as node-steam-tradeoffer-manager's `cancelTime`,
 * `pendingCancelTime` and `cancelOfferCount` do: Active offers older than `cancelAfterMs`
 * (counted from their last change: confirming an offer restarts it), offers still awaiting
 * confirmation older than `pendingCancelAfterMs` (from creation), and the oldest Active ones
 * beyond `cancelOfferCount` (if at least `cancelOfferCountMinAgeMs` old; the manager cancels
 * one per poll once it has that many, this keeps exactly that many). Each goes through the
 * trade client's `cancel()`, which reads the offer first and never cancels twice; the new
 * state is recorded with its event at once, so the next poll does not announce it again.
 */
import type { Offer } from '../model.js';
import { offerStateName, TradeOfferState } from '../states.js';
import { compareIds } from './observe.js';
import { changedEvent, type CancelReason, type OfferChangedEvent } from './events.js';
import type { ResolvedWatchOptions } from './options.js';
import { storedEvent, type PollContext } from './poll.js';
import type { KnownOffer } from './watch-store.js';

export interface CancelPick {
  offer: KnownOffer;
  reason: CancelReason;
}

type CancelRules = Pick<
  ResolvedWatchOptions,
  'cancelAfterMs' | 'pendingCancelAfterMs' | 'cancelOfferCount' | 'cancelOfferCountMinAgeMs'
>;

/** Which of our offers to cancel now, and why (pure). */
export function offersToCancel(known: Iterable<KnownOffer>, now: number, rules: CancelRules): CancelPick[] {
  const picks: CancelPick[] = [];
  const stillActive: KnownOffer[] = [];
  for (const offer of known) {
    if (!offer.isOurOffer) continue;
    if (offer.state === TradeOfferState.Active) {
      const since = offer.updatedAt ?? offer.createdAt ?? offer.seenAt;
      if (rules.cancelAfterMs !== undefined && now - since >= rules.cancelAfterMs) {
        picks.push({ offer, reason: 'cancelAfter' });
      } else {
        stillActive.push(offer);
      }
    } else if (offer.state === TradeOfferState.CreatedNeedsConfirmation) {
      const since = offer.createdAt ?? offer.seenAt;
      if (rules.pendingCancelAfterMs !== undefined && now - since >= rules.pendingCancelAfterMs) {
        picks.push({ offer, reason: 'pendingCancelAfter' });
      }
    }
  }
  if (rules.cancelOfferCount !== undefined && stillActive.length > rules.cancelOfferCount) {
    // Oldest first, by the last change (when it became Active), as the manager orders them.
    const age = (offer: KnownOffer) => offer.updatedAt ?? offer.createdAt ?? offer.seenAt;
    stillActive.sort((a, b) => age(a) - age(b) || compareIds(a.offerId, b.offerId));
    const beyond = stillActive.length - rules.cancelOfferCount;
    for (const offer of stillActive.slice(0, beyond)) {
      if (now - age(offer) < rules.cancelOfferCountMinAgeMs) break;
      picks.push({ offer, reason: 'cancelOfferCount' });
    }
  }
  return picks;
}

export interface CancelOutcome {
  events: OfferChangedEvent[];
  failures: { offerId: string; message: string }[];
}

/**
 * Cancels the picked offers one after another and records each new state with its event,
 * whose offer is the one the poll just read, in its new state (no extra request).
 */
export async function cancelOffers(
  ctx: PollContext,
  picks: CancelPick[],
  polled: ReadonlyMap<string, Offer>,
): Promise<CancelOutcome> {
  const outcome: CancelOutcome = { events: [], failures: [] };
  for (const { offer, reason } of picks) {
    if (ctx.signal.aborted) break;
    try {
      const result = await ctx.trade.cancel(offer.offerId, { signal: ctx.signal });
      if (result.state === offer.state) continue;
      const at = new Date(ctx.options.now()).toISOString();
      const seen = polled.get(offer.offerId) ?? (await ctx.trade.get(offer.offerId, { signal: ctx.signal }));
      const current: Offer = {
        ...seen,
        state: result.state,
        stateName: offerStateName(result.state),
        updated: at,
      };
      const event = changedEvent(
        { account: ctx.account, offerId: offer.offerId, at, offer: current },
        offer.state,
        reason,
      );
      const row: KnownOffer = { ...offer, state: result.state };
      await ctx.store.commit({
        account: ctx.account,
        offers: [{ offer: row, expectedState: offer.state }],
        events: [storedEvent(event)],
      });
      outcome.events.push(event);
    } catch (error) {
      outcome.failures.push({
        offerId: offer.offerId,
        message: `could not cancel offer ${offer.offerId} (${reason}): ${(error as Error).message}`,
      });
    }
  }
  return outcome;
}
