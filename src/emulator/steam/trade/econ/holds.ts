/**
 * @module emulator/steam/trade/econ/holds
 * IEconService/GetTradeHoldDurations v1 (UPSTREAM.md: ASF uses it with the access token):
 * `my_escrow`, `their_escrow` and `both_escrow`, each `{"escrow_end_duration_seconds": N}`;
 * both is the longer of the two. Asking about a non-friend without their trade token is
 * refused with `x-eresult: 15` and an empty response (unverified).
 */
import type { WebApiMethod } from '../../webapi/registry.js';
import type { TradeContext } from '../context.js';
import { econCaller } from './caller.js';

const DAY = 86_400;

export function getTradeHoldDurations(ctx: TradeContext): WebApiMethod {
  return {
    interface: 'IEconService',
    method: 'GetTradeHoldDurations',
    version: 1,
    httpMethod: 'GET',
    needsKey: true,
    description: 'Returns the estimated hold duration and end date that a trade with a user would have',
    parameters: [
      { name: 'steamid_target', type: 'uint64', optional: false, description: 'User you are trading with' },
      {
        name: 'trade_offer_access_token',
        type: 'string',
        optional: false,
        description: 'A special token that allows for trade offers from non-friends.',
      },
    ],
    handle(call) {
      const viewer = econCaller(ctx, call).steamid;
      const target = call.params.uint64('steamid_target');
      const refused = { root: 'response', value: {}, headers: { 'x-eresult': '15' } };
      if (!viewer || !target || target === viewer) return refused;
      const them = ctx.accounts.get(target);
      const token = call.params.get('trade_offer_access_token');
      if (!ctx.accounts.areFriends(viewer, target) && token !== them.token) return refused;
      const mine = ctx.accounts.get(viewer).escrowDays * DAY;
      const theirs = them.escrowDays * DAY;
      return {
        root: 'response',
        value: {
          my_escrow: { escrow_end_duration_seconds: mine },
          their_escrow: { escrow_end_duration_seconds: theirs },
          both_escrow: { escrow_end_duration_seconds: Math.max(mine, theirs) },
        },
      };
    },
  };
}
