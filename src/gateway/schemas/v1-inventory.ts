/**
 * @module gateway/schemas/v1-inventory
 * `GET /v1/steam/inventory/{steamid}/{appid}/{contextid}`: normalized items with paging and
 * filters, or `summary=1` for names and quantities.
 */
import { Type, type Static } from 'typebox';
import {
  ApiKeyParam,
  AppId,
  ContextId,
  errorResponses,
  Flag,
  InventoryHeaders,
  KEY_SECURITY,
  Language,
  SteamWho,
} from './common.js';

export const MAX_PAGE_LIMIT = 5000;
/** Items per page when `limit` is not given (a summary then has every line). */
export const DEFAULT_PAGE_LIMIT = 500;

export const V1Params = Type.Object({ steamid: SteamWho, appid: AppId, contextid: ContextId });
export type V1Params = Static<typeof V1Params>;

const Text = (description: string) =>
  Type.Optional(Type.String({ minLength: 1, maxLength: 100, description }));

export const V1Query = Type.Object({
  api_key: Type.Optional(ApiKeyParam),
  language: Type.Optional(Language),
  fresh: Type.Optional(Flag),
  summary: Type.Optional(Flag),
  // No schema default: a summary without `limit` has every line, items come 500 at a time.
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_PAGE_LIMIT,
      description: `items per page (default ${DEFAULT_PAGE_LIMIT}); with summary=1, summary lines per page (default: all)`,
    }),
  ),
  cursor: Type.Optional(
    Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$', description: 'next_cursor of the previous page' }),
  ),
  tradable: Type.Optional(Flag),
  marketable: Type.Optional(Flag),
  type: Text('item type, e.g. Rifle, Sticker, Container (substring, any case)'),
  rarity: Text('rarity, e.g. Covert'),
  exterior: Text('exterior, e.g. Field-Tested'),
  name: Text('substring of the name or market hash name'),
  prices: Type.Optional(Flag),
  currency: Type.Optional(
    Type.String({
      pattern: '^([A-Za-z]{3}|[0-9]{1,2})$',
      maxLength: 3,
      description: 'with prices=1: ISO 4217 code or Steam currency id (default USD)',
    }),
  ),
  source: Type.Optional(
    Type.Union([Type.Literal('steam'), Type.Literal('skinport')], {
      description: 'with prices=1: steam (default) or skinport',
    }),
  ),
});
export type V1Query = Static<typeof V1Query>;

const Str = Type.String();
const OptStr = Type.Optional(Type.String());

export const InventoryItemSchema = Type.Object(
  {
    appid: Type.Integer(),
    contextid: Str,
    assetid: Str,
    classid: Str,
    instanceid: Str,
    amount: Type.Integer(),
    name: Str,
    marketHashName: Str,
    marketName: Str,
    type: Str,
    tradable: Type.Boolean(),
    marketable: Type.Boolean(),
    commodity: Type.Boolean(),
    marketTradableRestriction: Type.Optional(Type.Integer()),
    iconUrl: OptStr,
    iconUrlLarge: OptStr,
    nameColor: OptStr,
    backgroundColor: OptStr,
    rarity: OptStr,
    rarityColor: OptStr,
    exterior: OptStr,
    quality: OptStr,
    category: OptStr,
    tags: Type.Record(Type.String(), Type.String()),
    inspectLink: OptStr,
    float: Type.Optional(Type.Number()),
    paintSeed: Type.Optional(Type.Integer()),
    certificate: OptStr,
    properties: Type.Array(
      Type.Object({ id: Type.Integer(), name: OptStr, value: Type.Union([Type.Number(), Type.String()]) }),
    ),
    isCurrency: Type.Boolean(),
    fraudWarnings: Type.Array(Str),
    stickerNames: Type.Optional(
      Type.Array(Str, { description: 'CS2: applied stickers (or patches) by name, in slot order' }),
    ),
    charmNames: Type.Optional(Type.Array(Str, { description: 'CS2: attached charms by name' })),
    price: Type.Optional(
      Type.Union(
        [
          Type.Object({
            unit: Type.Ref('Money'),
            observedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
            source: Str,
            stale: Type.Boolean(),
          }),
          Type.Null(),
        ],
        { description: 'With prices=1: the unit price, or null when there is none' },
      ),
    ),
  },
  { $id: 'InventoryItem' },
);

const SummaryLine = Type.Object({
  marketHashName: Str,
  name: Str,
  type: Str,
  quantity: Type.Integer(),
  tradable: Type.Integer({ description: 'How many of them are tradable' }),
});

/** One shape for both modes (a union would make the serializer test every branch). */
export const V1InventoryResponse = Type.Object({
  status: Type.Literal(200),
  steamid: Str,
  appid: Str,
  contextid: Str,
  total_inventory_count: Type.Integer({ description: "Steam's count of the whole inventory" }),
  matched: Type.Integer({ description: 'Items matching the filters, all pages' }),
  count: Type.Optional(Type.Integer({ description: 'Items (or summary lines) on this page' })),
  distinct: Type.Optional(
    Type.Integer({ description: 'With summary=1: distinct names over all matching items, all pages' }),
  ),
  items: Type.Optional(Type.Array(Type.Ref('InventoryItem'))),
  next_cursor: Type.Optional(
    Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as cursor for the next page; null at the end',
    }),
  ),
  summary: Type.Optional(Type.Array(SummaryLine, { description: 'With summary=1: names and quantities' })),
});
export type V1InventoryResponse = Static<typeof V1InventoryResponse>;

export const v1InventoryRouteSchema = {
  summary: 'Normalized inventory items, paged and filtered (or a summary)',
  tags: ['inventory'],
  params: V1Params,
  querystring: V1Query,
  headers: InventoryHeaders,
  security: KEY_SECURITY,
  response: { 200: V1InventoryResponse, ...errorResponses },
};
