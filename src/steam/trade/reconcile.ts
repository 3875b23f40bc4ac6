/**
 * @module steam/trade/reconcile
 * Finding an offer whose send answer was lost (UPSTREAM.md: after EResult 16 the offer may
 * still have been created — check before sending again). Looks among the sent offers, active
 * and recently updated (GetTradeOffers `active_only` with `time_historical_cutoff` at the
 * attempt's start), for one to the same partner with the same items on each side and the
 * same message, created since the attempt began (minus clock slack). An offer not found is
 * looked for once more after a short wait, since Steam's lists can lag its writes.
 */
import { GamestashError, TradeOutcomeUnknownError } from '../../core/errors.js';
import { itemKey } from './items.js';
import type { TradeContext } from './context.js';
import type { Offer, SendResult } from './model.js';
import { listOffers } from './read-offers.js';
import type { SendPlan } from './send-form.js';
import { itemKeys } from './send-input.js';
import { offerStateName, TradeOfferState } from './states.js';

/**
 * Messages compared as Steam may store them: entities decoded, whitespace collapsed (Steam
 * shows messages as HTML; the exact escaping it keeps is not documented).
 */
export function sameMessage(a: string, b: string): boolean {
  const norm = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#0?39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();
  return norm(a) === norm(b);
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** Whether a listed offer is the one `plan` would have made, created at or after `sinceMs`. */
export function matchesPlan(offer: Offer, plan: SendPlan, sinceMs: number): boolean {
  if (!offer.isOurOffer || offer.partner !== plan.partner) return false;
  if (offer.created !== null && Date.parse(offer.created) < sinceMs) return false;
  if (!sameKeys(offer.itemsToGive.map(itemKey).sort(), itemKeys(plan.give))) return false;
  if (!sameKeys(offer.itemsToReceive.map(itemKey).sort(), itemKeys(plan.receive))) return false;
  return sameMessage(offer.message, plan.message);
}

/**
 * One look among the sent offers; the newest match, if any (two identical offers sent on
 * purpose within the window: the later one is the likelier to be this attempt's).
 */
export async function findSentOffer(
  ctx: TradeContext,
  plan: SendPlan,
  attemptStartedAt: number,
  signal?: AbortSignal,
): Promise<Offer | undefined> {
  const since = attemptStartedAt - ctx.tuning.clockSlackMs;
  let found: Offer | undefined;
  for await (const offer of listOffers(ctx, {
    sent: true,
    received: false,
    filter: 'active',
    historicalCutoff: new Date(Math.max(0, since)),
    descriptions: false,
    signal,
    // Reconciliation reads only ids and states: its warnings are not the caller's business.
    onWarning: () => undefined,
  })) {
    if (!matchesPlan(offer, plan, since)) continue;
    if (!found || (offer.created ?? '') > (found.created ?? '')) found = offer;
  }
  return found;
}

export type Reconciliation = { found: SendResult } | { absent: true };

/**
 * Looks twice (now, and after `reconcileDelayMs`) before declaring the offer absent. A read
 * that fails leaves the outcome unknown: TradeOutcomeUnknownError, and nothing is resent.
 */
export async function reconcileSend(
  ctx: TradeContext,
  plan: SendPlan,
  attemptStartedAt: number,
  cause: unknown,
  signal?: AbortSignal,
): Promise<Reconciliation> {
  for (let look = 0; look < 2; look++) {
    if (look > 0) await ctx.sleep(ctx.tuning.reconcileDelayMs, signal);
    let offer: Offer | undefined;
    try {
      offer = await findSentOffer(ctx, plan, attemptStartedAt, signal);
    } catch (error) {
      const what = error instanceof GamestashError ? error.message : String(error);
      throw new TradeOutcomeUnknownError(
        `the offer to ${plan.partner} may or may not have been sent: Steam's answer was lost (${describeCause(cause)}) and the sent offers could not be checked (${what}); look at your sent offers before sending it again`,
        { service: 'steam-community', cause: error, retryable: false },
      );
    }
    if (offer) return { found: sentResultOf(offer, true) };
  }
  return { absent: true };
}

export function sentResultOf(offer: Offer, reconciled: boolean): SendResult {
  const waiting = offer.state === TradeOfferState.CreatedNeedsConfirmation;
  return {
    id: offer.id,
    partner: offer.partner,
    state: offer.state,
    stateName: offerStateName(offer.state),
    needsMobileConfirmation: waiting && offer.confirmationMethod === 2,
    needsEmailConfirmation: waiting && offer.confirmationMethod === 1,
    reconciled,
    replayed: false,
  };
}

export function describeCause(cause: unknown): string {
  return cause instanceof GamestashError ? cause.message : String(cause);
}
