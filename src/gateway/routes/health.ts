/**
 * @module gateway/routes/health
 * `/healthz`: the process answers. `/readyz`: its store (and Redis when configured) answer
 * too, so a load balancer only sends traffic to an instance that can serve it.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
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
    async () => {
      try {
        await fastify.services.ready();
      } catch (error) {
        throw new GatewayProblem(503, 'not_ready', `not ready: ${(error as Error).message}`);
      }
      return { status: 'ready' };
    },
  );
  methodNotAllowed(fastify, '/healthz');
  methodNotAllowed(fastify, '/readyz');
}
