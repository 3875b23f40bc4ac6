/**
 * @module steam/trade/act
 * Accepting, declining and cancelling an offer. Each reads the offer first: an unknown id is
 * a NotFoundError, and an action its state or side does not allow (accepting one's own offer,
 * cancelling a received one, anything on a finished offer) is refused before any request
 * (states.ts `refuseAction`). Accept goes to the community endpoint (seed 001) with the
 * partner; decline and cancel to IEconService (POST, the access token). None is retried
 * blindly: after an ambiguous failure the offer is read again and its state decides — done
 * already, or still Active and tried once more (an offer is accepted, declined or cancelled
 * at most once, so a second request cannot do anything twice), or reported.
 */
import {
  ConnectionError,
  InvalidInputError,
  MalformedResponseError,
  TradeOfferRefusedError,
  TradeOutcomeUnknownError,
  UpstreamError,
  UpstreamUnavailableError,
  type GamestashErrorOptions,
} from '../../core/errors.js';
import { communityRequest, jsonObjectOf } from './community.js';
import type { TradeContext } from './context.js';
import { ECON_METHODS } from './econ-methods.js';
import type { AcceptResult, ActionResult, Offer } from './model.js';
import { ensureAcknowledged } from './protection.js';
import { getOffer } from './read-offers.js';
import { describeCause } from './reconcile.js';
import { acceptFormFields } from './send-form.js';
import { checkOfferId } from './send-input.js';
import { refusalError, type TradeAction } from './str-error.js';
import { offerStateName, refuseAction, TradeOfferState, type OfferAction } from './states.js';

interface ActOptions {
  signal?: AbortSignal | undefined;
}

/**
 * Failures after which the action may have happened. Client trackers report accepts that
 * answered EResult 11 or 16 and went through anyway (node-steam-forum #55, SteamBot #644).
 */
function isAmbiguous(error: unknown): boolean {
  if (error instanceof TradeOfferRefusedError) return [11, 16, 29].includes(error.eresult ?? -1);
  if (error instanceof ConnectionError) return error.retryable;
  if (error instanceof UpstreamUnavailableError || error instanceof MalformedResponseError) return true;
  return isPlainUpstream(error) && (error.code === 11 || error.code === 16 || error.code === 29);
}

function isPlainUpstream(error: unknown): error is UpstreamError {
  return error instanceof UpstreamError && error.constructor === UpstreamError;
}

/** Reads the offer and refuses an action it does not allow, before any write. */
async function offerFor(ctx: TradeContext, action: OfferAction, offerId: string, signal?: AbortSignal) {
  const offer = await getOffer(ctx, offerId, { descriptions: false, ...(signal ? { signal } : {}) });
  const refusal = refuseAction(action, offer);
  if (refusal) throw new InvalidInputError(refusal, 'offerId');
  return offer;
}

/** The offer's state after an ambiguous failure; a failed read leaves the outcome unknown. */
async function reread(
  ctx: TradeContext,
  action: TradeAction,
  id: string,
  cause: unknown,
  signal?: AbortSignal,
) {
  try {
    return await getOffer(ctx, id, { descriptions: false, ...(signal ? { signal } : {}) });
  } catch (error) {
    throw new TradeOutcomeUnknownError(
      `the ${action} of offer ${id} may or may not have happened: Steam's answer was lost (${describeCause(cause)}) and the offer could not be read again (${describeCause(error)}); look at the offer before trying again`,
      { service: 'steam-community', cause: error },
    );
  }
}

function becameError(action: TradeAction, offer: Offer): TradeOfferRefusedError {
  return new TradeOfferRefusedError(
    `offer ${offer.id} is now ${offer.stateName}: it can no longer be ${action === 'accept' ? 'accepted' : action === 'decline' ? 'declined' : 'cancelled'}`,
    { service: 'steam-community', code: 'offer_not_active' },
  );
}

export async function acceptOffer(
  ctx: TradeContext,
  offerId: string,
  options: ActOptions = {},
): Promise<AcceptResult> {
  const id = checkOfferId(offerId);
  const session = ctx.requireSession('accepting a trade offer');
  const offer = await offerFor(ctx, 'accept', id, options.signal);
  await ensureAcknowledged(ctx, session, options.signal);
  for (let attempt = 0; ; attempt++) {
    let answer: Record<string, unknown>;
    try {
      answer = await communityRequest(
        ctx.community,
        {
          method: 'POST',
          path: `/tradeoffer/${id}/accept`,
          fields: acceptFormFields(id, offer.partner),
          referer: `/tradeoffer/${id}/`,
          session,
          action: 'accept',
          offerId: id,
          signal: options.signal,
        },
        (res, json) => jsonObjectOf(res, json, `the accept of offer ${id}`),
      );
    } catch (error) {
      if (!isAmbiguous(error)) throw error;
      const now = await reread(ctx, 'accept', id, error, options.signal);
      if (now.state === TradeOfferState.Accepted || now.state === TradeOfferState.InEscrow) {
        return acceptResult(now, { tradeId: now.tradeId, mobile: false, email: false }, true);
      }
      if (now.state !== TradeOfferState.Active) throw becameError('accept', now);
      if (attempt === 0) continue;
      throw new TradeOutcomeUnknownError(
        `offer ${id} was accepted twice without an answer (${describeCause(error)}) and is still Active: it may be waiting for your confirmation in the Steam app; look at it before accepting again`,
        { service: 'steam-community', cause: error },
      );
    }
    const mobile = answer.needs_mobile_confirmation === true;
    const email = answer.needs_email_confirmation === true;
    const tradeId = answer.tradeid === undefined || answer.tradeid === null ? null : String(answer.tradeid);
    return acceptResult(
      await stateAfterAccept(ctx, id, offer, tradeId, mobile || email),
      { tradeId, mobile, email },
      false,
    );
  }
}

/** The offer read once more for its state (Accepted, InEscrow, or still Active awaiting confirmation). */
async function stateAfterAccept(
  ctx: TradeContext,
  id: string,
  before: Offer,
  tradeId: string | null,
  waiting: boolean,
) {
  try {
    return await getOffer(ctx, id, { descriptions: false });
  } catch (error) {
    ctx.warn({
      code: 'reread_failed',
      offerId: id,
      message: `offer ${id} was accepted, but reading its new state failed (${describeCause(error)})`,
    });
    const state = waiting || !tradeId ? TradeOfferState.Active : TradeOfferState.Accepted;
    return { ...before, state, stateName: offerStateName(state), tradeId };
  }
}

function acceptResult(
  offer: Offer,
  answer: { tradeId: string | null; mobile: boolean; email: boolean },
  reconciled: boolean,
): AcceptResult {
  return {
    id: offer.id,
    state: offer.state,
    stateName: offer.stateName,
    needsMobileConfirmation: answer.mobile,
    needsEmailConfirmation: answer.email,
    tradeId: answer.tradeId ?? offer.tradeId,
    reconciled,
  };
}

export function declineOffer(
  ctx: TradeContext,
  offerId: string,
  options: ActOptions = {},
): Promise<ActionResult> {
  return declineOrCancel(ctx, 'decline', offerId, options);
}

export function cancelOffer(
  ctx: TradeContext,
  offerId: string,
  options: ActOptions = {},
): Promise<ActionResult> {
  return declineOrCancel(ctx, 'cancel', offerId, options);
}

async function declineOrCancel(
  ctx: TradeContext,
  action: 'decline' | 'cancel',
  offerId: string,
  options: ActOptions,
): Promise<ActionResult> {
  const id = checkOfferId(offerId);
  await offerFor(ctx, action, id, options.signal);
  const row = action === 'decline' ? ECON_METHODS.declineTradeOffer : ECON_METHODS.cancelTradeOffer;
  const done = (state: number): boolean =>
    action === 'decline'
      ? state === TradeOfferState.Declined
      : state === TradeOfferState.Canceled || state === TradeOfferState.CanceledBySecondFactor;
  const target = action === 'decline' ? TradeOfferState.Declined : TradeOfferState.Canceled;
  for (let attempt = 0; ; attempt++) {
    try {
      await ctx.econ(row, { tradeofferid: id }, options);
      return { id, state: target, stateName: offerStateName(target), reconciled: false };
    } catch (error) {
      if (!isAmbiguous(error)) throw asRefusal(error, action, id);
      const now = await reread(ctx, action, id, error, options.signal);
      if (done(now.state)) return { id, state: now.state, stateName: now.stateName, reconciled: true };
      if (refuseAction(action, now)) throw becameError(action, now);
      if (attempt === 0) continue;
      throw new TradeOutcomeUnknownError(
        `offer ${id} was asked to ${action} twice without an answer (${describeCause(error)}) and is still ${now.stateName}; look at it before trying again`,
        { service: 'steam-webapi', cause: error },
      );
    }
  }
}

/** An `x-eresult` refusal from IEconService reads as the trade refusal it is. */
function asRefusal(error: unknown, action: TradeAction, offerId: string): unknown {
  if (!isPlainUpstream(error) || typeof error.code !== 'number') return error;
  const options: GamestashErrorOptions & { offerId: string } = {
    service: error.service,
    offerId,
    cause: error,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.request ? { request: error.request } : {}),
  };
  return refusalError({ eresult: error.code, reason: undefined }, action, options);
}
