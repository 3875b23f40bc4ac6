/**
 * @module steam/trade/send
 * Sending an offer, never twice. `POST /tradeoffer/new/send` is not idempotent (UPSTREAM.md):
 * the transport never retries it, and neither does this module blindly. A send whose answer
 * is lost — a timeout, a dropped connection, a 5xx without `strError`, an unreadable 200, or
 * `strError` EResult 16 (Timeout) or 29 (DuplicateRequest) — is reconciled: the offer is
 * looked for among the sent offers (reconcile.ts) and returned as sent when found. Only when
 * two looks say it does not exist is it sent again, once; a second lost answer that again
 * left nothing is reported, not retried. A look that fails leaves the outcome unknown
 * (TradeOutcomeUnknownError) and nothing more is sent.
 */
import {
  ConnectionError,
  MalformedResponseError,
  TradeOfferRefusedError,
  UpstreamUnavailableError,
} from '../../core/errors.js';
import type { SteamSession } from '../session/session.js';
import { communityRequest, jsonObjectOf } from './community.js';
import type { TradeContext } from './context.js';
import type { SendResult } from './model.js';
import { acknowledgeTradeProtection } from './protection.js';
import { describeCause, reconcileSend } from './reconcile.js';
import { newOfferPage, sendFormFields, type SendPlan } from './send-form.js';
import { offerStateName, TradeOfferState } from './states.js';

/** One POST, its answer read; every failure typed (community.ts). */
export async function postSend(
  ctx: TradeContext,
  session: SteamSession,
  plan: SendPlan,
  signal?: AbortSignal,
): Promise<SendResult> {
  try {
    return await communityRequest(
      ctx.community,
      {
        method: 'POST',
        path: '/tradeoffer/new/send',
        fields: sendFormFields(plan),
        referer: newOfferPage(plan.partner, plan.token),
        session,
        action: 'send',
        signal,
      },
      (res, json) => {
        const body = jsonObjectOf(res, json, 'the offer send');
        const id = body.tradeofferid;
        if ((typeof id !== 'string' && typeof id !== 'number') || !/^\d+$/.test(String(id))) {
          throw new MalformedResponseError("Steam's answer to the send has no tradeofferid", {
            service: 'steam-community',
            status: res.status,
            request: res.request,
          });
        }
        const mobile = body.needs_mobile_confirmation === true;
        const email = body.needs_email_confirmation === true;
        const state = mobile || email ? TradeOfferState.CreatedNeedsConfirmation : TradeOfferState.Active;
        return {
          id: String(id),
          partner: plan.partner,
          state,
          stateName: offerStateName(state),
          needsMobileConfirmation: mobile,
          needsEmailConfirmation: email,
          reconciled: false,
          replayed: false,
        };
      },
    );
  } catch (error) {
    if (error instanceof TradeOfferRefusedError && error.reason === 'TradeProtectionNotAcknowledged') {
      // Steam refused for want of the acknowledgement: give it now, report, never resend silently.
      await acknowledgeTradeProtection(ctx, session, signal);
    }
    throw error;
  }
}

/**
 * Failures after which the offer may exist. An abort is the caller's own doing: what it cut
 * off is unknown, and it asked to stop, so it is not reconciled here.
 */
export function isAmbiguousSendFailure(error: unknown): boolean {
  if (error instanceof TradeOfferRefusedError) return error.eresult === 16 || error.eresult === 29;
  if (error instanceof ConnectionError) return error.retryable;
  return error instanceof UpstreamUnavailableError || error instanceof MalformedResponseError;
}

/** Sends, reconciling a lost answer; `attemptStartedAt` bounds the offers that can be this one. */
export async function sendWithReconciliation(
  ctx: TradeContext,
  session: SteamSession,
  plan: SendPlan,
  attemptStartedAt: number,
  signal?: AbortSignal,
): Promise<SendResult> {
  let lost: unknown;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return await postSend(ctx, session, plan, signal);
    } catch (error) {
      if (!isAmbiguousSendFailure(error)) throw error;
      const look = await reconcileSend(ctx, plan, attemptStartedAt, error, signal);
      if ('found' in look) return look.found;
      // Looked twice: no such offer. Sending again cannot make a second one.
      lost = error;
    }
  }
  throw new UpstreamUnavailableError(
    `Steam did not answer the send twice (last: ${describeCause(lost)}); checked both times: no offer to ${plan.partner} was created. Nothing was sent; try again later`,
    { service: 'steam-community', retryable: true, code: 'send_not_created', cause: lost },
  );
}
