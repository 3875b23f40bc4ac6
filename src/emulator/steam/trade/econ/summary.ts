/**
 * @module emulator/steam/trade/econ/summary
 * IEconService/GetTradeOffersSummary v1: the counts behind the community's trade offer
 * badge, in Steam's field order. "New" and "updated" count from `time_last_visit` (0 when
 * not given: the emulator does not track page visits). A key does not count CS2 offers
 * (it does not see them in the lists either; unverified for the summary).
 */
import type { WebApiMethod } from '../../webapi/registry.js';
import { visibleTo } from '../actions.js';
import type { TradeContext } from '../context.js';
import { OfferState } from '../states.js';
import { econCaller, hiddenFromKey } from './caller.js';

export function getTradeOffersSummary(ctx: TradeContext): WebApiMethod {
  return {
    interface: 'IEconService',
    method: 'GetTradeOffersSummary',
    version: 1,
    httpMethod: 'GET',
    needsKey: true,
    description: 'Get counts of pending and new trade offers',
    parameters: [
      {
        name: 'time_last_visit',
        type: 'uint32',
        optional: false,
        description:
          'The time the user last visited.  If not passed, will use the time the user last visited the trade offer page.',
      },
    ],
    handle(call) {
      const caller = econCaller(ctx, call);
      const since = call.params.uint('time_last_visit', 0);
      const counts = {
        pending_received_count: 0,
        new_received_count: 0,
        updated_received_count: 0,
        historical_received_count: 0,
        pending_sent_count: 0,
        newly_accepted_sent_count: 0,
        updated_sent_count: 0,
        historical_sent_count: 0,
        escrow_received_count: 0,
        escrow_sent_count: 0,
      };
      const viewer = caller.steamid;
      for (const offer of viewer ? ctx.offers.forAccount(viewer, ctx.clock.seconds()) : []) {
        if (!visibleTo(offer, viewer as string) || (caller.viaKey && hiddenFromKey(offer))) continue;
        const sent = offer.sender === viewer;
        const pending =
          offer.state === OfferState.Active || offer.state === OfferState.CreatedNeedsConfirmation;
        const escrow = offer.state === OfferState.InEscrow;
        const updated = offer.updated > since;
        if (sent) {
          if (pending) counts.pending_sent_count++;
          else if (escrow) counts.escrow_sent_count++;
          else counts.historical_sent_count++;
          if (offer.state === OfferState.Accepted && updated) counts.newly_accepted_sent_count++;
          if (!pending && updated) counts.updated_sent_count++;
        } else {
          if (pending) counts.pending_received_count++;
          else if (escrow) counts.escrow_received_count++;
          else counts.historical_received_count++;
          if (pending && offer.created > since) counts.new_received_count++;
          if (!pending && updated) counts.updated_received_count++;
        }
      }
      return { root: 'response', value: counts };
    },
  };
}
