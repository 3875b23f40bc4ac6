/**
 * @module gateway/routes/roblox
 * Roblox inventories under the gateway's keys, quotas and cache: a schema, one service
 * call, and the answer.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireApiKey } from '../plugins/auth.js';
import { isOn } from '../schemas/common.js';
import { robloxItemsRouteSchema, robloxOwnsRouteSchema } from '../schemas/roblox.js';
import { GatewayProblem } from '../problem.js';
import { methodNotAllowed } from './method-not-allowed.js';

const ITEMS = '/v1/roblox/users/:userId/inventory-items';
const OWNS = '/v1/roblox/users/:userId/owns';

export async function robloxRoutes(instance: FastifyInstance): Promise<void> {
  const fastify = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = fastify;

  fastify.get(
    ITEMS,
    { schema: robloxItemsRouteSchema, preValidation: requireApiKey(services) },
    async (request, reply) => {
      const { userId } = request.params;
      const { filter, maxPageSize, pageToken, all, limit = 10_000, fresh } = request.query;
      if (isOn(all)) {
        if (pageToken) {
          throw new GatewayProblem(
            400,
            'invalid_input',
            'pageToken and all=1 do not go together: all=1 reads every page itself',
            {
              parameter: 'pageToken',
            },
          );
        }
        const { value, cache } = await services.roblox.all(
          userId,
          { ...(filter ? { filter } : {}), limit },
          isOn(fresh),
        );
        cacheHeaders(reply, cache);
        return {
          status: 200 as const,
          inventoryItems: value.inventoryItems,
          nextPageToken: '',
          complete: value.complete,
        };
      }
      const query = {
        ...(filter ? { filter } : {}),
        ...(maxPageSize ? { pageSize: maxPageSize } : {}),
        ...(pageToken ? { pageToken } : {}),
      };
      const { value, cache } = await services.roblox.page(userId, query, isOn(fresh));
      cacheHeaders(reply, cache);
      return { status: 200 as const, ...value };
    },
  );

  fastify.get(
    OWNS,
    { schema: robloxOwnsRouteSchema, preValidation: requireApiKey(services) },
    async (request, reply) => {
      const { userId } = request.params;
      const { assetIds, badgeIds, gamePassIds, privateServerIds, fresh } = request.query;
      const ids = (list: string | undefined) => (list ? list.split(',') : undefined);
      const query = Object.fromEntries(
        Object.entries({
          assetIds: ids(assetIds),
          badgeIds: ids(badgeIds),
          gamePassIds: ids(gamePassIds),
          privateServerIds: ids(privateServerIds),
        }).filter(([, v]) => v !== undefined),
      );
      const { value, cache } = await services.roblox.owns(userId, query, isOn(fresh));
      cacheHeaders(reply, cache);
      return {
        status: 200 as const,
        userId,
        entries: value.entries,
        requests: cache === 'hit' ? 0 : value.requests,
      };
    },
  );

  methodNotAllowed(fastify, ITEMS);
  methodNotAllowed(fastify, OWNS);
}

function cacheHeaders(reply: FastifyReply, cache: 'hit' | 'miss'): void {
  reply.header('x-gamestash-cache', cache);
  reply.header('cache-control', 'private, no-store');
}
