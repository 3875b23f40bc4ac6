/**
 * @module gateway/plugins/cors
 * CORS for browser apps on other origins (`GAMESTASH_CORS_ORIGINS`, off by default). Only
 * real preflights (an `Origin` and `Access-Control-Request-Method`) are answered by CORS;
 * any other OPTIONS request still gets the route's JSON 405.
 */
import type { FastifyCorsOptions } from '@fastify/cors';
import type { FastifyRequest } from 'fastify';

/** What a page's script may read from an answer besides the CORS-safelisted headers. */
const EXPOSED = [
  'x-gamestash-cache',
  'x-gamestash-stale-reason',
  'age',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'retry-after',
];

export function corsOptions(origins: string[]): FastifyCorsOptions {
  const options = {
    origin: origins.includes('*') ? '*' : origins,
    methods: ['GET', 'HEAD'],
    exposedHeaders: EXPOSED,
    maxAge: 600,
    strictPreflight: true,
  };
  return {
    delegator: (request: FastifyRequest, callback) => {
      const preflight =
        request.method === 'OPTIONS' &&
        request.headers.origin !== undefined &&
        request.headers['access-control-request-method'] !== undefined;
      callback(null, request.method !== 'OPTIONS' || preflight ? options : { origin: false });
    },
  };
}
