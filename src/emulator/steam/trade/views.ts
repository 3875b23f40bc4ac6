/**
 * @module emulator/steam/trade/views
 * Offers, trades and accounts as the control endpoint and the in-process API show them:
 * plain JSON with SteamID64s, state names and item names, for tests to assert on.
 */
import type { TradeAccount } from './accounts.js';
import type { Offer, OfferItem } from './offers.js';
import { offerStateName, type OfferStateValue } from './states.js';
import type { TradeRecord } from './trades.js';

export interface ItemView {
  appid: number;
  contextid: string;
  assetid: string;
  amount: string;
  classid: string;
  instanceid: string;
  name: string | undefined;
}

export interface OfferView {
  id: string;
  sender: string;
  recipient: string;
  state: OfferStateValue;
  stateName: string;
  message: string;
  itemsFromSender: ItemView[];
  itemsFromRecipient: ItemView[];
  /** Unix seconds. */
  created: number;
  updated: number;
  expires: number;
  confirmationMethod: number;
  /** Accepted by the recipient, waiting for their mobile confirmation. */
  acceptAwaitsConfirmation: boolean;
  tradeid?: string;
  escrowEnd?: number;
  counterOf?: string;
}

export interface TradeView {
  tradeid: string;
  offerId: string;
  parties: [string, string];
  timeInit: number;
  status: number;
  escrowEnd?: number;
  /** The reversing trade, once reversed (status 12). */
  rollbackTrade?: string;
  assets: (ItemView & {
    from: string;
    to: string;
    newAssetid: string;
    newContextid: string;
    rollbackAssetid?: string;
    rollbackContextid?: string;
  })[];
}

export type AccountView = TradeAccount & { tradeUrl: string };

export function itemView(item: OfferItem): ItemView {
  return {
    appid: item.appid,
    contextid: item.contextid,
    assetid: item.assetid,
    amount: item.amount,
    classid: item.classid,
    instanceid: item.instanceid,
    name: item.description.market_hash_name ?? item.description.name,
  };
}

export function offerView(offer: Offer): OfferView {
  const view: OfferView = {
    id: offer.id,
    sender: offer.sender,
    recipient: offer.recipient,
    state: offer.state,
    stateName: offerStateName(offer.state),
    message: offer.message,
    itemsFromSender: offer.senderItems.map(itemView),
    itemsFromRecipient: offer.recipientItems.map(itemView),
    created: offer.created,
    updated: offer.updated,
    expires: offer.expires,
    confirmationMethod: offer.confirmationMethod,
    acceptAwaitsConfirmation: offer.acceptAwaitsConfirmation === true,
  };
  if (offer.tradeid !== undefined) view.tradeid = offer.tradeid;
  if (offer.escrowEnd !== undefined) view.escrowEnd = offer.escrowEnd;
  if (offer.counterOf !== undefined) view.counterOf = offer.counterOf;
  return view;
}

export function tradeView(record: TradeRecord): TradeView {
  const view: TradeView = {
    tradeid: record.tradeid,
    offerId: record.offerId,
    parties: record.parties,
    timeInit: record.timeInit,
    status: record.status,
    assets: record.assets.map((asset) => ({
      ...itemView(asset),
      from: asset.from,
      to: asset.to,
      newAssetid: asset.newAssetid,
      newContextid: asset.newContextid,
      ...(asset.rollbackAssetid === undefined
        ? {}
        : { rollbackAssetid: asset.rollbackAssetid, rollbackContextid: asset.rollbackContextid }),
    })),
  };
  if (record.escrowEnd !== undefined) view.escrowEnd = record.escrowEnd;
  if (record.rollbackTrade !== undefined) view.rollbackTrade = record.rollbackTrade;
  return view;
}
