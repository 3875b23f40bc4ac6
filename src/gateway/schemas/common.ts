/**
 * @module gateway/schemas/common
 * Shapes shared by every route: the error body, and the parameters whose patterns keep
 * anything odd from ever reaching a Steam URL. Each parameter's `description` doubles as
 * the "expected ..." part of a 400's message.
 */
import { Type } from 'typebox';

export const ErrorBody = Type.Object(
  {
    status: Type.Integer({ description: 'The HTTP status, repeated' }),
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, e.g. invalid_input, quota_exceeded' }),
      message: Type.String({ description: 'What went wrong and what to do, for people' }),
      parameter: Type.Optional(Type.String({ description: 'The request parameter at fault (400 only)' })),
      eresult: Type.Optional(
        Type.Integer({ description: "Steam's EResult, when Steam refused a trade action" }),
      ),
      reason: Type.Optional(
        Type.String({
          description:
            'Why: a trade refusal (TradeBan, NewDevice, TargetCannotTrade, OfferLimitExceeded, ...) or an idempotency conflict (different_request, in_progress)',
        }),
      ),
    }),
  },
  { $id: 'ErrorBody', description: 'Every error, whatever the status' },
);

export const errorResponses = {
  400: Type.Ref('ErrorBody'),
  401: Type.Ref('ErrorBody'),
  403: Type.Ref('ErrorBody'),
  404: Type.Ref('ErrorBody'),
  429: Type.Ref('ErrorBody'),
  502: Type.Ref('ErrorBody'),
  503: Type.Ref('ErrorBody'),
  504: Type.Ref('ErrorBody'),
};

const HINTS = {
  steamid:
    'the account: a SteamID64 (e.g. 76561198012345678), STEAM_0:X:Y, [U:1:N], a vanity name, or a profile or trade URL on steamcommunity.com (URL-encoded; easiest in the /inventory query)',
  appid: 'a positive app id, e.g. 730 for CS2',
  contextid: 'a numeric context id, e.g. 2 for CS2 items',
  language: "Steam's language name for item names and descriptions, e.g. english, german, schinese",
  apiKey: 'your gateway API key (gs_...); the x-api-key header works too',
  flag: '1 or true to turn on',
  // Not `steamLoginSecure=...`: redaction would swallow the rest of the hint.
  cookie: "printable cookie text (the owner's steamLoginSecure cookie) up to 4096 characters",
};

/**
 * Printable, no spaces, bounded: the library (resolveSteamId) decides what it is, and refuses
 * the rest before any request, naming what it expected.
 */
export const SteamWho = Type.String({
  pattern: '^[\\x21-\\x7e]{1,300}$',
  maxLength: 300,
  description: HINTS.steamid,
});
/** Digits; leading zeros are dropped by canonicalAppId/canonicalContextId (one rule everywhere). */
export const AppId = Type.String({ pattern: '^[0-9]{1,32}$', maxLength: 32, description: HINTS.appid });
export const ContextId = Type.String({
  pattern: '^[0-9]{1,32}$',
  maxLength: 32,
  description: HINTS.contextid,
});
export const Language = Type.String({
  pattern: '^[a-z_]{2,32}$',
  maxLength: 32,
  description: HINTS.language,
});
export const ApiKeyParam = Type.String({
  pattern: '^gs_[A-Za-z0-9_-]{32}$',
  maxLength: 35,
  description: HINTS.apiKey,
});
export const Flag = Type.Union(
  [Type.Literal('1'), Type.Literal('0'), Type.Literal('true'), Type.Literal('false')],
  {
    description: HINTS.flag,
  },
);

export function isOn(flag: string | undefined): boolean {
  return flag === '1' || flag === 'true';
}

/** Headers an inventory route reads: the key, and the caller's own Steam session. */
export const InventoryHeaders = Type.Object({
  'x-api-key': Type.Optional(ApiKeyParam),
  'x-steam-cookie': Type.Optional(
    Type.String({
      pattern: '^[\\x20-\\x7e]{1,4096}$',
      maxLength: 4096,
      description: `your own Steam session cookies, to read your private items (cached for your key only): ${HINTS.cookie}`,
    }),
  ),
});

/** Either way of passing the key, for the OpenAPI document. */
export const KEY_SECURITY: { [scheme: string]: string[] }[] = [{ apiKeyQuery: [] }, { apiKeyHeader: [] }];

/** Every parameter's expectation by name, for 400 messages. */
export const PARAMETER_HINTS: Record<string, string> = {
  steamid: HINTS.steamid,
  gameid: HINTS.appid,
  appid: HINTS.appid,
  contextid: HINTS.contextid,
  language: HINTS.language,
  api_key: HINTS.apiKey,
  'x-api-key': HINTS.apiKey,
  'x-steam-cookie': HINTS.cookie,
  fresh: HINTS.flag,
  summary: HINTS.flag,
  tradable: HINTS.flag,
  marketable: HINTS.flag,
  limit: 'a whole number from 1 to 5000 (Steam items) or 1 to 100000 (Roblox all=1)',
  all: HINTS.flag,
  userId: 'a numeric Roblox user id, e.g. 123456',
  filter: 'an Open Cloud filter, e.g. inventoryItemAssetTypes=HAT,FACE or assetIds=1,2',
  maxPageSize: 'a whole number from 1 to 100 (Roblox caps pages at 100)',
  pageToken: 'the nextPageToken of the previous page, with the same filter and maxPageSize',
  assetIds: 'comma-separated numeric ids, at most 500',
  badgeIds: 'comma-separated numeric ids, at most 500',
  gamePassIds: 'comma-separated numeric ids, at most 500',
  privateServerIds: 'comma-separated numeric ids, at most 500',
  cursor: 'the next_cursor value of the previous page',
  interface: 'a Web API interface name, e.g. ISteamUser',
  method: 'a Web API method name, e.g. GetPlayerSummaries',
  version: 'a method version: v1, v2 (or 1, 0002)',
  format: 'json (default), xml or vdf: the format asked of Steam, and answered',
  post: 'the gateway relays GET methods only: leave post out',
  steamids:
    'comma-separated accounts (SteamID64s, vanity names, ...), as many as fit in the path; more in ?ids=',
  ids: 'comma-separated accounts (SteamID64s, vanity names, ...), at most 1000',
  appids: 'comma-separated app ids, at most 100, e.g. 440,570',
  appinfo: HINTS.flag,
  free_games: HINTS.flag,
  count: 'a whole number from 1 to 1000',
  l: "Steam's language name for achievement names and descriptions, e.g. german",
  currency: 'an ISO 4217 code (USD, EUR, ...) or a Steam currency id (1 USD, 3 EUR)',
  source: 'steam or skinport',
  prices: HINTS.flag,
  refresh_prices: HINTS.flag,
  value: HINTS.flag,
  from: 'a snapshot id (or up to four, comma-separated)',
  to: 'a snapshot id (or up to four, comma-separated)',
  diff_limit: 'a whole number from 0 to 5000',
  url: 'an http(s) URL on a public address, up to 2048 characters',
  events: 'a list of 1 to 20 event names (newOffer, inventoryChanged, ..., or *)',
  account: 'a trading account name, 1 to 200 characters',
  interval_ms: 'a poll interval in milliseconds, e.g. 300000 for 5 minutes',
  event_id: 'an event id, 1 to 255 characters',
  status: 'pending, delivered or failed',
  id: 'a webhook id (wh_...)',
  deliveryId: 'a delivery id (dlv_...)',
  action: 'accept or cancel',
};

/** Where the trading routes (`/v1/steam/accounts/...`) name the same parameters differently. */
const TRADING_HINTS: Record<string, string> = {
  account:
    'a trading account name: 1 to 32 lower-case letters, digits, "-" or "_" (`GET /v1/steam/accounts` lists them)',
  id: 'a trade offer id (digits, e.g. 6512345678)',
  limit: 'a whole number from 1 to 500',
  give: 'items as "APP/CTX/ASSETID" or "APP/CTX/ASSETID:AMOUNT" (e.g. 730/2/34714784915), or {appid, contextid, assetid, amount?}',
  receive:
    'items as "APP/CTX/ASSETID" or "APP/CTX/ASSETID:AMOUNT" (e.g. 730/2/34714784915), or {appid, contextid, assetid, amount?}',
};

/** What a parameter of the route at `routeUrl` (its pattern, e.g. `/v1/steam/accounts/:account/offers`) expects. */
export function parameterHint(parameter: string, routeUrl: string | undefined): string | undefined {
  if (routeUrl?.startsWith('/v1/steam/accounts'))
    return TRADING_HINTS[parameter] ?? PARAMETER_HINTS[parameter];
  return PARAMETER_HINTS[parameter];
}
