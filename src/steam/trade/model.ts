/**
 * @module steam/trade/model
 * The trade client's models: Steam's raw IEconService JSON (loose, unknown fields kept) and
 * what gamestash returns — offers, their items joined to descriptions with the inventory's
 * normalizer, trades, send and action results, and warnings about what was dropped.
 */
import type { InventoryItem, RawDescription } from '../community/inventory/types.js';
import type { ConfirmationMethodName, TradeOfferStateName, TradeStatusName } from './states.js';

export interface RawOfferItem {
  appid: number;
  contextid: string;
  assetid: string;
  classid: string;
  instanceid?: string;
  amount: string | number;
  missing?: boolean;
  est_usd?: string;
  [field: string]: unknown;
}

export interface RawTradeOffer {
  tradeofferid: string;
  accountid_other: number;
  message?: string;
  expiration_time?: number;
  trade_offer_state: number;
  items_to_give?: RawOfferItem[];
  items_to_receive?: RawOfferItem[];
  is_our_offer: boolean;
  time_created?: number;
  time_updated?: number;
  tradeid?: string;
  from_real_time_trade?: boolean;
  escrow_end_date?: number;
  confirmation_method?: number;
  eresult?: number;
  delay_settlement?: boolean;
  [field: string]: unknown;
}

export interface RawTradeAsset extends RawOfferItem {
  new_assetid?: string;
  new_contextid?: string;
  rollback_new_assetid?: string;
  rollback_new_contextid?: string;
}

export interface RawTrade {
  tradeid: string;
  steamid_other: string;
  time_init?: number;
  time_escrow_end?: number;
  status: number;
  assets_received?: RawTradeAsset[];
  assets_given?: RawTradeAsset[];
  rollback_trade?: string;
  [field: string]: unknown;
}

export interface RawOfferList {
  trade_offers_sent?: RawTradeOffer[];
  trade_offers_received?: RawTradeOffer[];
  descriptions?: RawDescription[];
  next_cursor?: number;
  [field: string]: unknown;
}

/** An item of an offer: the inventory's normalized item, plus whether it is gone from where the offer says. */
export interface OfferItem extends InventoryItem {
  /** Steam's `missing`: the asset is no longer where the offer says (traded, or moved on acceptance). */
  missing: boolean;
}

export interface Offer {
  id: string;
  /** The other party's SteamID64. */
  partner: string;
  isOurOffer: boolean;
  /** ETradeOfferState; numbers Steam adds later are kept, named `unknown`. */
  state: number;
  stateName: TradeOfferStateName | 'unknown';
  message: string;
  /** Items this account gives. */
  itemsToGive: OfferItem[];
  /** Items this account receives. */
  itemsToReceive: OfferItem[];
  /** ISO times; null when Steam gave none. */
  created: string | null;
  updated: string | null;
  expires: string | null;
  confirmationMethod: number;
  confirmationMethodName: ConfirmationMethodName | 'unknown';
  /** When a held (escrow) trade completes. */
  escrowEnds: string | null;
  /** The trade the offer became, once accepted. */
  tradeId: string | null;
  fromRealTimeTrade: boolean;
  /** Trade protection (2025-07): the received items settle after the reversal window. */
  delaySettlement: boolean;
}

/** An asset of a completed trade, with the ids it got on arrival. */
export interface TradeAsset extends InventoryItem {
  newAssetid: string | undefined;
  newContextid: string | undefined;
}

export interface Trade {
  tradeId: string;
  partner: string;
  /** When the trade started (ISO). */
  created: string | null;
  escrowEnds: string | null;
  /** ETradeStatus; 12 is TradeProtectionRollback. */
  status: number;
  statusName: TradeStatusName | 'unknown';
  /** The trade was taken back (support, escrow or trade protection rollback). */
  rolledBack: boolean;
  /** GetTradeStatus' `rollback_trade`, when Steam gives it (the reversing trade). */
  rollbackTrade: string | null;
  itemsReceived: TradeAsset[];
  itemsGiven: TradeAsset[];
}

export interface OffersSummary {
  pendingReceived: number;
  newReceived: number;
  updatedReceived: number;
  historicalReceived: number;
  pendingSent: number;
  newlyAcceptedSent: number;
  updatedSent: number;
  historicalSent: number;
  escrowReceived: number;
  escrowSent: number;
}

export interface SendResult {
  id: string;
  /** The partner's SteamID64 (what a trade URL or vanity name resolved to). */
  partner: string;
  /** 9 (CreatedNeedsConfirmation) when it waits for a confirmation, else 2 (Active). */
  state: number;
  stateName: TradeOfferStateName | 'unknown';
  needsMobileConfirmation: boolean;
  needsEmailConfirmation: boolean;
  /** True when the answer was lost and the offer was found among the sent offers instead. */
  reconciled: boolean;
  /** True when an idempotency key returned an offer sent by an earlier call. */
  replayed: boolean;
}

export interface AcceptResult {
  id: string;
  state: number;
  stateName: TradeOfferStateName | 'unknown';
  needsMobileConfirmation: boolean;
  needsEmailConfirmation: boolean;
  /** The trade, when the offer completed. */
  tradeId: string | null;
  /** True when the answer was lost and the state was read from the offer. */
  reconciled: boolean;
}

export interface ActionResult {
  id: string;
  state: number;
  stateName: TradeOfferStateName | 'unknown';
  /** True when the answer was lost and the offer was found already declined or cancelled. */
  reconciled: boolean;
}

export interface PartnerDetails {
  partner: string;
  /** Days this account's items would be held. */
  myEscrowDays: number;
  theirEscrowDays: number;
  /** Trade partner on probation (offer page only). */
  probation: boolean | undefined;
  /** Where the figures came from: the Web API (GetTradeHoldDurations) or the offer page. */
  source: 'webapi' | 'offer-page';
}

export type TradeWarningCode =
  | 'dropped_asset'
  | 'unknown_state'
  | 'unknown_confirmation_method'
  /** An idempotency record could not be completed (the offer was sent). */
  | 'store'
  /** An action went through but the offer's new state could not be read. */
  | 'reread_failed'
  /** Offers read with a Web API key alone: Steam leaves CS2 offers out of such reads. */
  | 'key_only_read';

export interface TradeWarning {
  code: TradeWarningCode;
  message: string;
  offerId?: string;
}

export type WarningHook = (warning: TradeWarning) => void;
