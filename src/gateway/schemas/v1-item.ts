/**
 * @module gateway/schemas/v1-item
 * `GET /v1/steam/inventory/{steamid}/{appid}/{contextid}/items/{assetid}`: one item of an
 * inventory with its CS2 certificate decoded (wear, pattern, StatTrak, name tag, stickers and
 * charms by slot), for an item page.
 */
import { Type, type Static } from 'typebox';
import { ApiKeyParam, errorResponses, Flag, InventoryHeaders, KEY_SECURITY, Language } from './common.js';
import { V1Params } from './v1-inventory.js';
import { Currency, Source } from './v1-value.js';

export const ItemParams = Type.Object({
  ...V1Params.properties,
  assetid: Type.String({ pattern: '^[0-9]{1,20}$', maxLength: 20, description: "the item's asset id" }),
});

export const ItemQuery = Type.Object({
  api_key: Type.Optional(ApiKeyParam),
  language: Type.Optional(Language),
  fresh: Type.Optional(Flag),
  prices: Type.Optional(Flag),
  currency: Type.Optional(Currency),
  source: Type.Optional(Source),
});
export type ItemQuery = Static<typeof ItemQuery>;

const Int = Type.Optional(Type.Integer());

const Certificate = Type.Object(
  {
    defIndex: Int,
    paintIndex: Int,
    rarity: Int,
    quality: Int,
    float: Type.Optional(Type.Number({ description: 'The wear rating as stored (a float32)' })),
    paintSeed: Int,
    statTrak: Type.Optional(Type.Integer({ description: 'StatTrak™ confirmed kills' })),
    nameTag: Type.Optional(Type.String()),
    stickers: Type.Array(
      Type.Object({
        slot: Type.Integer(),
        stickerId: Type.Integer(),
        name: Type.Optional(Type.String({ description: "From the item's description" })),
        wear: Type.Optional(Type.Number({ description: 'Scrape level, 0 to 1' })),
      }),
    ),
    charms: Type.Array(
      Type.Object({
        slot: Type.Integer(),
        charmId: Type.Integer(),
        name: Type.Optional(Type.String()),
        pattern: Int,
      }),
    ),
  },
  { description: 'The CS2 certificate (asset property 6) decoded offline; null for items without one' },
);

export const ItemResponse = Type.Object({
  status: Type.Literal(200),
  steamid: Type.String(),
  appid: Type.String(),
  contextid: Type.String(),
  item: Type.Ref('InventoryItem'),
  certificate: Type.Union([Certificate, Type.Null()]),
});
export type ItemResponse = Static<typeof ItemResponse>;

export const itemRouteSchema = {
  summary: 'One inventory item, with its CS2 certificate decoded (stickers, charms, name tag)',
  tags: ['inventory'],
  params: ItemParams,
  querystring: ItemQuery,
  headers: InventoryHeaders,
  security: KEY_SECURITY,
  response: { 200: ItemResponse, ...errorResponses },
};
