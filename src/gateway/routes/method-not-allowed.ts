/**
 * @module gateway/routes/method-not-allowed
 * A known path asked with the wrong method answers 405 with `Allow`, not a bare 404. It
 * answers in onRequest, before any body parsing, so a POST body cannot change the outcome.
 */
import type { FastifyInstance } from 'fastify';
import { GatewayProblem } from '../problem.js';

const OTHER_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export function methodNotAllowed(fastify: FastifyInstance, url: string, allow = 'GET, HEAD'): void {
  fastify.route({
    method: [...OTHER_METHODS],
    url,
    schema: { hide: true },
    onRequest: async (request) => {
      throw new GatewayProblem(
        405,
        'method_not_allowed',
        `${request.method} is not allowed here: use ${allow}`,
        {
          allow,
        },
      );
    },
    handler: async () => undefined,
  });
}
