/**
 * @module gateway/schemas/confirmations
 * A registered account's mobile confirmations (`/v1/steam/accounts/{account}/confirmations`)
 * and its own inventory (`.../inventory/{appid}/{contextid}`).
 */
import { Type } from 'typebox';
import { ApiKeyParam, AppId, ContextId, KEY_SECURITY } from './common.js';
import { AccountName, tradingErrorResponses } from './trading.js';
import { V1InventoryResponse, V1Query } from './v1-inventory.js';

const Str = Type.String();
const KeyQuery = Type.Object({ api_key: Type.Optional(ApiKeyParam) });
const Params = Type.Object({ account: AccountName });

export const ConfirmationSchema = Type.Object(
  {
    id: Str,
    type: Type.Integer({ description: '2 a trade offer (sent, or an acceptance), 3 a market listing' }),
    typeName: Str,
    creatorId: Type.String({
      description: 'What it confirms: the offer id (type 2), the listing id (type 3)',
    }),
    offerId: Type.Union([Str, Type.Null()]),
    headline: Str,
    summary: Type.Array(Str),
    created: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'Confirmation' },
);

export const ConfirmationsResponse = Type.Object({
  status: Type.Literal(200),
  account: Str,
  count: Type.Integer(),
  confirmations: Type.Array(Type.Ref('Confirmation')),
});

export const ConfirmationsBody = Type.Object(
  {
    action: Type.Union([Type.Literal('accept'), Type.Literal('cancel')]),
    ids: Type.Array(Type.String({ pattern: '^[0-9]{1,20}$' }), {
      minItems: 1,
      maxItems: 100,
      description: 'Confirmation ids (from the list)',
    }),
  },
  { additionalProperties: false },
);

export const ConfirmationOutcomeResponse = Type.Object({
  status: Type.Literal(200),
  account: Str,
  action: Type.Union([Type.Literal('accept'), Type.Literal('cancel')]),
  confirmations: Type.Array(Type.Ref('Confirmation')),
  acknowledged: Type.Boolean({ description: 'Trade protection was acknowledged on the way' }),
  reconciled: Type.Boolean({ description: 'An answer was lost; the list showed them done' }),
});

const common = { tags: ['trading'], security: KEY_SECURITY };

export const listConfirmationsSchema = {
  ...common,
  summary: "A registered account's mobile confirmations (scope confirmations:read)",
  params: Params,
  querystring: KeyQuery,
  response: { 200: ConfirmationsResponse, ...tradingErrorResponses },
};

export const actOnConfirmationsSchema = {
  ...common,
  summary: 'Accept or cancel mobile confirmations (scope confirmations:write)',
  params: Params,
  querystring: KeyQuery,
  body: ConfirmationsBody,
  response: { 200: ConfirmationOutcomeResponse, ...tradingErrorResponses },
};

export const accountInventorySchema = {
  ...common,
  summary:
    "A registered account's own inventory, read with its session: private items and context 16 too (scope inventory:read)",
  params: Type.Object({ account: AccountName, appid: AppId, contextid: ContextId }),
  querystring: V1Query,
  response: {
    200: Type.Object({ ...V1InventoryResponse.properties, account: Str }),
    ...tradingErrorResponses,
  },
};
