/**
 * @module gateway/routes/inventory
 * `GET /inventory?steamid=&gameid=&contextid=&api_key=`: the seed's API (steamid in any form
 * the CLI takes; the resolved SteamID64 comes back in `x-gamestash-steamid`). The body is the
 * cached bytes as they are (Steam's merged JSON with `"status": 200` in front): no parse,
 * no re-serialization on a hit; gzipped once per entry for callers that accept it.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireApiKey } from '../plugins/auth.js';
import { isOn } from '../schemas/common.js';
import { inventoryRouteSchema } from '../schemas/inventory.js';
import { acceptsGzip, callerOf, setInventoryHeaders, targetOf } from './inventory-common.js';
import { methodNotAllowed } from './method-not-allowed.js';

export async function inventoryRoutes(instance: FastifyInstance): Promise<void> {
  const fastify = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = fastify;
  fastify.get(
    '/inventory',
    // Compressed here, once per cache entry: the compress plugin must not do it again.
    { schema: inventoryRouteSchema, preValidation: requireApiKey(services), compress: false },
    async (request, reply) => {
      const { steamid, gameid, contextid, language, fresh } = request.query;
      const target = await targetOf(
        { steamid, appid: gameid, contextid, language, appParameter: 'gameid' },
        services,
      );
      const result = await services.inventory.get(target, callerOf(request), { fresh: isOn(fresh) });
      setInventoryHeaders(reply, target, result);
      reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
      // Not on a connection about to close: a client still decompressing when the FIN arrives
      // can crash in undici (`assert(!this.paused)`, nodejs/undici#5360; Node's fetch included).
      if (!fastify.shuttingDown?.() && acceptsGzip(request.headers['accept-encoding'])) {
        return reply.header('content-encoding', 'gzip').send(await result.entry.gzippedResponse());
      }
      return reply.send(result.entry.response);
    },
  );
  methodNotAllowed(fastify, '/inventory');
}
