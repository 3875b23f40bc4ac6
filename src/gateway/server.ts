/**
 * @module gateway/server
 * Builds the Fastify instance around the app (logger, validation, limits, services) and runs
 * it: listen, then on SIGTERM/SIGINT stop accepting, let in-flight requests finish (bounded
 * by shutdownTimeoutMs), flush usage counters and close the store and Redis. A start that
 * fails closes whatever it had opened and throws one StartupError saying why.
 */
import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { gatewayApp } from './app.js';
import type { GatewayConfig } from './config.js';
import { loggerOptions } from './logger.js';
import { mapError, MAX_PATH_SEGMENT_LENGTH, sendProblem } from './plugins/errors.js';
import { errorBody } from './problem.js';
import { createGatewayServices, type GatewayExtras } from './services/index.js';
import { explainStartupFailure } from './startup-error.js';

export interface BuildOptions {
  /** Where logs go (tests capture them); stdout by default. */
  logStream?: NodeJS.WritableStream;
  /** Parts given instead of the defaults (event publisher, watchers, confirmations). */
  extras?: GatewayExtras;
}

export async function buildServer(
  config: GatewayConfig,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const fastify = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    // Ids are short, but a URL-encoded profile or trade URL in a /v1 path is not: anything
    // longer than that is refused (414) before routing.
    routerOptions: { maxParamLength: MAX_PATH_SEGMENT_LENGTH },
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
    clientErrorHandler: answerClientError,
    // Router-level refusals (over-long path segment, malformed URL) get the same JSON.
    frameworkErrors: (error, request, reply) => sendProblem(reply, mapError(error, request)),
  });
  const services = await createGatewayServices(config, fastify.log, options.extras);
  // Answers sent while closing tell the client not to reuse the connection, so in-flight
  // keep-alive connections end with their request instead of holding shutdown open.
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  fastify.decorate('shuttingDown', () => closing);
  // Decorated on the root so that callers (tests, the CLI) reach the services too.
  fastify.decorate('services', services);
  // Registered before the app so that it runs after the server has stopped and drained.
  fastify.addHook('onClose', async () => services.close());
  // Leases are taken once start-up work is done: a long registration must not outlast a lease.
  fastify.addHook('onReady', async () => services.offerWatchers.start());
  await fastify.register(gatewayApp, { services });
  return fastify;
}

/** Malformed requests and oversized headers (Node's 16 KB limit) get our JSON too. */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) return;
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const message = tooLarge
    ? 'request line or headers too large (over 16 KB): shorten the query string'
    : 'malformed HTTP request';
  const body = JSON.stringify(errorBody(status, tooLarge ? 'request_too_large' : 'bad_request', message));
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `connection: close\r\n\r\n${body}`,
  );
}

export interface RunningServer {
  fastify: FastifyInstance;
  url: string;
  /** Stops accepting, drains in-flight requests, closes services. Idempotent. */
  shutdown(signal?: string): Promise<void>;
}

export async function startServer(config: GatewayConfig, options: BuildOptions = {}): Promise<RunningServer> {
  let fastify: FastifyInstance | undefined;
  let url: string;
  try {
    fastify = await buildServer(config, options);
    url = await fastify.listen({ port: config.port, host: config.host });
  } catch (error) {
    // Whatever was opened (store, Redis, timers) must close, or the process cannot exit.
    await fastify?.close().catch(() => undefined);
    throw explainStartupFailure(error, config);
  }
  return running(fastify, url, config);
}

/** The listening server and its graceful shutdown. */
function running(fastify: FastifyInstance, url: string, config: GatewayConfig): RunningServer {
  let closing: Promise<void> | undefined;
  const shutdown = (signal?: string) => {
    closing ??= (async () => {
      fastify.log.info({ signal }, 'shutting down: finishing in-flight requests');
      const timer = setTimeout(() => {
        fastify.log.warn('in-flight requests did not finish in time: closing their connections');
        fastify.server.closeAllConnections();
      }, config.shutdownTimeoutMs);
      timer.unref();
      // A keep-alive connection whose request finishes during shutdown turns idle later than
      // Fastify's one-off closeIdleConnections(): close such connections as they go idle.
      const sweeper = setInterval(() => fastify.server.closeIdleConnections(), 50);
      sweeper.unref();
      try {
        await fastify.close();
      } finally {
        clearTimeout(timer);
        clearInterval(sweeper);
      }
    })();
    return closing;
  };
  return { fastify, url, shutdown };
}
