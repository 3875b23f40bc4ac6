/**
 * @module emulator/steam/trade/econ/offer-json
 * An offer as IEconService lists it, from one side's point of view, with fields in Steam's
 * order (captured 2025 answers): `tradeofferid`, `accountid_other`, `message`,
 * `expiration_time`, `trade_offer_state`, `items_to_give` / `items_to_receive` (left out when
 * empty; items with `missing` and `est_usd`), `is_our_offer`, times, `tradeid` once
 * accepted, `from_real_time_trade`, `escrow_end_date`, `confirmation_method`, `eresult`, and
 * `delay_settlement` on trade-protected (CS2) offers. Descriptions are collected once each.
 */
import type { RawDescription } from '../../../../steam/community/inventory/types.js';
import type { WebApiObject, WebApiValue } from '../../webapi/formats/index.js';
import { hash32 } from '../../random.js';
import { accountIdOf } from '../accounts.js';
import type { Offer, OfferItem } from '../offers.js';

export function offerJson(offer: Offer, viewer: string, protectedApps: readonly number[]): WebApiObject {
  const ours = offer.sender === viewer;
  const give = ours ? offer.senderItems : offer.recipientItems;
  const receive = ours ? offer.recipientItems : offer.senderItems;
  // Once traded, the assets are no longer where the offer says.
  const missing = offer.tradeid !== undefined;
  const protectedOffer = [...give, ...receive].some((item) => protectedApps.includes(item.appid));
  return {
    tradeofferid: offer.id,
    accountid_other: accountIdOf(ours ? offer.recipient : offer.sender),
    message: offer.message,
    expiration_time: offer.expires,
    trade_offer_state: offer.state,
    items_to_give: give.length > 0 ? give.map((item) => itemJson(item, missing)) : undefined,
    items_to_receive: receive.length > 0 ? receive.map((item) => itemJson(item, missing)) : undefined,
    is_our_offer: ours,
    time_created: offer.created,
    time_updated: offer.updated,
    tradeid: offer.tradeid,
    from_real_time_trade: false,
    escrow_end_date: offer.escrowEnd ?? 0,
    confirmation_method: offer.confirmationMethod,
    eresult: 1,
    delay_settlement: protectedOffer ? true : undefined,
  };
}

function itemJson(item: OfferItem, missing: boolean): WebApiObject {
  return {
    appid: item.appid,
    contextid: item.contextid,
    assetid: item.assetid,
    classid: item.classid,
    instanceid: item.instanceid,
    amount: item.amount,
    missing,
    est_usd: estimatedUsd(item.classid),
  };
}

/** A stable made-up price in cents, as a string like Steam's. */
function estimatedUsd(classid: string): string {
  return String(1 + (hash32(`usd:${classid}`) % 5000));
}

/** Collects each item's description once (by app, classid and instanceid). */
export class DescriptionSet {
  private readonly seen = new Set<string>();
  readonly list: RawDescription[] = [];

  addOffer(offer: Offer): void {
    for (const item of offer.senderItems) this.add(item.appid, item.description);
    for (const item of offer.recipientItems) this.add(item.appid, item.description);
  }

  add(appid: number, description: RawDescription): void {
    const key = `${appid}_${description.classid}_${description.instanceid ?? '0'}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(description);
  }

  /** The list for an answer, or undefined when empty (protobuf answers leave empty lists out). */
  value(): WebApiValue {
    return this.list.length > 0 ? (this.list as unknown as WebApiValue) : undefined;
  }
}
