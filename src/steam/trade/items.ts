/**
 * @module steam/trade/items
 * The items of an offer: `{appid, contextid, assetid, amount}` with ids always strings
 * (UPSTREAM.md: a numeric assetid gets EResult 26), parsed from the CLI's
 * `APP/CTX/ASSETID[:AMOUNT]` form or checked when given as objects.
 */
import { InvalidInputError } from '../../core/errors.js';

export interface TradeItem {
  appid: number;
  contextid: string;
  assetid: string;
  /** Units of a stackable item; 1 for everything else. */
  amount: number;
}

export interface TradeItemInput {
  appid: number | string;
  contextid: number | string;
  assetid: number | string;
  amount?: number | string;
}

const ID = /^\d{1,20}$/;
const SPEC = /^(\d+)\/(\d+)\/(\d+)(?::(\d+))?$/;

/** `730/2/34714784915` or `753/6/1234:5`; `parameter` names the flag in errors. */
export function parseTradeItem(spec: string, parameter = 'item'): TradeItem {
  const match = SPEC.exec(spec.trim());
  if (!match) {
    throw new InvalidInputError(
      `${parameter} "${spec}" is not APP/CONTEXT/ASSETID[:AMOUNT] (e.g. 730/2/34714784915 or 753/6/1234:5)`,
      parameter,
    );
  }
  const [, appid, contextid, assetid, amount] = match;
  return toTradeItem(
    { appid: appid!, contextid: contextid!, assetid: assetid!, amount: amount ?? 1 },
    parameter,
  );
}

/** Checks an item given as an object and brings its ids to canonical strings. */
export function toTradeItem(input: TradeItemInput, parameter = 'item'): TradeItem {
  const where = `${parameter} ${input.appid}/${input.contextid}/${input.assetid}`;
  const appid = Number(input.appid);
  if (!Number.isSafeInteger(appid) || appid <= 0 || !ID.test(String(input.appid).trim())) {
    throw new InvalidInputError(`${where}: the app id must be a positive number`, parameter);
  }
  for (const [name, value] of [
    ['context id', input.contextid],
    ['asset id', input.assetid],
  ] as const) {
    const text = String(value).trim();
    if (!ID.test(text) || /^0+$/.test(text)) {
      throw new InvalidInputError(`${where}: the ${name} must be a positive number`, parameter);
    }
  }
  const amount = Number(input.amount ?? 1);
  if (!Number.isSafeInteger(amount) || amount < 1) {
    throw new InvalidInputError(`${where}: the amount must be a whole number of 1 or more`, parameter);
  }
  return {
    appid,
    contextid: canonicalId(String(input.contextid)),
    assetid: canonicalId(String(input.assetid)),
    amount,
  };
}

/** One spelling per id: `02` and `2` are the same context (the inventory's rule too). */
function canonicalId(text: string): string {
  return BigInt(text.trim()).toString();
}

/** Same app, context and asset: how Steam tells items apart (node-steam-tradeoffer-manager's itemEquals). */
export function sameItem(a: TradeItem, b: TradeItem): boolean {
  return a.appid === b.appid && a.contextid === b.contextid && a.assetid === b.assetid;
}

/** A stable key for an item, for sets and fingerprints. */
export function itemKey(item: TradeItem): string {
  return `${item.appid}/${item.contextid}/${item.assetid}:${item.amount}`;
}
