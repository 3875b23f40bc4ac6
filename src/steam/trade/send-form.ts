/**
 * @module steam/trade/send-form
 * The exact form `POST /tradeoffer/new/send` takes (seed 001, UPSTREAM.md), built from a
 * checked send plan: `serverid=1`, `partner` (SteamID64), `tradeoffermessage`,
 * `json_tradeoffer` (`newversion`, `version`, `me`/`them` with `assets`, `currency`,
 * `ready`), `captcha=`, `trade_offer_create_params` (the token or `{}`) and, for a counter
 * offer, `tradeofferid_countered`. `sessionid` is added by the request (community.ts). Pure.
 */
import { accountIdOf } from '../ids/parse.js';
import type { TradeItem } from './items.js';

/** A send, checked: what the form and the reconciliation are built from. */
export interface SendPlan {
  /** The sender (the session's account). */
  sender: string;
  /** The partner's SteamID64. */
  partner: string;
  /** The partner's trade token, when the offer goes through their trade URL. */
  token: string | undefined;
  give: TradeItem[];
  receive: TradeItem[];
  message: string;
  /** The offer this one counters. */
  counter: string | undefined;
}

interface WireAsset {
  appid: number;
  contextid: string;
  amount: number;
  assetid: string;
}

/** Ids as strings, amount as a number (UPSTREAM.md: a numeric assetid gets EResult 26). */
function wireAsset(item: TradeItem): WireAsset {
  return { appid: item.appid, contextid: item.contextid, amount: item.amount, assetid: item.assetid };
}

/** The `json_tradeoffer` document; `version` counts the items plus one, as Steam's own page does. */
export function jsonTradeOffer(plan: Pick<SendPlan, 'give' | 'receive'>): string {
  return JSON.stringify({
    newversion: true,
    version: plan.give.length + plan.receive.length + 1,
    me: { assets: plan.give.map(wireAsset), currency: [], ready: false },
    them: { assets: plan.receive.map(wireAsset), currency: [], ready: false },
  });
}

/** The form fields after `sessionid`, in Steam's page order. */
export function sendFormFields(plan: SendPlan): [string, string][] {
  const fields: [string, string][] = [
    ['serverid', '1'],
    ['partner', plan.partner],
    ['tradeoffermessage', plan.message],
    ['json_tradeoffer', jsonTradeOffer(plan)],
    ['captcha', ''],
    ['trade_offer_create_params', JSON.stringify(plan.token ? { trade_offer_access_token: plan.token } : {})],
  ];
  if (plan.counter) fields.push(['tradeofferid_countered', plan.counter]);
  return fields;
}

/** The page a send comes from: `/tradeoffer/new/?partner=<accountid>&token=<token>`. */
export function newOfferPage(partner: string, token: string | undefined): string {
  const query = new URLSearchParams({ partner: String(accountIdOf(partner)) });
  if (token) query.set('token', token);
  return `/tradeoffer/new/?${query.toString()}`;
}

/** The form of `POST /tradeoffer/{id}/accept` after `sessionid` (seed 001). */
export function acceptFormFields(offerId: string, partner: string): [string, string][] {
  return [
    ['serverid', '1'],
    ['tradeofferid', offerId],
    ['partner', partner],
    ['captcha', ''],
  ];
}
