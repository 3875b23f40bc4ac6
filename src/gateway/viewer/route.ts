/**
 * @module gateway/viewer/route
 * The web inventory viewer: `GET /viewer` (HTML), `/viewer/app.js` and `/viewer/app.css`.
 * Public (no API key: the page's own data calls carry one), hidden from the OpenAPI
 * document, and locked down by a strict Content-Security-Policy: only this origin's scripts,
 * styles and API, plus images from Steam's CDN.
 */
import type { FastifyInstance } from 'fastify';
import { methodNotAllowed } from '../routes/method-not-allowed.js';
import { CLIENT_MAIN_JS } from './client-main.js';
import { CLIENT_RENDER_JS } from './client-render.js';
import { VIEWER_HTML } from './page.js';
import { VIEWER_CSS } from './style.js';

export const VIEWER_CSP = [
  "default-src 'self'",
  "img-src 'self' https://community.fastly.steamstatic.com https://community.akamai.steamstatic.com https://steamcommunity-a.akamaihd.net data:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
].join('; ');

/** The browser script: render helpers first, then the code that wires the form. */
export const VIEWER_JS = `// gamestash inventory viewer\n${CLIENT_RENDER_JS}\n${CLIENT_MAIN_JS}`;

const ASSETS: Record<string, { type: string; body: string }> = {
  '/viewer': { type: 'text/html; charset=utf-8', body: VIEWER_HTML },
  '/viewer/app.js': { type: 'text/javascript; charset=utf-8', body: VIEWER_JS },
  '/viewer/app.css': { type: 'text/css; charset=utf-8', body: VIEWER_CSS },
};

export async function viewerRoutes(fastify: FastifyInstance): Promise<void> {
  for (const [url, asset] of Object.entries(ASSETS)) {
    fastify.get(url, { schema: { hide: true } }, async (_request, reply) => {
      reply
        .header('content-type', asset.type)
        .header('content-security-policy', VIEWER_CSP)
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer')
        .header('x-frame-options', 'DENY')
        .header('cache-control', 'no-cache');
      return asset.body;
    });
    methodNotAllowed(fastify, url);
  }
  fastify.get('/viewer/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/viewer'));
}
