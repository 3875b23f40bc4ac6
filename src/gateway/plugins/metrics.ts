/**
 * @module gateway/plugins/metrics
 * Per-route request counts and latency (the route pattern, not the URL, so ids do not
 * explode the label set) and the `/metrics` endpoint for Prometheus: on the main port by
 * default, or on a port of its own (`GAMESTASH_METRICS_PORT`, see metrics-server.ts), and
 * behind a bearer token when `GAMESTASH_METRICS_TOKEN` is set.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GatewayProblem } from '../problem.js';
import type { GatewayMetrics } from '../services/metrics.js';

export function countRequests(fastify: FastifyInstance, metrics: GatewayMetrics): void {
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
}

/** `GET /metrics`, answering only to `Authorization: Bearer <token>` when a token is set. */
export function metricsRoute(
  fastify: FastifyInstance,
  metrics: GatewayMetrics,
  token: string | undefined,
): void {
  fastify.get(
    '/metrics',
    {
      schema: { summary: 'Prometheus metrics', tags: ['operations'], hide: false },
      ...(token ? { onRequest: requireToken(token) } : {}),
    },
    async (_request, reply) => {
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}

function requireToken(token: string) {
  const expected = Buffer.from(`Bearer ${token}`);
  return async function checkToken(request: FastifyRequest): Promise<void> {
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new GatewayProblem(
        401,
        'metrics_token_required',
        'metrics want the token set in GAMESTASH_METRICS_TOKEN, as the header Authorization: Bearer <token>',
      );
    }
  };
}
