/**
 * @module gateway/routes/inventory-watch
 * `/v1/steam/inventory/{steamid}/{appid}/{contextid}/watch`: watch an inventory (POST), see
 * the watch (GET), stop (DELETE); `/v1/steam/inventory/watches` lists a key's watches. A new
 * watch reads the inventory once, so a private or missing one is refused at once (403/404),
 * and that read is the first poll's baseline.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { InvalidInputError } from '../../core/errors.js';
import type { InventoryWatch } from '../../store/inventory-watches.js';
import { requireApiKey } from '../plugins/auth.js';
import { GatewayProblem } from '../problem.js';
import {
  getWatchSchema,
  listWatchesSchema,
  unwatchSchema,
  watchSchema,
  type WatchJson,
} from '../schemas/webhooks.js';
import { targetOf } from './inventory-common.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { managingKey } from './webhooks.js';

const WATCH = '/v1/steam/inventory/:steamid/:appid/:contextid/watch';
const WATCHES = '/v1/steam/inventory/watches';

export async function inventoryWatchRoutes(instance: FastifyInstance): Promise<void> {
  const fastify = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = fastify;
  const auth = requireApiKey(services);
  const settings = services.config.watches;
  const watchOf = async (params: { steamid: string; appid: string; contextid: string }) => {
    const target = await targetOf(params, services);
    return {
      target,
      watched: { steamid: target.steamid64, appid: target.appid, contextid: target.contextid },
    };
  };

  fastify.post(WATCH, { schema: watchSchema, preValidation: auth }, async (request, reply) => {
    const key = await managingKey(services, request);
    const interval = request.query.interval_ms ?? settings.defaultIntervalMs;
    if (interval < settings.minIntervalMs)
      throw new InvalidInputError(
        `interval_ms must be at least ${settings.minIntervalMs} (every poll spends Steam's budget, shared by every caller)`,
        'interval_ms',
      );
    const { target, watched } = await watchOf(request.params);
    // Anonymous: polls never use a caller's session. Refuses a private or missing inventory now.
    await services.inventory.get(target, { keyId: key.id });
    const watch = await services.watches.add(key, watched, interval);
    reply.code(201);
    return { status: 201 as const, watch: watchJson(watch) };
  });
  fastify.get(WATCH, { schema: getWatchSchema, preValidation: auth }, async (request) => {
    const key = await managingKey(services, request);
    const { watched } = await watchOf(request.params);
    const [watch] = await services.watches.list(key, watched);
    if (!watch) throw notWatched();
    return { status: 200 as const, watch: watchJson(watch) };
  });
  fastify.delete(WATCH, { schema: unwatchSchema, preValidation: auth }, async (request) => {
    const key = await managingKey(services, request);
    const { watched } = await watchOf(request.params);
    if (!(await services.watches.remove(key, watched))) throw notWatched();
    return { status: 200 as const, deleted: true };
  });
  methodNotAllowed(fastify, WATCH, 'GET, HEAD, POST, DELETE');

  fastify.get(WATCHES, { schema: listWatchesSchema, preValidation: auth }, async (request) => {
    const key = await managingKey(services, request);
    return { status: 200 as const, watches: (await services.watches.list(key)).map(watchJson) };
  });
  methodNotAllowed(fastify, WATCHES);
}

function notWatched(): GatewayProblem {
  return new GatewayProblem(404, 'watch_not_found', 'this key does not watch this inventory');
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function watchJson(watch: InventoryWatch): WatchJson {
  return {
    steamid: watch.steamid,
    appid: watch.appid,
    contextid: watch.contextid,
    interval_ms: watch.requestedIntervalMs,
    polled_every_ms: watch.intervalMs,
    created: iso(watch.createdAt)!,
    last_polled_at: iso(watch.lastPolledAt),
    last_changed_at: iso(watch.lastChangedAt),
    next_poll_at: iso(watch.nextPollAt)!,
    last_snapshot: watch.lastSnapshotId,
    last_error: watch.lastError,
  };
}
