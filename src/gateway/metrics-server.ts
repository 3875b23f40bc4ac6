/**
 * @module gateway/metrics-server
 * `/metrics` on a port of its own (`GAMESTASH_METRICS_PORT`), so Prometheus can scrape an
 * address the public never reaches; the main port then has no `/metrics`. Same registry,
 * same optional bearer token, same JSON errors.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { GatewayConfig } from './config.js';
import { registerErrorHandling } from './plugins/errors.js';
import { metricsRoute } from './plugins/metrics.js';
import { methodNotAllowed } from './routes/method-not-allowed.js';
import type { GatewayMetrics } from './services/metrics.js';

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

export async function startMetricsServer(
  config: GatewayConfig,
  metrics: GatewayMetrics,
): Promise<MetricsServer> {
  const fastify: FastifyInstance = Fastify({ logger: false, return503OnClosing: true });
  registerErrorHandling(fastify);
  metricsRoute(fastify, metrics, config.metricsToken);
  methodNotAllowed(fastify, '/metrics');
  const url = await fastify.listen({ port: config.metricsPort ?? 0, host: config.host });
  return { url, close: () => fastify.close() };
}
