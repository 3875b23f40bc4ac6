/**
 * @module gateway/logger
 * pino options for the gateway: credentials never reach a log line. Headers that carry them
 * are censored wherever they appear, and the logged request URL has its secret query
 * parameters (api_key, key, token, ...) replaced.
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
  if (!url.includes('?')) return url;
  const redacted = new URL(redactUrl(new URL(url, 'http://gateway.invalid')));
  return redactText(`${redacted.pathname}${redacted.search}`);
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
  };
}
