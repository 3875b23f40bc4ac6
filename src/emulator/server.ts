/**
 * @module emulator/server
 * A loopback HTTP server that stands in for Steam and Roblox, quirks included
 * (UPSTREAM.md). Tests, benchmarks, demos and users' own CI point gamestash's base URLs at
 * it. Modules answer their own routes; this file only parses, dispatches and counts.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorModule, EmulatorReply, EmulatorRequest } from './types.js';

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  at: number;
}

export interface EmulatorStats {
  /** Requests answered, by route family (e.g. `steam.inventory`) and status. */
  requests: RequestLogEntry[];
  count(filter?: { pathPrefix?: string; status?: number }): number;
}

export interface RunningEmulator {
  url: string;
  port: number;
  stats: EmulatorStats;
  reset(): void;
  close(): Promise<void>;
}

export interface ServeOptions {
  port?: number;
  host?: string;
  modules: EmulatorModule[];
  /** Keep at most this many log entries (benchmarks make many requests). */
  maxLog?: number;
}

export async function serveModules(options: ServeOptions): Promise<RunningEmulator> {
  const log: RequestLogEntry[] = [];
  const maxLog = options.maxLog ?? 100_000;
  const stats: EmulatorStats = {
    requests: log,
    count(filter = {}) {
      return log.filter(
        (e) =>
          (filter.pathPrefix === undefined || e.path.startsWith(filter.pathPrefix)) &&
          (filter.status === undefined || e.status === filter.status),
      ).length;
    },
  };

  const server: Server = createServer((raw, res) => {
    const chunks: Buffer[] = [];
    raw.on('data', (c: Buffer) => chunks.push(c));
    raw.on('end', () => {
      const req: EmulatorRequest = {
        method: raw.method ?? 'GET',
        url: requestUrl(raw.url),
        headers: raw.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        ip: raw.socket.remoteAddress ?? 'unknown',
        raw,
      };
      void dispatch(options.modules, req, res).then((status) => {
        if (log.length >= maxLog) log.shift();
        log.push({ method: req.method, path: req.url.pathname, status, at: Date.now() });
      });
    });
  });
  server.keepAliveTimeout = 60_000;

  // A port in use or an address this machine lacks rejects, instead of an unhandled 'error' event.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    stats,
    reset() {
      log.length = 0;
      for (const m of options.modules) m.reset?.();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The request target as a URL. A path starting with `//` stays a path (node-steamcommunity
 * posts to `https://steamcommunity.com//trade/new/acknowledge`), not a host.
 */
function requestUrl(target = '/'): URL {
  const base = 'http://emulator.local';
  return target.startsWith('/') ? new URL(`${base}${target}`) : new URL(target, base);
}

async function dispatch(
  modules: EmulatorModule[],
  req: EmulatorRequest,
  res: ServerResponse,
): Promise<number> {
  try {
    for (const module of modules) {
      const reply = await module.handle(req, res);
      if (reply) return send(res, reply);
      // A module that wrote to `res` itself (timeouts, truncated bodies) or dropped the
      // connection returns undefined after taking over the response.
      if (res.headersSent || res.writableEnded || res.destroyed) return res.statusCode;
    }
    return send(res, {
      status: 404,
      body: { error: `no emulated route for ${req.method} ${req.url.pathname}` },
    });
  } catch (error) {
    return send(res, { status: 500, body: { error: `emulator failure: ${(error as Error).message}` } });
  }
}

function send(res: ServerResponse, reply: EmulatorReply): number {
  const isText = typeof reply.body === 'string' || Buffer.isBuffer(reply.body);
  const body = isText ? (reply.body as string | Buffer) : JSON.stringify(reply.body ?? null);
  res.writeHead(reply.status, {
    'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...reply.headers,
  });
  res.end(body);
  return reply.status;
}
