/**
 * @module steam/trade/send-input
 * Checks a send before anything leaves: the partner (any `<who>` form or a trade URL with
 * its token), the token's shape, the items, the message and the offer countered. Every
 * problem is an InvalidInputError naming it; only a vanity name costs a (read) request.
 */
import { InvalidInputError } from '../../core/errors.js';
import { parseSteamIdentity } from '../ids/parse.js';
import type { ResolvedSteamId } from '../ids/resolve.js';
import { itemKey, parseTradeItem, toTradeItem, type TradeItem, type TradeItemInput } from './items.js';
import type { SendPlan } from './send-form.js';

/** `APP/CTX/ASSETID[:AMOUNT]` or an object with those fields. */
export type ItemSpec = string | TradeItemInput;

export interface SendInput {
  /** Who gets the offer: SteamID64, any `<who>` form, or their trade URL (which carries the token). */
  partner: string;
  /** The partner's trade token (the `token=` of their trade URL); friends need none. */
  token?: string | undefined;
  /** Items to give (yours). */
  give?: readonly ItemSpec[] | undefined;
  /** Items to receive (theirs). */
  receive?: readonly ItemSpec[] | undefined;
  /** At most 128 characters. */
  message?: string | undefined;
  /** Counter this offer (one the partner sent you) instead of making a new one. */
  counter?: string | undefined;
  /** Remembers key → offer: the same key returns the same offer, across calls and processes. */
  idempotencyKey?: string | undefined;
  /**
   * Confirm the new offer through mobile confirmations when Steam asks for one (needs the
   * client's `confirmer`: STEAM_IDENTITY_SECRET). The result's `confirmation` says how it went.
   */
  confirm?: boolean | undefined;
  /**
   * Without `idempotencyKey`, use a key derived from the request (sender, partner, items,
   * message, counter): the same request then returns the offer the first one made, however
   * much later — to send the same offer again on purpose, give a key of your own.
   */
  deriveIdempotencyKey?: boolean | undefined;
}

/** node-steam-tradeoffer-manager cuts messages at 128 characters (UPSTREAM.md); we refuse longer ones. */
export const MAX_MESSAGE_LENGTH = 128;
/** Steam's trade tokens: 8 characters of [A-Za-z0-9_-]. */
const TOKEN = /^[A-Za-z0-9_-]{8}$/;
const OFFER_ID = /^\d{1,20}$/;
const MAX_KEY_LENGTH = 255;

export function checkToken(token: string, parameter = 'token'): string {
  const value = token.trim();
  if (!TOKEN.test(value)) {
    throw new InvalidInputError(
      `${parameter} "${value.length > 40 ? `${value.slice(0, 40)}…` : value}" is not a Steam trade token (8 characters of letters, digits, "_" or "-", the token= of a trade URL)`,
      parameter,
    );
  }
  return value;
}

export function checkOfferId(id: string | number, parameter = 'offerId'): string {
  const value = String(id).trim();
  if (!OFFER_ID.test(value) || /^0+$/.test(value)) {
    throw new InvalidInputError(
      `${parameter} "${value}" is not a trade offer id (a positive number)`,
      parameter,
    );
  }
  return BigInt(value).toString();
}

export function checkIdempotencyKey(key: string): string {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw new InvalidInputError(
      `idempotencyKey must be 1 to ${MAX_KEY_LENGTH} printable ASCII characters without spaces`,
      'idempotencyKey',
    );
  }
  return key;
}

/** Items given as strings or objects, checked; the same item twice is refused. */
export function checkItems(list: readonly ItemSpec[] | undefined, parameter: string): TradeItem[] {
  const items = (list ?? []).map((spec) =>
    typeof spec === 'string' ? parseTradeItem(spec, parameter) : toTradeItem(spec, parameter),
  );
  const seen = new Set<string>();
  for (const item of items) {
    const key = `${item.appid}/${item.contextid}/${item.assetid}`;
    if (seen.has(key)) throw new InvalidInputError(`${parameter} lists ${key} twice`, parameter);
    seen.add(key);
  }
  return items;
}

export function checkMessage(message: string | undefined): string {
  const text = message ?? '';
  if ([...text].length > MAX_MESSAGE_LENGTH) {
    throw new InvalidInputError(
      `message is ${[...text].length} characters long: Steam takes at most ${MAX_MESSAGE_LENGTH}`,
      'message',
    );
  }
  return text;
}

export interface PlanContext {
  /** The session's account. */
  sender: string;
  /** Resolves a vanity name (the only input that needs a request). */
  resolve: (who: string) => Promise<ResolvedSteamId>;
  /** Hosts besides Steam's whose trade URLs are accepted (the configured community host). */
  hosts?: readonly string[];
}

/** The checked send, or an InvalidInputError before any request that could send anything. */
export async function planSend(input: SendInput, context: PlanContext): Promise<SendPlan> {
  if (typeof input.partner !== 'string') {
    throw new InvalidInputError('partner is missing: give a SteamID64, profile URL or trade URL', 'partner');
  }
  // Everything that needs no request is checked before the one that may (a vanity lookup).
  const identity = parseSteamIdentity(input.partner, 'partner', context.hosts ?? []);
  const fromUrl = identity.kind === 'steamid' ? identity.tradeToken : undefined;
  const urlToken = fromUrl === undefined ? undefined : checkToken(fromUrl, 'trade URL token');
  const token = input.token === undefined || input.token === '' ? undefined : checkToken(input.token);
  if (urlToken && token && urlToken !== token) {
    throw new InvalidInputError(
      'the trade URL carries a different token than the token given: give one of them',
      'token',
    );
  }
  const give = checkItems(input.give, 'give');
  const receive = checkItems(input.receive, 'receive');
  if (give.length + receive.length === 0) {
    throw new InvalidInputError('the offer has no items: give or receive at least one', 'give');
  }
  const message = checkMessage(input.message);
  const counter = input.counter === undefined ? undefined : checkOfferId(input.counter, 'counter');
  if (input.idempotencyKey !== undefined) checkIdempotencyKey(input.idempotencyKey);
  const partner =
    identity.kind === 'steamid' ? identity.steamid64 : (await context.resolve(input.partner)).steamid64;
  if (partner === context.sender) {
    throw new InvalidInputError(
      `partner ${partner} is this session's own account: you cannot trade with yourself`,
      'partner',
    );
  }
  return { sender: context.sender, partner, token: urlToken ?? token, give, receive, message, counter };
}

/** The items of a plan as sorted keys, for fingerprints and matching. */
export function itemKeys(items: readonly TradeItem[]): string[] {
  return items.map(itemKey).sort();
}
