/**
 * @module gateway/schemas/trading
 * The trading routes under `/v1/steam/accounts/{account}/`: a registered account's offers
 * (list, one, send, accept, decline, cancel). Offers are the library's model (docs/trading.md,
 * "The offer model"); items are the inventory's normalized items plus `missing`.
 */
import { Type, type Static } from 'typebox';
import { ApiKeyParam, errorResponses, Flag, KEY_SECURITY, Language } from './common.js';
import { InventoryItemSchema } from './v1-inventory.js';

const Str = Type.String();
const NullableStr = Type.Union([Type.String(), Type.Null()]);
const IsoOrNull = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

export const AccountName = Type.String({
  pattern: '^[a-z0-9][a-z0-9_-]{0,31}$',
  maxLength: 32,
  description: 'a registered account’s name (`gamestash accounts list`)',
});
export const OfferId = Type.String({
  pattern: '^[0-9]{1,20}$',
  maxLength: 20,
  description: 'a trade offer id',
});

export const AccountParams = Type.Object({ account: AccountName });
export const OfferParams = Type.Object({ account: AccountName, id: OfferId });
export type OfferParams = Static<typeof OfferParams>;

/** 409 (session expired, idempotency conflicts) and 422 (Steam refused) besides the usual ones. */
export const tradingErrorResponses = {
  ...errorResponses,
  409: Type.Ref('ErrorBody'),
  422: Type.Ref('ErrorBody'),
};

export const OfferItemSchema = Type.Object(
  {
    ...InventoryItemSchema.properties,
    missing: Type.Boolean({ description: 'No longer where the offer says (traded, or moved on acceptance)' }),
  },
  { $id: 'OfferItem' },
);

export const OfferSchema = Type.Object(
  {
    id: Str,
    partner: Type.String({ description: "The other party's SteamID64" }),
    isOurOffer: Type.Boolean({ description: 'Sent by this account' }),
    state: Type.Integer({
      description: 'ETradeOfferState (2 Active, 3 Accepted, 7 Declined, 9 needs confirmation, ...)',
    }),
    stateName: Str,
    message: Str,
    itemsToGive: Type.Array(Type.Ref('OfferItem'), { description: 'Items this account gives' }),
    itemsToReceive: Type.Array(Type.Ref('OfferItem'), { description: 'Items this account receives' }),
    created: IsoOrNull,
    updated: IsoOrNull,
    expires: IsoOrNull,
    confirmationMethod: Type.Integer({ description: '0 none, 1 email, 2 mobile app' }),
    confirmationMethodName: Str,
    escrowEnds: IsoOrNull,
    tradeId: NullableStr,
    fromRealTimeTrade: Type.Boolean(),
    delaySettlement: Type.Boolean({ description: 'Trade protection holds the received items' }),
  },
  { $id: 'Offer' },
);

const KeyQuery = { api_key: Type.Optional(ApiKeyParam) };

export const OffersQuery = Type.Object({
  ...KeyQuery,
  sent: Type.Optional(Flag),
  received: Type.Optional(Flag),
  active: Type.Optional(Flag),
  historical: Type.Optional(Flag),
  historical_cutoff: Type.Optional(
    Type.String({
      format: 'date-time',
      description: 'with active=1, also offers updated since; with historical=1, only those updated since',
    }),
  ),
  language: Type.Optional(Language),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 500, description: 'offers per page (default 100)' }),
  ),
  cursor: Type.Optional(
    Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$', description: 'next_cursor of the previous page' }),
  ),
});
export type OffersQuery = Static<typeof OffersQuery>;

export const OffersResponse = Type.Object({
  status: Type.Literal(200),
  account: Str,
  steamid: Str,
  count: Type.Integer(),
  offers: Type.Array(Type.Ref('Offer')),
  next_cursor: Type.Union([Str, Type.Null()], {
    description: 'Pass as cursor for the next page; null at the end',
  }),
});

export const OneOfferQuery = Type.Object({ ...KeyQuery, language: Type.Optional(Language) });

export const OneOfferResponse = Type.Object({
  status: Type.Literal(200),
  account: Str,
  offer: Type.Ref('Offer'),
});

const ItemSpec = Type.Union(
  [
    Type.String({
      pattern: '^[0-9]{1,10}/[0-9]{1,20}/[0-9]{1,20}(:[0-9]{1,10})?$',
      description: 'APP/CTX/ASSETID[:AMOUNT], e.g. 730/2/34714784915',
    }),
    Type.Object(
      {
        appid: Type.Union([Type.Integer({ minimum: 1 }), Type.String({ pattern: '^[0-9]{1,10}$' })]),
        contextid: Type.Union([Type.Integer({ minimum: 0 }), Type.String({ pattern: '^[0-9]{1,20}$' })]),
        assetid: Type.String({ pattern: '^[0-9]{1,20}$' }),
        amount: Type.Optional(Type.Integer({ minimum: 1 })),
      },
      { additionalProperties: false },
    ),
  ],
  { description: 'An item: APP/CTX/ASSETID[:AMOUNT], or {appid, contextid, assetid, amount?}' },
);

export const SendBody = Type.Object(
  {
    partner: Type.String({
      minLength: 1,
      maxLength: 300,
      description:
        'The partner: SteamID64, STEAM_0:X:Y, [U:1:N], a vanity name, a profile URL, or their trade URL (with its token)',
    }),
    token: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9_-]{8}$',
        description: "The partner's trade token, when not in a trade URL",
      }),
    ),
    give: Type.Optional(Type.Array(ItemSpec, { maxItems: 256, description: 'Items this account gives' })),
    receive: Type.Optional(
      Type.Array(ItemSpec, { maxItems: 256, description: 'Items this account asks for' }),
    ),
    message: Type.Optional(Type.String({ maxLength: 128 })),
    counter: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,20}$', description: 'Counter this received offer' }),
    ),
    confirm: Type.Optional(
      Type.Boolean({
        description:
          "Confirm the new offer with the account's mobile confirmations when Steam asks for one (also needs the confirmations:write scope)",
      }),
    ),
  },
  { additionalProperties: false },
);
export type SendBody = Static<typeof SendBody>;

export const IDEMPOTENCY_KEY_MAX = 200;

export const SendHeaders = Type.Object({
  'x-api-key': Type.Optional(ApiKeyParam),
  'idempotency-key': Type.Optional(
    Type.String({
      pattern: `^[\\x21-\\x7e]{1,${IDEMPOTENCY_KEY_MAX}}$`,
      description:
        'Makes a retried POST return the first answer instead of sending again (1 to 200 printable characters; per key and account)',
    }),
  ),
});

export const SendResponse = Type.Object({
  status: Type.Literal(201),
  account: Str,
  id: Str,
  partner: Type.Optional(
    Type.String({ description: "The partner's SteamID64 (what a trade URL or vanity resolved to)" }),
  ),
  state: Type.Integer({ description: '2 Active, or 9 when it waits for a confirmation' }),
  stateName: Str,
  needsMobileConfirmation: Type.Boolean(),
  needsEmailConfirmation: Type.Boolean(),
  reconciled: Type.Boolean({
    description: 'The answer was lost and the offer was found among the sent offers',
  }),
  replayed: Type.Boolean({ description: 'The Idempotency-Key returned an offer sent by an earlier request' }),
  confirmation: Type.Optional(
    Type.Object(
      {
        status: Type.Union([Type.Literal('confirmed'), Type.Literal('not_needed'), Type.Literal('failed')]),
        error: Type.Optional(Type.String({ description: 'Why confirming failed, and how to finish it' })),
      },
      { description: 'With confirm: true. The offer exists whatever this says: never send it again' },
    ),
  ),
});

export const ActionResponse = Type.Object({
  status: Type.Literal(200),
  account: Str,
  id: Str,
  state: Type.Integer(),
  stateName: Str,
  tradeId: Type.Optional(NullableStr),
  needsMobileConfirmation: Type.Optional(Type.Boolean()),
  needsEmailConfirmation: Type.Optional(Type.Boolean()),
  reconciled: Type.Boolean({ description: 'The answer was lost and the new state was read from the offer' }),
});

const common = { tags: ['trading'], security: KEY_SECURITY };

export const listOffersSchema = {
  ...common,
  summary: "A registered account's trade offers (scope offers:read)",
  params: AccountParams,
  querystring: OffersQuery,
  response: { 200: OffersResponse, ...tradingErrorResponses },
};

export const getOfferSchema = {
  ...common,
  summary: 'One offer of a registered account (scope offers:read)',
  params: OfferParams,
  querystring: OneOfferQuery,
  response: { 200: OneOfferResponse, ...tradingErrorResponses },
};

export const sendOfferSchema = {
  ...common,
  summary: 'Send an offer from a registered account (scope offers:write); never sent twice',
  params: AccountParams,
  querystring: Type.Object(KeyQuery),
  headers: SendHeaders,
  body: SendBody,
  response: { 201: SendResponse, ...tradingErrorResponses },
};

export const offerActionSchema = (action: string) => ({
  ...common,
  summary: `${action} an offer of a registered account (scope offers:write)`,
  params: OfferParams,
  querystring: Type.Object(KeyQuery),
  response: { 200: ActionResponse, ...tradingErrorResponses },
});
