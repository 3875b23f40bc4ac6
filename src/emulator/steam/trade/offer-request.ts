/**
 * @module emulator/steam/trade/offer-request
 * Reading a send's form as Steam does (seeds/001, UPSTREAM.md): `partner` (SteamID64),
 * `json_tradeoffer` (`me`/`them` with `assets` of `{appid, contextid, amount, assetid}`),
 * `trade_offer_create_params` (`{"trade_offer_access_token": …}` or `{}`),
 * `tradeoffermessage` and `tradeofferid_countered`. Anything unusable is an EResult: 26
 * for an `assetid` that is not a JSON string (UPSTREAM.md), 8 (InvalidParam) otherwise.
 */
import { isIndividualSteamId } from '../request-info.js';

export interface RequestedAsset {
  appid: number;
  contextid: string;
  assetid: string;
  amount: number;
}

export interface SendRequest {
  partner: string;
  me: RequestedAsset[];
  them: RequestedAsset[];
  token: string | undefined;
  message: string;
  countered: string | undefined;
}

/** Steam's limit; a longer message is dropped (waylaidwanderer/PHP-SteamCommunity #8: the offer went out without it). */
export const MAX_MESSAGE_LENGTH = 128;

export function readSendRequest(form: URLSearchParams): SendRequest | { eresult: number } {
  const partner = form.get('partner')?.trim() ?? '';
  if (!isIndividualSteamId(partner)) return { eresult: 8 };
  const offer = parseJson(form.get('json_tradeoffer'));
  if (!isRecord(offer)) return { eresult: 8 };
  const me = readSide(offer.me);
  const them = readSide(offer.them);
  if ('eresult' in me) return me;
  if ('eresult' in them) return them;
  if (me.assets.length + them.assets.length === 0) return { eresult: 8 };
  const params = parseJson(form.get('trade_offer_create_params') || '{}');
  if (!isRecord(params)) return { eresult: 8 };
  const token = params.trade_offer_access_token;
  const message = form.get('tradeoffermessage') ?? '';
  const countered = form.get('tradeofferid_countered')?.trim();
  return {
    partner,
    me: me.assets,
    them: them.assets,
    token: typeof token === 'string' && token !== '' ? token : undefined,
    message: message.length > MAX_MESSAGE_LENGTH ? '' : message,
    countered: countered && /^[1-9]\d*$/.test(countered) ? countered : undefined,
  };
}

function readSide(side: unknown): { assets: RequestedAsset[] } | { eresult: number } {
  if (side === undefined) return { assets: [] };
  if (!isRecord(side)) return { eresult: 8 };
  const list = side.assets ?? [];
  if (!Array.isArray(list)) return { eresult: 8 };
  const assets: RequestedAsset[] = [];
  const seen = new Set<string>();
  for (const entry of list) {
    if (!isRecord(entry)) return { eresult: 8 };
    // UPSTREAM.md: an assetid that is not a string is refused with EResult 26.
    if (typeof entry.assetid !== 'string') return { eresult: 26 };
    const appid = integer(entry.appid);
    const contextid = integer(entry.contextid);
    const amount = entry.amount === undefined ? 1 : integer(entry.amount);
    if (appid === undefined || contextid === undefined || amount === undefined || amount < 1)
      return { eresult: 8 };
    if (!/^\d+$/.test(entry.assetid)) return { eresult: 8 };
    const key = `${appid}/${contextid}/${entry.assetid}`;
    if (seen.has(key)) continue;
    seen.add(key);
    assets.push({ appid, contextid: String(contextid), assetid: entry.assetid, amount });
  }
  return { assets };
}

function integer(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  return undefined;
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
