/**
 * @module gateway/server
 * Builds the Fastify instance around the app (logger, validation, limits, services) and runs
 * it: listen, then on SIGTERM/SIGINT stop accepting, let in-flight requests finish (bounded
 * by shutdownTimeoutMs), flush usage counters and close the store and Redis. A start that
 * fails closes whatever it had opened and throws one StartupError saying why.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { gatewayApp } from './app.js';
import type { GatewayConfig } from './config.js';
import { loggerOptions } from './logger.js';
import { startMetricsServer, type MetricsServer } from './metrics-server.js';
import { mapError, MAX_PATH_SEGMENT_LENGTH, sendProblem } from './plugins/errors.js';
import { errorBody } from './problem.js';
import { createGatewayServices, type GatewayExtras } from './services/index.js';
import { explainStartupFailure, StartupError } from './startup-error.js';

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
    // Not Node's closeIdleConnections(): it destroys a connection whose last answer is still
    // being written (a connection is idle once the answer is handed over, not once it is
    // sent), cutting a large answer short. startServer closes idle connections gently.
    forceCloseConnections: false,
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
  fastify.addHook('onSend', async (request, reply) => {
    if (!closing) return;
    reply.header('connection', 'close');
    // Nor compressed: a client still decompressing when the FIN arrives can crash in undici
    // (`assert(!this.paused)`, nodejs/undici#5360). This hook runs before the compress
    // plugin's, which then sees a caller that accepts no encoding.
    delete request.headers['accept-encoding'];
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

/**
 * Connections with nothing to do, closed after whatever they still have to write
 * (`destroySoon`: end, flush, then destroy), never cut mid-answer. Nothing to do: no request
 * in flight, no byte received since the last answer (a request may be on its way), and either
 * an answer already given (keep-alive) or a second gone by since it opened (a request sent
 * just before shutdown may not have been read yet).
 */
interface IdleConnections {
  close(): void;
}

function trackIdleConnections(server: Server): IdleConnections {
  interface State {
    openedAt: number;
    served: number;
    busy: number;
    readWhenIdle: number;
  }
  const open = new Map<Socket, State>();
  server.on('connection', (socket: Socket) => {
    open.set(socket, { openedAt: Date.now(), served: 0, busy: 0, readWhenIdle: 0 });
    socket.once('close', () => open.delete(socket));
  });
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const state = open.get(request.socket);
    if (!state) return;
    state.busy++;
    response.once('close', () => {
      state.busy--;
      state.served++;
      state.readWhenIdle = request.socket.bytesRead;
    });
  });
  return {
    close() {
      const now = Date.now();
      for (const [socket, state] of open) {
        const quiet = state.busy === 0 && socket.bytesRead === state.readWhenIdle;
        if (quiet && (state.served > 0 || now - state.openedAt > 1000) && !socket.writableEnded)
          socket.destroySoon();
      }
    },
  };
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
  /** Where `/metrics` answers when GAMESTASH_METRICS_PORT puts it on a port of its own. */
  metricsUrl?: string;
  /** Stops accepting, drains in-flight requests, closes services. Idempotent. */
  shutdown(signal?: string): Promise<void>;
}

export async function startServer(config: GatewayConfig, options: BuildOptions = {}): Promise<RunningServer> {
  let fastify: FastifyInstance | undefined;
  let url: string;
  let idle: IdleConnections;
  let metrics: MetricsServer | undefined;
  try {
    fastify = await buildServer(config, options);
    idle = trackIdleConnections(fastify.server);
    url = await fastify.listen({ port: config.port, host: config.host });
    metrics = await startMetricsOnItsPort(config, fastify);
  } catch (error) {
    // Whatever was opened (store, Redis, timers) must close, or the process cannot exit.
    await fastify?.close().catch(() => undefined);
    throw explainStartupFailure(error, config);
  }
  return running(fastify, url, idle, metrics, config);
}

/** `/metrics` on GAMESTASH_METRICS_PORT; a failure there names that setting, not --port. */
async function startMetricsOnItsPort(config: GatewayConfig, fastify: FastifyInstance) {
  if (config.metricsPort === undefined) return undefined;
  try {
    return await startMetricsServer(config, fastify.services.metrics);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const from = config.origins.metricsPort ?? 'GAMESTASH_METRICS_PORT';
    const why = code === 'EADDRINUSE' ? 'the port is in use by another process' : String(code ?? error);
    throw new StartupError(
      `cannot listen on ${config.host}:${config.metricsPort} for /metrics (port from ${from}): ${why}`,
      { cause: error },
    );
  }
}

/** The listening server and its graceful shutdown. */
function running(
  fastify: FastifyInstance,
  url: string,
  idle: IdleConnections,
  metrics: MetricsServer | undefined,
  config: GatewayConfig,
): RunningServer {
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
      // shutdown begins: close such connections as they go idle.
      idle.close();
      const sweeper = setInterval(() => idle.close(), 50);
      sweeper.unref();
      try {
        await Promise.all([fastify.close(), metrics?.close()]);
      } finally {
        clearTimeout(timer);
        clearInterval(sweeper);
      }
    })();
    return closing;
  };
  return { fastify, url, ...(metrics ? { metricsUrl: metrics.url } : {}), shutdown };
}
