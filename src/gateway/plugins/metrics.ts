/**
 * @module gateway/plugins/metrics
 * Per-route request counts and latency (the route pattern, not the URL, so ids do not
 * explode the label set) and the `/metrics` endpoint for Prometheus.
 */
import type { FastifyInstance } from 'fastify';
import type { GatewayMetrics } from '../services/metrics.js';

export function registerMetrics(fastify: FastifyInstance, metrics: GatewayMetrics): void {
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  fastify.get(
    '/metrics',
    { schema: { summary: 'Prometheus metrics', tags: ['operations'], hide: false } },
    async (_request, reply) => {
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}
