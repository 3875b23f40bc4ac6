/**
 * @module gateway/routes/method-not-allowed
 * A known path asked with the wrong method answers 405 with `Allow`, not a bare 404. It
 * answers in onRequest, before any body parsing, so a POST body cannot change the outcome.
 */
import type { FastifyInstance } from 'fastify';
import { GatewayProblem } from '../problem.js';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Answers 405 on `url` for every method `allow` (the routes registered there) leaves out. */
export function methodNotAllowed(fastify: FastifyInstance, url: string, allow = 'GET, HEAD'): void {
  const allowed = new Set(allow.split(',').map((m) => m.trim()));
  fastify.route({
    method: METHODS.filter((m) => !allowed.has(m)),
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
