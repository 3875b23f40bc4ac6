/**
 * @module gateway/routes/webapi-players
 * The typed Steam Web API routes about players: `/v1/steam/players/{steamids}` (and
 * `?ids=` for more than fit in a path), `/{steamid}/games`, `/recent`, `/friends`,
 * `/achievements/{appid}`, `/stats/{appid}`. Each: a schema, the account resolved as on the
 * inventory routes (any `<who>` form, vanity names remembered), one library call through the
 * cache, and the typed result with `status: 200` first.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireApiKey } from '../plugins/auth.js';
import { GatewayProblem } from '../problem.js';
import { isOn } from '../schemas/common.js';
import {
  achievementsRouteSchema,
  friendsRouteSchema,
  gamesRouteSchema,
  playersByQueryRouteSchema,
  playersRouteSchema,
  recentRouteSchema,
  statsRouteSchema,
} from '../schemas/webapi.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { setWebApiHeaders } from './webapi-headers.js';

const PLAYERS = '/v1/steam/players';
const PLAYER = `${PLAYERS}/:steamid`;

/** Profiles per gateway request: 10 upstream requests of 100 at most. */
export const MAX_PLAYERS_PER_REQUEST = 1000;

export async function webApiPlayerRoutes(instance: FastifyInstance): Promise<void> {
  const fastify = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = fastify;
  const preValidation = requireApiKey(services, 'webapi:read');
  const steamIdOf = async (who: string) => {
    services.webApi.requireConfigured();
    return (await services.resolveSteamId(who)).steamid64;
  };

  const players = async (list: string, parameter: string, fresh: string | undefined, reply: FastifyReply) => {
    const asked = [...new Set(list.split(',').map((who) => who.trim()))].filter(Boolean);
    if (asked.length === 0 || asked.length > MAX_PLAYERS_PER_REQUEST) {
      throw new GatewayProblem(
        400,
        'invalid_input',
        `${parameter} must name 1 to ${MAX_PLAYERS_PER_REQUEST} accounts, comma-separated (got ${asked.length})`,
        { parameter },
      );
    }
    const ids: string[] = [];
    for (const who of asked) ids.push(await steamIdOf(who));
    const answer = await services.webApi.typed('ISteamUser/GetPlayerSummaries', [ids], isOn(fresh), (c) =>
      c.getPlayerSummaries(ids),
    );
    setWebApiHeaders(reply, answer);
    return { status: 200 as const, ...answer.value };
  };

  fastify.get(PLAYERS, { schema: playersByQueryRouteSchema, preValidation }, async (request, reply) =>
    players(request.query.ids, 'ids', request.query.fresh, reply),
  );
  fastify.get(`${PLAYERS}/:steamids`, { schema: playersRouteSchema, preValidation }, async (request, reply) =>
    players(request.params.steamids, 'steamids', request.query.fresh, reply),
  );

  fastify.get(`${PLAYER}/games`, { schema: gamesRouteSchema, preValidation }, async (request, reply) => {
    const steamid = await steamIdOf(request.params.steamid);
    const { appinfo, free_games, appids, fresh } = request.query;
    const options = {
      ...(isOn(appinfo) ? { include_appinfo: true } : {}),
      ...(isOn(free_games) ? { include_played_free_games: true } : {}),
      ...(appids ? { appids_filter: appids.split(',').map(Number) } : {}),
    };
    const answer = await services.webApi.typed(
      'IPlayerService/GetOwnedGames',
      [steamid, options],
      isOn(fresh),
      (c) => c.getOwnedGames(steamid, options),
    );
    setWebApiHeaders(reply, answer);
    return { status: 200 as const, steamid, ...answer.value };
  });

  fastify.get(`${PLAYER}/recent`, { schema: recentRouteSchema, preValidation }, async (request, reply) => {
    const steamid = await steamIdOf(request.params.steamid);
    const options = request.query.count === undefined ? {} : { count: request.query.count };
    const answer = await services.webApi.typed(
      'IPlayerService/GetRecentlyPlayedGames',
      [steamid, options],
      isOn(request.query.fresh),
      (c) => c.getRecentlyPlayedGames(steamid, options),
    );
    setWebApiHeaders(reply, answer);
    return { status: 200 as const, steamid, ...answer.value };
  });

  fastify.get(`${PLAYER}/friends`, { schema: friendsRouteSchema, preValidation }, async (request, reply) => {
    const steamid = await steamIdOf(request.params.steamid);
    const answer = await services.webApi.typed(
      'ISteamUser/GetFriendList',
      [steamid],
      isOn(request.query.fresh),
      (c) => c.getFriendList(steamid),
    );
    setWebApiHeaders(reply, answer);
    return { status: 200 as const, steamid, ...answer.value };
  });

  fastify.get(
    `${PLAYER}/achievements/:appid`,
    { schema: achievementsRouteSchema, preValidation },
    async (request, reply) => {
      const steamid = await steamIdOf(request.params.steamid);
      const appid = Number(request.params.appid);
      const options = request.query.l ? { l: request.query.l } : {};
      const answer = await services.webApi.typed(
        'ISteamUserStats/GetPlayerAchievements',
        [steamid, appid, options],
        isOn(request.query.fresh),
        (c) => c.getPlayerAchievements(steamid, appid, options),
      );
      setWebApiHeaders(reply, answer);
      return { status: 200 as const, ...answer.value };
    },
  );

  fastify.get(
    `${PLAYER}/stats/:appid`,
    { schema: statsRouteSchema, preValidation },
    async (request, reply) => {
      const steamid = await steamIdOf(request.params.steamid);
      const appid = Number(request.params.appid);
      const answer = await services.webApi.typed(
        'ISteamUserStats/GetUserStatsForGame',
        [steamid, appid],
        isOn(request.query.fresh),
        (c) => c.getUserStatsForGame(steamid, appid),
      );
      setWebApiHeaders(reply, answer);
      return { status: 200 as const, ...answer.value };
    },
  );

  for (const url of [
    PLAYERS,
    `${PLAYERS}/:steamids`,
    `${PLAYER}/games`,
    `${PLAYER}/recent`,
    `${PLAYER}/friends`,
    `${PLAYER}/achievements/:appid`,
    `${PLAYER}/stats/:appid`,
  ]) {
    methodNotAllowed(fastify, url);
  }
}
