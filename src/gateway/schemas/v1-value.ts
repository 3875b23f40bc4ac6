/**
 * @module gateway/schemas/v1-value
 * `GET /v1/steam/inventory/{steamid}/{appid}/{contextid}/value` (what the inventory is worth,
 * line by line) and `.../history` (its snapshots with their values over time, and what
 * changed between two). Money is `{amount, currency, text}`: integer minor units of an
 * ISO 4217 currency, and the amount written the way Steam writes it.
 */
import { Type, type Static } from 'typebox';
import { ApiKeyParam, errorResponses, Flag, InventoryHeaders, KEY_SECURITY, Language } from './common.js';
import { V1Params } from './v1-inventory.js';

export const Currency = Type.String({
  pattern: '^([A-Za-z]{3}|[0-9]{1,2})$',
  maxLength: 3,
  description: 'an ISO 4217 code (USD, EUR, ...) or a Steam currency id (1 USD, 3 EUR); default USD',
});
export const Source = Type.Union([Type.Literal('steam'), Type.Literal('skinport')], {
  description: 'where prices come from: steam (the Community Market) or skinport; default steam',
});

export const MoneySchema = Type.Object(
  {
    amount: Type.Integer({ description: 'Integer minor units of the currency (cents; whole yen)' }),
    currency: Type.String({ description: 'ISO 4217 code' }),
    text: Type.String({ description: 'The amount as Steam writes it, e.g. "$1,234.56", "1 234,56€"' }),
  },
  { $id: 'Money' },
);

const Money = Type.Ref('Money');
const NullableMoney = Type.Union([Money, Type.Null()]);
const Str = Type.String();

export const ValueQuery = Type.Object({
  api_key: Type.Optional(ApiKeyParam),
  language: Type.Optional(Language),
  fresh: Type.Optional(Flag),
  currency: Type.Optional(Currency),
  source: Type.Optional(Source),
  refresh_prices: Type.Optional(Flag),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })),
});
export type ValueQuery = Static<typeof ValueQuery>;

const ValueLine = Type.Object({
  marketHashName: Str,
  name: Str,
  quantity: Type.Integer(),
  marketableQuantity: Type.Integer({ description: 'Of quantity, how many can be listed on the market now' }),
  unitPrice: NullableMoney,
  total: NullableMoney,
  observedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  source: Str,
  stale: Type.Boolean({ description: 'Older than the maximum age: refreshing it failed' }),
  missing: Type.Boolean({ description: 'No price (never counted as 0)' }),
  iconUrl: Type.Optional(Str),
});

const Totals = Type.Object({
  total: Money,
  marketableTotal: Type.Ref('Money', { description: 'Only items that can be listed now' }),
  quantity: Type.Integer(),
  pricedQuantity: Type.Integer(),
  missingQuantity: Type.Integer(),
  lines: Type.Integer(),
  missingLines: Type.Integer(),
  staleLines: Type.Integer(),
});

export const ValueResponse = Type.Object({
  status: Type.Literal(200),
  steamid: Str,
  appid: Str,
  contextid: Str,
  currency: Str,
  source: Str,
  valued_at: Type.String({ format: 'date-time' }),
  total_inventory_count: Type.Integer(),
  totals: Totals,
  stale: Type.Boolean({ description: 'Some prices are stale: the price source failed' }),
  stale_reason: Type.Optional(Str),
  price_requests: Type.Integer({
    description: 'Upstream price requests this answer cost (0 with a warm cache)',
  }),
  count: Type.Integer({ description: 'Lines in this answer (most valuable first; limit cuts the rest)' }),
  lines: Type.Array(ValueLine),
});
export type ValueResponse = Static<typeof ValueResponse>;

export const valueRouteSchema = {
  summary: 'What an inventory is worth: lines of quantity × unit price, most valuable first, and totals',
  tags: ['inventory'],
  params: V1Params,
  querystring: ValueQuery,
  headers: InventoryHeaders,
  security: KEY_SECURITY,
  response: { 200: ValueResponse, ...errorResponses },
};

const Ids = Type.String({
  pattern: '^[0-9]{1,12}(,[0-9]{1,12}){0,3}$',
  description:
    'a snapshot id, or up to four comma-separated (e.g. the context 2 and 16 snapshots taken together)',
});

export const HistoryQuery = Type.Object({
  api_key: Type.Optional(ApiKeyParam),
  currency: Type.Optional(Currency),
  source: Type.Optional(Source),
  value: Type.Optional(Flag),
  from: Type.Optional(Ids),
  to: Type.Optional(Ids),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  diff_limit: Type.Optional(Type.Integer({ minimum: 0, maximum: 5000, default: 500 })),
});
export type HistoryQuery = Static<typeof HistoryQuery>;

const SnapshotPoint = Type.Object({
  id: Type.Integer(),
  contextid: Str,
  takenAt: Type.String({ format: 'date-time' }),
  assetCount: Type.Integer(),
  itemCount: Type.Integer(),
  value: Type.Optional(
    Type.Object({
      total: Money,
      marketableTotal: Money,
      missingQuantity: Type.Integer(),
      staleLines: Type.Integer(),
      pricedAt: Type.String({ format: 'date-time' }),
      atSnapshotTime: Type.Boolean({ description: 'true: priced when taken; false: at today’s prices' }),
    }),
  ),
});

const DiffLine = Type.Object({
  assetid: Str,
  contextid: Str,
  amount: Type.Integer(),
  marketHashName: Str,
  name: Str,
  fromAmount: Type.Optional(Type.Integer()),
  toAssetid: Type.Optional(Str),
  toContextid: Type.Optional(Str),
});

const Diff = Type.Object({
  from: Type.Array(Type.Integer(), { description: 'Snapshot ids of the earlier side' }),
  to: Type.Array(Type.Integer()),
  counts: Type.Object({
    added: Type.Integer(),
    removed: Type.Integer(),
    changed: Type.Integer(),
    protected: Type.Integer({ description: 'Moved to context 16 (trade protection), not gone' }),
    released: Type.Integer({ description: 'Back from context 16' }),
    unchanged: Type.Integer(),
  }),
  added: Type.Array(DiffLine),
  removed: Type.Array(DiffLine),
  changed: Type.Array(DiffLine),
  protected: Type.Array(DiffLine),
  released: Type.Array(DiffLine),
  truncated: Type.Boolean({ description: 'diff_limit cut some asset lists; counts and byName are whole' }),
  byName: Type.Array(
    Type.Object({
      marketHashName: Str,
      name: Str,
      added: Type.Integer(),
      removed: Type.Integer(),
      protected: Type.Integer(),
      released: Type.Integer(),
      net: Type.Integer(),
    }),
  ),
});

export const HistoryResponse = Type.Object({
  status: Type.Literal(200),
  steamid: Str,
  appid: Str,
  contextid: Str,
  currency: Type.Optional(Str),
  source: Type.Optional(Str),
  snapshots: Type.Array(SnapshotPoint, { description: 'Newest first' }),
  diff: Type.Union([Diff, Type.Null()], {
    description: 'from → to, or the two newest snapshots; null with fewer than two',
  }),
});
export type HistoryResponse = Static<typeof HistoryResponse>;

export const historyRouteSchema = {
  summary: "An inventory's snapshots with their value over time, and what changed between two",
  tags: ['inventory'],
  params: V1Params,
  querystring: HistoryQuery,
  security: KEY_SECURITY,
  response: { 200: HistoryResponse, ...errorResponses },
};
