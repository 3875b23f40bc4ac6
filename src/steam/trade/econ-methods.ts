/**
 * @module steam/trade/econ-methods
 * The IEconService methods trading uses, as rows (methods as data, like steam/webapi's
 * table): names, versions, GET or POST, and the shape of each answer so the Web API client's
 * one call function and normalizer serve them in any format. Parameter names are Steam's
 * (seed 001, UPSTREAM.md, the method list Steam publishes).
 */
import type { ObjectShape } from '../webapi/shape.js';
import type { WebApiMethod } from '../webapi/methods.js';

const offerItem: ObjectShape = {
  appid: 'number',
  contextid: 'id',
  assetid: 'id',
  classid: 'id',
  instanceid: 'id',
  amount: 'string',
  missing: 'boolean',
  est_usd: 'string',
};

const offer: ObjectShape = {
  tradeofferid: 'id',
  accountid_other: 'number',
  message: 'string',
  expiration_time: 'number',
  trade_offer_state: 'number',
  items_to_give: [offerItem],
  items_to_receive: [offerItem],
  is_our_offer: 'boolean',
  time_created: 'number',
  time_updated: 'number',
  tradeid: 'id',
  from_real_time_trade: 'boolean',
  escrow_end_date: 'number',
  confirmation_method: 'number',
  eresult: 'number',
  delay_settlement: 'boolean',
};

const tag: ObjectShape = {
  category: 'string',
  internal_name: 'string',
  localized_category_name: 'string',
  localized_tag_name: 'string',
  color: 'string',
};

const description: ObjectShape = {
  appid: 'number',
  classid: 'id',
  instanceid: 'id',
  currency: 'number',
  tradable: 'number',
  marketable: 'number',
  commodity: 'number',
  market_tradable_restriction: 'number',
  market_marketable_restriction: 'number',
  descriptions: [{ type: 'string', value: 'string', color: 'string', name: 'string' }],
  owner_descriptions: [{ type: 'string', value: 'string', color: 'string' }],
  actions: [{ link: 'string', name: 'string' }],
  market_actions: [{ link: 'string', name: 'string' }],
  tags: [tag],
  fraudwarnings: ['string'],
};

const tradeAsset: ObjectShape = {
  ...offerItem,
  new_assetid: 'id',
  new_contextid: 'id',
  rollback_new_assetid: 'id',
  rollback_new_contextid: 'id',
};

const trade: ObjectShape = {
  tradeid: 'id',
  steamid_other: 'id',
  time_init: 'number',
  time_escrow_end: 'number',
  time_settlement: 'number',
  status: 'number',
  assets_received: [tradeAsset],
  assets_given: [tradeAsset],
  rollback_trade: 'id',
};

const escrow: ObjectShape = { escrow_end_duration_seconds: 'number' };

const row = (method: string, http: 'GET' | 'POST', body: ObjectShape): WebApiMethod => ({
  interface: 'IEconService',
  method,
  version: 1,
  http,
  auth: 'key',
  shape: { root: 'response', body },
});

export const ECON_METHODS = {
  getTradeOffers: row('GetTradeOffers', 'GET', {
    trade_offers_sent: [offer],
    trade_offers_received: [offer],
    descriptions: [description],
    next_cursor: 'number',
  }),
  getTradeOffer: row('GetTradeOffer', 'GET', { offer, descriptions: [description] }),
  getTradeOffersSummary: row('GetTradeOffersSummary', 'GET', {
    pending_received_count: 'number',
    new_received_count: 'number',
    updated_received_count: 'number',
    historical_received_count: 'number',
    pending_sent_count: 'number',
    newly_accepted_sent_count: 'number',
    updated_sent_count: 'number',
    historical_sent_count: 'number',
    escrow_received_count: 'number',
    escrow_sent_count: 'number',
  }),
  getTradeHistory: row('GetTradeHistory', 'GET', {
    total_trades: 'number',
    more: 'boolean',
    trades: [trade],
    descriptions: [description],
  }),
  getTradeStatus: row('GetTradeStatus', 'GET', { trades: [trade], descriptions: [description] }),
  getTradeHoldDurations: row('GetTradeHoldDurations', 'GET', {
    my_escrow: escrow,
    their_escrow: escrow,
    both_escrow: escrow,
  }),
  declineTradeOffer: row('DeclineTradeOffer', 'POST', {}),
  cancelTradeOffer: row('CancelTradeOffer', 'POST', {}),
} as const satisfies Record<string, WebApiMethod>;
