/**
 * @module cli/commands/serve-run
 * Starts the gateway and keeps it running until SIGTERM/SIGINT, then shuts down gracefully:
 * in-flight requests finish, usage counters are saved, the store and Redis are closed. A
 * failure to start (a store, the port) is one StartupError line and a non-zero exit.
 */
import { loadGatewayConfig, type LogLevel } from '../../gateway/config.js';
import { startServer } from '../../gateway/server.js';
import { watchLauncher } from '../launcher-watch.js';
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
    // A failure to start names the flag the operator typed, not an internal option name.
    givenAsFlags: true,
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
    // `npm start & ... kill $!` kills npm, not us: shut down with it, as on a signal.
    watchLauncher(() => resolve('launcher gone'));
  });
  await server.shutdown(signal);
}
