/**
 * @module gateway/schemas/roblox
 * `GET /v1/roblox/users/{userId}/inventory-items` (Roblox's own shape, one page or all pages
 * merged) and `GET /v1/roblox/users/{userId}/owns` (yes/no per id). Patterns keep anything
 * odd out of the Open Cloud URL; the filter's rules are checked by the library before any
 * request is sent.
 */
import { Type, type Static } from 'typebox';
import { ApiKeyParam, errorResponses, Flag, KEY_SECURITY, PARAMETER_HINTS as HINTS } from './common.js';

const IdList = Type.String({
  pattern: '^[0-9]{1,20}(,[0-9]{1,20}){0,499}$',
  description: HINTS.assetIds,
});

export const RobloxUserParams = Type.Object({
  userId: Type.String({ pattern: '^[1-9][0-9]{0,18}$', description: HINTS.userId }),
});

const KeyHeaders = Type.Object({ 'x-api-key': Type.Optional(ApiKeyParam) });

export const RobloxItemsQuery = Type.Object({
  api_key: Type.Optional(ApiKeyParam),
  filter: Type.Optional(Type.String({ minLength: 1, maxLength: 4000, description: HINTS.filter })),
  maxPageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: HINTS.maxPageSize })),
  pageToken: Type.Optional(
    Type.String({ pattern: '^[A-Za-z0-9_=+/.-]{1,2048}$', description: HINTS.pageToken }),
  ),
  all: Type.Optional(Flag),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 100_000, default: 10_000, description: HINTS.limit }),
  ),
  fresh: Type.Optional(Flag),
});
export type RobloxItemsQuery = Static<typeof RobloxItemsQuery>;

export const RobloxOwnsQuery = Type.Object({
  api_key: Type.Optional(ApiKeyParam),
  assetIds: Type.Optional(IdList),
  badgeIds: Type.Optional(IdList),
  gamePassIds: Type.Optional(IdList),
  privateServerIds: Type.Optional(IdList),
  fresh: Type.Optional(Flag),
});
export type RobloxOwnsQuery = Static<typeof RobloxOwnsQuery>;

const RobloxItemsResponse = Type.Object({
  status: Type.Literal(200),
  inventoryItems: Type.Array(Type.Unknown(), {
    description: "Roblox's inventory items, as Roblox sent them",
  }),
  nextPageToken: Type.String({ description: 'Pass as pageToken for the next page; empty at the end' }),
  complete: Type.Optional(
    Type.Boolean({ description: 'With all=1: false when limit cut the listing short' }),
  ),
});

const OwnsResponse = Type.Object({
  status: Type.Literal(200),
  userId: Type.String(),
  entries: Type.Array(
    Type.Object({ kind: Type.String(), id: Type.String(), owned: Type.Boolean(), copies: Type.Integer() }),
  ),
  requests: Type.Integer({ description: 'Upstream requests the answer cost (0 when cached)' }),
});

export const robloxItemsRouteSchema = {
  summary: "A Roblox user's inventory items (one page, or all=1 for every page merged)",
  tags: ['roblox'],
  params: RobloxUserParams,
  querystring: RobloxItemsQuery,
  headers: KeyHeaders,
  security: KEY_SECURITY,
  response: { 200: RobloxItemsResponse, ...errorResponses },
};

export const robloxOwnsRouteSchema = {
  summary:
    'Whether a Roblox user owns each asset, badge, game pass or private server (one request per 50 ids)',
  tags: ['roblox'],
  params: RobloxUserParams,
  querystring: RobloxOwnsQuery,
  headers: KeyHeaders,
  security: KEY_SECURITY,
  response: { 200: OwnsResponse, ...errorResponses },
};
