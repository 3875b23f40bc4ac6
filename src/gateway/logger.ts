/**
 * @module gateway/logger
 * pino options for the gateway: credentials never reach a log line. The logged request URL is
 * redacted by name and by value (query, `;matrix` parameters, path segments, any encoding);
 * headers that carry credentials are censored wherever they appear; and every finished line
 * passes through `redactText` before it is written, so a secret that reaches a message, an
 * error or a field some other way is caught too.
 */
import type { FastifyServerOptions } from 'fastify';
import { redactText, redactUrl } from '../core/http/redact.js';
import type { LogLevel } from './config.js';

const SECRET_HEADERS = [
  'authorization',
  'cookie',
  'x-api-key',
  'x-steam-cookie',
  'set-cookie',
  'proxy-authorization',
];

/** `/inventory?api_key=gs_...&steamid=1` -> `/inventory?api_key=[REDACTED]&steamid=1`. */
export function redactRequestUrl(url: string): string {
  return redactUrl(url);
}

interface LoggedRequest {
  method: string;
  url: string;
  ip?: string;
  socket?: { remotePort?: number };
}

export function loggerOptions(
  level: LogLevel,
  stream?: NodeJS.WritableStream,
): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: SECRET_HEADERS.flatMap((h) => [`req.headers["${h}"]`, `headers["${h}"]`, `res.headers["${h}"]`]),
      censor: '[REDACTED]',
    },
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: redactRequestUrl(req.url),
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
    // The last look at every line, whatever put the secret there (a message, an error's stack).
    hooks: { streamWrite: redactText },
  };
}
