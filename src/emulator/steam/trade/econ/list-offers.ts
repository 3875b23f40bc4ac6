/**
 * @module emulator/steam/trade/econ/list-offers
 * IEconService/GetTradeOffers v1 and GetTradeOffer v1. Filters as Steam's method list
 * describes them: `active_only` gives offers still active *or* updated since
 * `time_historical_cutoff`; `historical_only` gives the others, only those updated since the
 * cutoff; neither gives everything. Newest first, `cursor` is a start index and `next_cursor`
 * the next one (0 at the end). Recipients do not see offers the sender has not confirmed.
 * Injected glitches answer while offers exist (UPSTREAM.md: poll lists can be temporarily
 * malformed): an empty `{"response":{}}`, offers missing their partner and items (what
 * node-steam-tradeoffer-manager calls "Data temporarily unavailable"), `x-eresult: 2`, a
 * body that is not JSON, or a well-formed list with nothing in it.
 */
import type { EmulatorReply } from '../../../types.js';
import type { WebApiObject } from '../../webapi/formats/index.js';
import type { WebApiAnswer, WebApiCall, WebApiMethod, WebApiParameter } from '../../webapi/registry.js';
import { visibleTo } from '../actions.js';
import type { TradeContext } from '../context.js';
import type { Offer } from '../offers.js';
import type { TradeListFaultKind } from '../scenario.js';
import { isActiveForListing } from '../states.js';
import { econCaller, hiddenFromKey } from './caller.js';
import { DescriptionSet, offerJson } from './offer-json.js';

const param = (name: string, type: string, description: string, optional = false): WebApiParameter => ({
  name,
  type,
  optional,
  description,
});

export function getTradeOffers(ctx: TradeContext): WebApiMethod {
  return {
    interface: 'IEconService',
    method: 'GetTradeOffers',
    version: 1,
    httpMethod: 'GET',
    needsKey: true,
    description: 'Get a list of sent or received trade offers',
    parameters: [
      param('get_sent_offers', 'bool', 'Request the list of sent offers.'),
      param('get_received_offers', 'bool', 'Request the list of received offers.'),
      param(
        'get_descriptions',
        'bool',
        "If set, the item display data for the items included in the returned trade offers will also be returned. If one or more descriptions can't be retrieved, then your request will fail.",
      ),
      param('language', 'string', 'The language to use when loading item display data.'),
      param(
        'active_only',
        'bool',
        'Indicates we should only return offers which are still active, or offers that have changed in state since the time_historical_cutoff',
      ),
      param('historical_only', 'bool', 'Indicates we should only return offers which are not active.'),
      param(
        'time_historical_cutoff',
        'uint32',
        'When active_only is set, offers updated since this time will also be returned. When historical_only is set, only offers updated since this time are included.',
      ),
      param('cursor', 'uint32', 'Cursor aka start index', true),
    ],
    handle: (call) => listOffers(ctx, call),
  };
}

function listOffers(ctx: TradeContext, call: WebApiCall): WebApiAnswer {
  const caller = econCaller(ctx, call);
  const { params } = call;
  const wantSent = params.bool('get_sent_offers');
  const wantReceived = params.bool('get_received_offers');
  const activeOnly = params.bool('active_only');
  const historicalOnly = params.bool('historical_only');
  const cutoff = params.uint('time_historical_cutoff', 0);
  const cursor = params.uint('cursor', 0);
  const viewer = caller.steamid;
  const now = ctx.clock.seconds();

  const matching: Offer[] = [];
  for (const offer of viewer ? ctx.offers.forAccount(viewer, now) : []) {
    const sent = offer.sender === viewer;
    if (sent ? !wantSent : !wantReceived) continue;
    if (!visibleTo(offer, viewer as string) || (caller.viaKey && hiddenFromKey(offer))) continue;
    const active = isActiveForListing(offer.state);
    if (activeOnly && !active && !(cutoff > 0 && offer.updated >= cutoff)) continue;
    if (historicalOnly && (active || offer.updated < cutoff)) continue;
    matching.push(offer);
  }

  const glitch = ctx.listFaults.pick();
  if (glitch && matching.length > 0) return glitched(glitch, matching);

  const page = matching.slice(cursor, cursor + ctx.config.offersPageSize);
  const sent: WebApiObject[] = [];
  const received: WebApiObject[] = [];
  const descriptions = new DescriptionSet();
  const withDescriptions = params.bool('get_descriptions');
  for (const offer of page) {
    (offer.sender === viewer ? sent : received).push(
      offerJson(offer, viewer as string, ctx.config.protectedApps),
    );
    if (withDescriptions) descriptions.addOffer(offer);
  }
  const end = cursor + page.length;
  return {
    root: 'response',
    value: {
      trade_offers_sent: sent.length > 0 ? sent : undefined,
      trade_offers_received: received.length > 0 ? received : undefined,
      descriptions: descriptions.value(),
      next_cursor: end < matching.length ? end : 0,
    },
  };
}

function glitched(kind: TradeListFaultKind, offers: Offer[]): WebApiAnswer {
  switch (kind) {
    case 'listEmpty':
      return { root: 'response', value: {} };
    case 'listMalformed':
      return {
        root: 'response',
        value: {
          trade_offers_sent: offers.map((offer) => ({
            tradeofferid: offer.id,
            trade_offer_state: offer.state,
          })),
          next_cursor: 0,
        },
      };
    case 'listFail':
      return { root: 'response', value: {}, headers: { 'x-eresult': '2' } };
    case 'listNothing':
      return { root: 'response', value: { next_cursor: 0 } };
    case 'listUnavailable': {
      const reply: EmulatorReply = {
        status: 200,
        headers: { 'content-type': 'text/html; charset=UTF-8' },
        body: '<html><head><title>Data temporarily unavailable</title></head><body>Data temporarily unavailable</body></html>',
      };
      return reply;
    }
  }
}

export function getTradeOffer(ctx: TradeContext): WebApiMethod {
  return {
    interface: 'IEconService',
    method: 'GetTradeOffer',
    version: 1,
    httpMethod: 'GET',
    needsKey: true,
    description: 'Gets a specific trade offer',
    parameters: [
      param('tradeofferid', 'uint64', ''),
      param('language', 'string', ''),
      param(
        'get_descriptions',
        'bool',
        "If set, the item display data for the items included in the returned trade offers will also be returned. If one or more descriptions can't be retrieved, then your request will fail.",
      ),
    ],
    handle(call) {
      const caller = econCaller(ctx, call);
      const id = call.params.uint64('tradeofferid') ?? '';
      const offer = ctx.offers.get(id, ctx.clock.seconds());
      const viewer = caller.steamid;
      if (!offer || !viewer || !visibleTo(offer, viewer) || (caller.viaKey && hiddenFromKey(offer)))
        return { root: 'response', value: {} };
      const descriptions = new DescriptionSet();
      if (call.params.bool('get_descriptions')) descriptions.addOffer(offer);
      return {
        root: 'response',
        value: {
          offer: offerJson(offer, viewer, ctx.config.protectedApps),
          descriptions: descriptions.value(),
        },
      };
    },
  };
}
