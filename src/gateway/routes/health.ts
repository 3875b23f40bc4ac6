/**
 * @module gateway/routes/health
 * `/healthz`: the process answers. `/readyz`: its store (and Redis when configured) answer
 * too, so a load balancer only sends traffic to an instance that can serve it. A store that
 * is away is named (with Retry-After); its driver's words stay out of the answer.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { StoreUnavailableError } from '../../core/errors.js';
import { DEFAULT_RETRY_AFTER_SECONDS } from '../plugins/errors.js';
import { GatewayProblem } from '../problem.js';
import { methodNotAllowed } from './method-not-allowed.js';

const Ok = Type.Object({ status: Type.String() });

export async function healthRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.get(
    '/healthz',
    { schema: { summary: 'Liveness', tags: ['operations'], response: { 200: Ok } } },
    async () => ({ status: 'ok' }),
  );
  fastify.get(
    '/readyz',
    {
      schema: {
        summary: 'Readiness: store and Redis reachable',
        tags: ['operations'],
        response: { 200: Ok, 503: Type.Ref('ErrorBody') },
      },
    },
    async (request) => {
      try {
        await fastify.services.ready();
      } catch (error) {
        const store = error instanceof StoreUnavailableError ? error.store : undefined;
        if (!store) request.log.error({ err: error }, 'readiness check failed');
        throw new GatewayProblem(
          503,
          'not_ready',
          store ? `not ready: ${store} is unavailable` : 'not ready: the gateway log has the details',
          { retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS },
        );
      }
      return { status: 'ready' };
    },
  );
  methodNotAllowed(fastify, '/healthz');
  methodNotAllowed(fastify, '/readyz');
}
