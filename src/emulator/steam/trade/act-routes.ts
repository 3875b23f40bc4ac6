/**
 * @module emulator/steam/trade/act-routes
 * The community endpoints that act on an offer, as node-steam-tradeoffer-manager calls
 * them: `POST /tradeoffer/{id}/accept` (`sessionid`, `serverid`, `tradeofferid`, `partner`,
 * `captcha`; 403 when logged out) answering `{"tradeid"}` or `{"needs_mobile_confirmation":
 * true}`; `POST /tradeoffer/{id}/decline` and `/cancel` (`sessionid`; 401 when logged out)
 * answering `{"tradeofferid"}`; and `POST /trade/new/acknowledge` (`sessionid`,
 * `message=1`), the once-per-account trade protection acknowledgement (node-steamcommunity
 * v3.49.0 `acknowledgeTradeProtection`, which posts to `//trade/new/acknowledge`).
 * Failures are `strError` answers; which EResult Steam picks for acting on someone else's
 * or a finished offer is not documented: 8 and 11 here.
 */
import type { EmulatorReply, EmulatorRequest } from '../../types.js';
import { acceptOffer, cancelOffer, declineOffer, visibleTo } from './actions.js';
import { jsonReply, postSession, readForm, refererMissing } from './community.js';
import type { TradeContext } from './context.js';
import { eresultText, newDeviceText, strErrorReply } from './str-errors.js';

const ACT_PATH = /^\/tradeoffer\/(\d+)\/(accept|decline|cancel)\/?$/;

export function handleAct(ctx: TradeContext, req: EmulatorRequest, path: string): EmulatorReply | undefined {
  if (req.method !== 'POST') return undefined;
  if (/^\/trade\/new\/acknowledge\/?$/.test(path)) return acknowledge(ctx, req);
  const match = ACT_PATH.exec(path);
  if (!match) return undefined;
  const [, id = '', action] = match;
  return action === 'accept' ? accept(ctx, req, id) : declineOrCancel(ctx, req, id, action === 'cancel');
}

function accept(ctx: TradeContext, req: EmulatorRequest, id: string): EmulatorReply {
  const form = readForm(req);
  // UPSTREAM.md: an expired session answers 403 on accept (401 elsewhere).
  const session = postSession(ctx, req, form, 403);
  if ('reply' in session) return session.reply;
  const noReferer = refererMissing(ctx, req);
  if (noReferer) return noReferer;
  const fail = (eresult: number) => strErrorReply(eresultText('accepting', eresult));
  const offer = ctx.offers.get(id, ctx.clock.seconds());
  if (!offer || offer.recipient !== session.steamid || !visibleTo(offer, session.steamid)) return fail(8);
  if (form.get('partner') !== offer.sender) return fail(8);
  const account = ctx.accounts.get(session.steamid);
  if (account.newDevice) return strErrorReply(newDeviceText('accepting'));
  if (account.tradeBan) return fail(15);
  if (offer.acceptAwaitsConfirmation) return awaitingConfirmation(account.mobileAuthenticator);
  const result = acceptOffer(ctx, offer);
  if ('failed' in result) return fail(result.failed === 'itemsGone' ? 26 : 11);
  if (result.done === 'needsConfirmation') return awaitingConfirmation(result.mobile);
  return jsonReply({ tradeid: result.trade.tradeid });
}

function awaitingConfirmation(mobile: boolean): EmulatorReply {
  return jsonReply(mobile ? { needs_mobile_confirmation: true } : { needs_email_confirmation: true });
}

function declineOrCancel(
  ctx: TradeContext,
  req: EmulatorRequest,
  id: string,
  cancel: boolean,
): EmulatorReply {
  const form = readForm(req);
  const session = postSession(ctx, req, form, 401);
  if ('reply' in session) return session.reply;
  const offer = ctx.offers.get(id, ctx.clock.seconds());
  const party = cancel ? offer?.sender : offer?.recipient;
  const verb = cancel ? 'canceling' : 'declining';
  const fail = (eresult: number) =>
    strErrorReply(`There was an error ${verb} this trade offer.  Please try again later. (${eresult})`);
  if (!offer || party !== session.steamid || !visibleTo(offer, session.steamid)) return fail(8);
  const result = cancel ? cancelOffer(ctx, offer) : declineOffer(ctx, offer);
  if ('failed' in result) return fail(11);
  return jsonReply({ tradeofferid: offer.id });
}

function acknowledge(ctx: TradeContext, req: EmulatorRequest): EmulatorReply {
  const form = readForm(req);
  const session = postSession(ctx, req, form, 401);
  if ('reply' in session) return session.reply;
  if (form.get('message') !== '1') return jsonReply({ success: false }, 400);
  ctx.accounts.update(session.steamid, { acknowledged: true });
  ctx.counters.acknowledgements++;
  // The body is not documented (node-steamcommunity ignores it).
  return jsonReply({ success: true });
}
