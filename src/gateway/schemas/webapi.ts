/**
 * @module gateway/schemas/webapi
 * The Steam Web API routes: the generic `GET /v1/steam/api/{interface}/{method}/{version}`
 * (any other query parameter goes to the method; the answer is Steam's, in the format asked)
 * and the typed player routes (JSON, Steam's field names, `status: 200` first).
 */
import { Type, type Static, type TSchema } from 'typebox';
import { ApiKeyParam, AppId, errorResponses, Flag, KEY_SECURITY, Language, SteamWho } from './common.js';
import { webApiAnswerSchemas } from './webapi-answers.js';

const Name = (description: string) => Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$', description });

export const WebApiCallParams = Type.Object({
  interface: Name('a Web API interface, e.g. ISteamUser (any case)'),
  method: Name('a method of it, e.g. GetFriendList'),
  version: Type.String({ pattern: '^[vV]?[0-9]{1,4}$', description: 'v1, v2 (or 1, 0002)' }),
});
export type WebApiCallParams = Static<typeof WebApiCallParams>;

export const WebApiFormatParam = Type.Union(
  [Type.Literal('json'), Type.Literal('xml'), Type.Literal('vdf')],
  {
    description: 'the format asked of Steam, and answered (its content type follows); json by default',
  },
);

/** The gateway's own parameters; every other one is the method's (`key` and `access_token` are refused). */
export const GATEWAY_QUERY_PARAMETERS = ['api_key', 'format', 'fresh', 'post'] as const;

export const WebApiCallQuery = Type.Object(
  {
    api_key: Type.Optional(ApiKeyParam),
    format: Type.Optional(WebApiFormatParam),
    fresh: Type.Optional(Flag),
    post: Type.Optional(Flag),
  },
  {
    additionalProperties: true,
    description:
      "Any other parameter goes to the method as Steam names it (steamid=..., input_json={...}); a name given twice is a list. The gateway's key travels separately: key and access_token are refused.",
  },
);
export type WebApiCallQuery = Static<typeof WebApiCallQuery>;

const KeyHeaders = Type.Object({ 'x-api-key': Type.Optional(ApiKeyParam) });
const common = { tags: ['steam-webapi'], headers: KeyHeaders, security: KEY_SECURITY };

export const webApiCallRouteSchema = {
  ...common,
  summary: 'Any GET method of the Steam Web API, checked against the method list Steam publishes',
  description:
    "Answered with the gateway's own STEAM_API_KEY (never echoed): Steam's body untouched, in the format asked, cached per method, format and parameters (profiles minutes, news and the method list longer). An unknown interface, method, version or parameter is a 400 naming the closest one; a POST method (or post=1) is a 405.",
  params: WebApiCallParams,
  querystring: WebApiCallQuery,
  response: {
    200: Type.Unknown({
      description:
        'Steam\'s answer untouched: application/json, text/xml or text/vdf as asked with format (e.g. {"friendslist":{"friends":[…]}})',
    }),
    405: Type.Ref('ErrorBody'),
    ...errorResponses,
  },
};

const Fresh = Type.Optional(Flag);
const ApiKey = Type.Optional(ApiKeyParam);

export const PlayersParams = Type.Object({
  steamids: Type.String({
    pattern: '^[\\x21-\\x7e]{1,256}$',
    description: 'comma-separated accounts (SteamID64s, vanity names, ...); more in ?ids=',
  }),
});
export const PlayersQuery = Type.Object({ api_key: ApiKey, fresh: Fresh });
export const PlayersByQuery = Type.Object({
  ids: Type.String({
    pattern: '^[\\x21-\\x7e]{1,20000}$',
    description: 'comma-separated accounts (SteamID64s, vanity names, ...), at most 1000',
  }),
  api_key: ApiKey,
  fresh: Fresh,
});

export const PlayerParams = Type.Object({ steamid: SteamWho });
export const PlayerAppParams = Type.Object({ steamid: SteamWho, appid: AppId });

export const GamesQuery = Type.Object({
  api_key: ApiKey,
  fresh: Fresh,
  appinfo: Type.Optional(Flag),
  free_games: Type.Optional(Flag),
  appids: Type.Optional(
    Type.String({
      pattern: '^[0-9]{1,10}(,[0-9]{1,10}){0,99}$',
      description: 'only these app ids, e.g. 440,570',
    }),
  ),
});
export type GamesQuery = Static<typeof GamesQuery>;
export const RecentQuery = Type.Object({
  api_key: ApiKey,
  fresh: Fresh,
  count: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'at most this many games' })),
});
export const AchievementsQuery = Type.Object({
  api_key: ApiKey,
  fresh: Fresh,
  l: Type.Optional(Language),
});
export const FreshQuery = Type.Object({ api_key: ApiKey, fresh: Fresh });

function route<P extends TSchema, Q extends TSchema, A extends TSchema>(
  summary: string,
  params: P,
  querystring: Q,
  answer: A,
) {
  return { ...common, summary, params, querystring, response: { 200: answer, ...errorResponses } };
}

export const playersRouteSchema = route(
  'Player profiles (GetPlayerSummaries), in the order asked; a private one with its public fields',
  PlayersParams,
  PlayersQuery,
  webApiAnswerSchemas.players,
);
export const playersByQueryRouteSchema = {
  ...route(
    'Up to 1000 player profiles (GetPlayerSummaries, 100 per upstream request)',
    Type.Object({}),
    PlayersByQuery,
    webApiAnswerSchemas.players,
  ),
};
export const gamesRouteSchema = route(
  'Games a player owns (GetOwnedGames); visible: false when the profile hides them',
  PlayerParams,
  GamesQuery,
  webApiAnswerSchemas.games,
);
export const recentRouteSchema = route(
  'Games played in the last two weeks (GetRecentlyPlayedGames)',
  PlayerParams,
  RecentQuery,
  webApiAnswerSchemas.recent,
);
export const friendsRouteSchema = route(
  "A player's friends (GetFriendList); 403 private when the profile hides them",
  PlayerParams,
  FreshQuery,
  webApiAnswerSchemas.friends,
);
export const achievementsRouteSchema = route(
  "A player's achievements in one app (GetPlayerAchievements); 403 private when hidden",
  PlayerAppParams,
  AchievementsQuery,
  webApiAnswerSchemas.achievements,
);
export const statsRouteSchema = route(
  "A player's stats in one app (GetUserStatsForGame); 403 private when hidden",
  PlayerAppParams,
  FreshQuery,
  webApiAnswerSchemas.stats,
);
