/**
 * @module gateway/viewer/route
 * The web viewer: `GET /viewer` (HTML), `/viewer/app.css`, and `/viewer/client/*.js`, the
 * browser modules compiled from `client/*.ts` by `npm run build` (in dist/ beside this file;
 * a source checkout finds them in the repository's dist/). Public (no API key: the page's own
 * data calls carry one), hidden from the OpenAPI document, and locked down by a strict
 * Content-Security-Policy: this origin's scripts, styles, images and API only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { GatewayProblem } from '../problem.js';
import { methodNotAllowed } from '../routes/method-not-allowed.js';
import { VIEWER_HTML } from './page.js';
import { VIEWER_CSS } from './style.js';

export const VIEWER_CSP = [
  "default-src 'self'",
  "img-src 'self'",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Where the compiled browser modules are: beside this file in dist/, else the checkout's dist/. */
export function clientDirectory(): string | undefined {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const candidates = [join(here, 'client'), join(here, '../../../dist/gateway/viewer/client')];
  return candidates.find((dir) => existsSync(join(dir, 'main.js')));
}

/** The browser modules by file name, read once at start (a few KB each). */
export function clientModules(dir = clientDirectory()): Map<string, string> {
  const modules = new Map<string, string>();
  if (!dir) return modules;
  for (const name of readdirSync(dir)) {
    if (!/^[a-z][a-z0-9-]*\.js$/.test(name)) continue;
    // Source map comments point at files the gateway does not serve.
    modules.set(name, readFileSync(join(dir, name), 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n'));
  }
  return modules;
}

/** The tab's icon (without one, browsers ask for /favicon.ico). */
const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0969da"/>' +
  '<path d="M8 11h16v13H8z" fill="#fff"/><path d="M12 11V8h8v3" fill="none" stroke="#fff" stroke-width="2.5"/></svg>';

function secure(reply: FastifyReply, type: string): FastifyReply {
  return reply
    .header('content-type', type)
    .header('content-security-policy', VIEWER_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header('cache-control', 'no-cache');
}

export async function viewerRoutes(fastify: FastifyInstance): Promise<void> {
  const modules = clientModules();
  if (modules.size === 0) {
    fastify.log.warn('the viewer has no browser modules: run npm run build (dist/gateway/viewer/client)');
  }
  fastify.get('/viewer', { schema: { hide: true } }, async (_request, reply) => {
    secure(reply, 'text/html; charset=utf-8');
    return VIEWER_HTML;
  });
  fastify.get('/viewer/app.css', { schema: { hide: true } }, async (_request, reply) => {
    secure(reply, 'text/css; charset=utf-8');
    return VIEWER_CSS;
  });
  fastify.get('/viewer/icon.svg', { schema: { hide: true } }, async (_request, reply) => {
    secure(reply, 'image/svg+xml');
    return ICON_SVG;
  });
  fastify.get<{ Params: { file: string } }>(
    '/viewer/client/:file',
    { schema: { hide: true } },
    async (request, reply) => {
      const body = modules.get(request.params.file);
      if (body === undefined) {
        throw new GatewayProblem(404, 'route_not_found', `the viewer has no module ${request.params.file}`);
      }
      secure(reply, 'text/javascript; charset=utf-8');
      return body;
    },
  );
  for (const url of ['/viewer', '/viewer/app.css', '/viewer/icon.svg', '/viewer/client/:file']) {
    methodNotAllowed(fastify, url);
  }
  fastify.get('/viewer/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/viewer'));
}
