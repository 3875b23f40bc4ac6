/**
 * @module gateway/schemas/inventory
 * `GET /inventory`: the hosted-inventory API's shape (seed 000), query parameters and all.
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

export const InventoryQuery = Type.Object({
  steamid: SteamWho,
  gameid: AppId,
  contextid: ContextId,
  api_key: Type.Optional(ApiKeyParam),
  language: Type.Optional(Language),
  fresh: Type.Optional(Flag),
});
export type InventoryQuery = Static<typeof InventoryQuery>;

const Loose = Type.Object({}, { additionalProperties: true });

export const SteamInventoryResponse = Type.Object(
  {
    status: Type.Literal(200),
    assets: Type.Array(Loose, { description: 'Every asset of every page, in Steam order' }),
    descriptions: Type.Array(Loose, { description: 'One per classid + instanceid' }),
    asset_properties: Type.Optional(
      Type.Array(Loose, { description: 'CS2 float, seed, certificate by assetid' }),
    ),
    total_inventory_count: Type.Integer(),
    success: Type.Literal(1),
  },
  { additionalProperties: true, description: "Steam's own JSON, all pages merged, with status added" },
);

export const inventoryRouteSchema = {
  summary: "An inventory in Steam's own JSON, all pages merged",
  description:
    'steamid takes a SteamID64, STEAM_0:X:Y, [U:1:N], a vanity name or a URL-encoded profile or trade URL; ' +
    'the SteamID64 read comes back in `x-gamestash-steamid`. ' +
    'Answers from cache when it can (`x-gamestash-cache: hit|miss|stale`, `age`); `fresh=1` refetches. ' +
    'A stale copy is served, marked `x-gamestash-cache: stale`, when Steam fails.',
  tags: ['inventory'],
  querystring: InventoryQuery,
  headers: InventoryHeaders,
  security: KEY_SECURITY,
  response: { 200: SteamInventoryResponse, ...errorResponses },
};
