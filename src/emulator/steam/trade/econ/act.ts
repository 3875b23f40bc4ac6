/**
 * @module emulator/steam/trade/econ/act
 * IEconService/CancelTradeOffer v1 and DeclineTradeOffer v1 (POST; seeds/001): `{"response":{}}`
 * on success. A refusal keeps HTTP 200 and says why in `x-eresult` (UPSTREAM.md: an
 * `x-eresult` other than 1 is an error): 15 for an offer that is not the caller's to act on,
 * 11 for one no longer active (which EResults Steam picks here is unverified).
 */
import type { WebApiData, WebApiMethod } from '../../webapi/registry.js';
import { cancelOffer, declineOffer, visibleTo } from '../actions.js';
import type { TradeContext } from '../context.js';
import { econCaller } from './caller.js';

function refused(eresult: number): WebApiData {
  return { root: 'response', value: {}, headers: { 'x-eresult': String(eresult) } };
}

function actMethod(ctx: TradeContext, cancel: boolean): WebApiMethod {
  return {
    interface: 'IEconService',
    method: cancel ? 'CancelTradeOffer' : 'DeclineTradeOffer',
    version: 1,
    httpMethod: 'POST',
    needsKey: true,
    description: cancel ? 'Cancel a trade offer we sent' : 'Decline a trade offer someone sent to us',
    parameters: [{ name: 'tradeofferid', type: 'uint64', optional: false, description: '' }],
    handle(call) {
      const caller = econCaller(ctx, call);
      const offer = ctx.offers.get(call.params.uint64('tradeofferid') ?? '', ctx.clock.seconds());
      const viewer = caller.steamid;
      const party = cancel ? offer?.sender : offer?.recipient;
      if (!offer || !viewer || party !== viewer || !visibleTo(offer, viewer)) return refused(15);
      const result = cancel ? cancelOffer(ctx, offer) : declineOffer(ctx, offer);
      return 'failed' in result ? refused(11) : { root: 'response', value: {} };
    },
  };
}

export const cancelTradeOffer = (ctx: TradeContext) => actMethod(ctx, true);
export const declineTradeOffer = (ctx: TradeContext) => actMethod(ctx, false);
