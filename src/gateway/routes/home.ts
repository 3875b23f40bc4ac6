/**
 * @module gateway/routes/home
 * `GET /`: where things are (viewer, docs, OpenAPI document, health, metrics, the API routes),
 * instead of a 404 for whoever opens the gateway's address. JSON when the caller prefers
 * `application/json`, a small HTML page otherwise (a browser, or curl's `*\/*`).
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { methodNotAllowed } from './method-not-allowed.js';

interface Link {
  rel: string;
  href: string;
  title: string;
}

const ENDPOINTS = [
  'GET /inventory?steamid=&gameid=&contextid=&api_key=',
  'GET /v1/steam/inventory/{steamid}/{appid}/{contextid}',
  'GET /v1/roblox/users/{userId}/inventory-items',
  'GET /v1/roblox/users/{userId}/owns',
  'GET /v1/steam/players/{steamids}',
  'GET /v1/steam/api/{interface}/{method}/{version}',
  'GET|POST /v1/steam/accounts/{account}/offers',
  'GET|POST /v1/webhooks',
];

const HomeBody = Type.Object({
  name: Type.String(),
  links: Type.Record(Type.String(), Type.String()),
  endpoints: Type.Array(Type.String()),
  auth: Type.String(),
});

export async function homeRoutes(fastify: FastifyInstance): Promise<void> {
  const { config } = fastify.services;
  const keyNeeded = config.docsRequireKey ? ' (needs a key)' : '';
  const links: Link[] = [
    { rel: 'viewer', href: '/viewer', title: 'Inventory viewer' },
    { rel: 'docs', href: '/docs', title: `API documentation (Swagger UI)${keyNeeded}` },
    { rel: 'openapi', href: '/openapi.json', title: `OpenAPI document${keyNeeded}` },
    { rel: 'health', href: '/healthz', title: 'Liveness' },
    { rel: 'ready', href: '/readyz', title: 'Readiness (store and Redis)' },
    // On a port of its own, the metrics are not the public's business: not listed.
    ...(config.metricsPort === undefined
      ? [{ rel: 'metrics', href: '/metrics', title: 'Prometheus metrics' }]
      : []),
  ];
  const body = {
    name: 'gamestash gateway',
    links: Object.fromEntries(links.map((l) => [l.rel, l.href])),
    endpoints: ENDPOINTS,
    auth: 'API routes want a key: api_key=... or the x-api-key header (gamestash keys create --name NAME)',
  };
  const html = page(links);
  fastify.get(
    '/',
    { schema: { summary: 'Where things are', tags: ['operations'], response: { 200: HomeBody } } },
    async (request, reply) => {
      reply.header('vary', 'accept');
      if (prefersJson(request.headers.accept)) return body;
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'")
        .header('x-content-type-options', 'nosniff')
        .send(html);
    },
  );
  methodNotAllowed(fastify, '/');
}

/**
 * JSON when the Accept header rates `application/json` above `text/html`. Each type takes the q
 * of its most specific range (RFC 9110 12.5.1); on a tie the type named more specifically wins,
 * so `application/json, text/plain, *\/*` is JSON and a plain `*\/*` (curl) is the page.
 */
export function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const json = { q: 0, specificity: -1 };
  const html = { q: 0, specificity: -1 };
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2)) || 0;
    rate(json, range, 'application/json', q);
    rate(html, range, 'text/html', q);
  }
  if (json.q !== html.q) return json.q > html.q;
  return json.q > 0 && json.specificity > html.specificity;
}

function rate(best: { q: number; specificity: number }, range: string, type: string, q: number): void {
  const specificity = range === type ? 2 : range === `${type.split('/')[0]}/*` ? 1 : range === '*/*' ? 0 : -1;
  if (specificity > best.specificity) Object.assign(best, { q, specificity });
}

function page(links: Link[]): string {
  const items = links.map((l) => `<li><a href="${l.href}">${l.title}</a> <code>${l.href}</code></li>`);
  const endpoints = ENDPOINTS.map((e) => `<li><code>${e.replaceAll('&', '&amp;')}</code></li>`);
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>gamestash gateway</title></head><body>',
    '<h1>gamestash gateway</h1>',
    `<ul>${items.join('')}</ul>`,
    '<h2>API</h2>',
    `<ul>${endpoints.join('')}</ul>`,
    '<p>API routes want a key: <code>api_key=...</code> or the <code>x-api-key</code> header ',
    '(<code>gamestash keys create --name NAME</code>).</p>',
    '</body></html>',
  ].join('\n');
}
