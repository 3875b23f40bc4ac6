/**
 * @module emulator/steam/trade/send-route
 * `POST /tradeoffer/new/send`: session and `sessionid` pair (401 otherwise), a `Referer`
 * (400 otherwise), injected faults, the form (offer-request.ts), then Steam's own checks
 * and the offer (create-offer.ts). Success answers
 * `{"tradeofferid", "needs_mobile_confirmation", "needs_email_confirmation"}` (seeds/001).
 * The `…AfterCreate` faults answer badly *after* the offer exists (UPSTREAM.md: EResult 16
 * means it may have been created), which is what a client must reconcile.
 */
import type { ServerResponse } from 'node:http';
import type { EmulatorReply, EmulatorRequest } from '../../types.js';
import { internalError } from '../webapi/html.js';
import { jsonReply, postSession, readForm, refererMissing } from './community.js';
import type { TradeContext } from './context.js';
import { createOffer } from './create-offer.js';
import { readSendRequest } from './offer-request.js';
import type { TradeSendFaultKind } from './scenario.js';
import {
  eresultText,
  itemServerText,
  newDeviceText,
  strErrorReply,
  tooManyOffersText,
  tradeBanText,
  unavailableText,
} from './str-errors.js';

const FAULT_ERESULTS: Partial<Record<TradeSendFaultKind, number>> = {
  eresult11: 11,
  eresult15: 15,
  eresult16: 16,
  eresult20: 20,
  eresult26: 26,
  eresult28: 28,
};

export function handleSend(
  ctx: TradeContext,
  req: EmulatorRequest,
  res: ServerResponse,
): EmulatorReply | Promise<never> | undefined {
  ctx.counters.sends++;
  const form = readForm(req);
  const session = postSession(ctx, req, form, 401);
  if ('reply' in session) return session.reply;
  const noReferer = refererMissing(ctx, req);
  if (noReferer) return noReferer;

  const fault = ctx.sendFaults.pick();
  const before = fault && faultBeforeCreate(ctx, fault, form.get('partner') ?? '');
  if (before) return refuse(ctx, before);

  const request = readSendRequest(form);
  if ('eresult' in request) return refuse(ctx, strErrorReply(eresultText('sending', request.eresult)));
  const outcome = createOffer(ctx, session.steamid, request);
  if ('refusal' in outcome) return refuse(ctx, outcome.refusal);
  const { offer } = outcome;

  switch (fault) {
    case 'eresult16AfterCreate':
      return strErrorReply(eresultText('sending', 16));
    case 'status500AfterCreate':
      return internalError();
    case 'dropAfterCreate':
      // The offer exists; the client only sees its connection go.
      res.destroy();
      return undefined;
    case 'hangAfterCreate':
      return new Promise<never>(() => undefined);
    default: {
      const mobile = offer.confirmationMethod === 2;
      return jsonReply({
        tradeofferid: offer.id,
        needs_mobile_confirmation: mobile,
        needs_email_confirmation: offer.confirmationMethod === 1,
      });
    }
  }
}

function refuse(ctx: TradeContext, reply: EmulatorReply): EmulatorReply {
  ctx.counters.sendsRefused++;
  return reply;
}

function faultBeforeCreate(
  ctx: TradeContext,
  kind: TradeSendFaultKind,
  partner: string,
): EmulatorReply | undefined {
  const eresult = FAULT_ERESULTS[kind];
  if (eresult !== undefined) return strErrorReply(eresultText('sending', eresult));
  const name = () => ctx.people.profile(partner).personaName;
  switch (kind) {
    case 'tooManyOffers':
      return strErrorReply(tooManyOffersText(name()));
    case 'tradeBan':
      return strErrorReply(tradeBanText(name()));
    case 'newDevice':
      return strErrorReply(newDeviceText('sending'));
    case 'targetCannotTrade':
      return strErrorReply(unavailableText(name()));
    case 'itemServer':
      return strErrorReply(itemServerText('sending'));
    case 'sessionExpired':
      ctx.counters.sessionRefused++;
      return { status: 401, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '' };
    default:
      return undefined;
  }
}
