/**
 * @module cli/commands/serve-run
 * Starts the gateway and keeps it running until SIGTERM/SIGINT, then shuts down gracefully:
 * in-flight requests finish, usage counters are saved, the store and Redis are closed.
 */
import { loadGatewayConfig, type LogLevel } from '../../gateway/config.js';
import { startServer } from '../../gateway/server.js';
import type { ServeOptions } from './serve.js';

export async function serve(options: ServeOptions): Promise<void> {
  const config = loadGatewayConfig(process.env, {
    port: options.port,
    host: options.host,
    logLevel: options.logLevel as LogLevel | undefined,
    databaseUrl: options.databaseUrl,
    sqlitePath: options.sqlite,
    redisUrl: options.redisUrl,
    queueTimeoutMs: options.queueTimeoutMs,
    corsOrigins: options.corsOrigins
      ?.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    metricsPort: options.metricsPort,
    docsRequireKey: options.docsRequireKey,
    cache: { ttlMs: options.cacheTtlMs },
    core: {
      steam: {
        communityUrl: options.communityUrl?.replace(/\/+$/, ''),
        communityIntervalMs: options.intervalMs,
      },
    },
  });
  const server = await startServer(config);
  const { database, redis } = server.fastify.services;
  server.fastify.log.info(
    {
      url: server.url,
      ...(server.metricsUrl ? { metrics: server.metricsUrl } : {}),
      store: `${database.engine} ${database.location}`,
      redis: redis !== undefined,
    },
    'gamestash gateway ready',
  );
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  await server.shutdown(signal);
}
