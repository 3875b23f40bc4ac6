/**
 * @module gateway/plugins/auth
 * API keys, scopes and quotas for the routes: a `preValidation` hook (so a caller with no
 * valid key learns that first, before anything about their parameters) and an `onResponse`
 * hook counting usage per key. Keys come from `api_key` or the `x-api-key` header; a key
 * without the route's scope is refused (403 `missing_scope`) before its quota is spent.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { StoreUnavailableError } from '../../core/errors.js';
import type { ApiKeyRecord } from '../../store/api-keys.js';
import type { KeyScope } from '../../store/key-scopes.js';
import { GatewayProblem } from '../problem.js';
import type { GatewayServices } from '../services/index.js';

const HOW_TO =
  'create one with `gamestash keys create --name NAME` and pass it as api_key=... or the x-api-key header';

/**
 * The key must be valid, within its quota, and have `scope` (the read routes' by default;
 * `null` when the route checks what the key may do itself, as the webhook routes do).
 */
export function requireApiKey(services: GatewayServices, scope: KeyScope | null = 'inventory:read') {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = request.headers['x-api-key'];
    const query = (request.query as Record<string, unknown> | undefined)?.api_key;
    const secret = header ?? query;
    if (secret === undefined || secret === '') {
      throw new GatewayProblem(401, 'missing_api_key', `an API key is required: ${HOW_TO}`);
    }
    if (typeof secret !== 'string') {
      throw new GatewayProblem(401, 'invalid_api_key', 'give the API key once, as a single value');
    }
    // A key the store cannot check now (and that was not confirmed recently) is a 503 naming
    // the store, mapped by the error handler; any other failure of the key store counts as one too.
    const record = await services.auth.authenticate(secret).catch((error: unknown) => {
      if (error instanceof StoreUnavailableError) throw error;
      request.log.error({ err: error }, 'key lookup failed');
      throw new StoreUnavailableError(services.database.store, 'the key lookup failed', { cause: error });
    });
    if (!record) throw new GatewayProblem(401, 'invalid_api_key', `unknown or revoked API key: ${HOW_TO}`);
    request.apiKey = record;
    if (scope) requireScope(record, scope);
    const quota = await services.quota.consume(record.id, record.quotaPerMinute);
    reply.header('x-ratelimit-limit', String(quota.limit));
    reply.header('x-ratelimit-remaining', String(Math.max(0, quota.remaining)));
    if (!quota.allowed) {
      services.metrics.quotaRejections.inc();
      const retryAfterSeconds = Math.max(1, Math.ceil(quota.resetMs / 1000));
      throw new GatewayProblem(
        429,
        'quota_exceeded',
        `this key is over its quota of ${quota.limit} requests per minute: retry in ${retryAfterSeconds}s`,
        { retryAfterSeconds },
      );
    }
  };
}

/** 403 `missing_scope` unless the key has `scope` (for what a route needs beyond its own scope). */
export function requireScope(key: ApiKeyRecord, scope: KeyScope): void {
  if (key.scopes.includes(scope)) return;
  throw new GatewayProblem(
    403,
    'missing_scope',
    `this key lacks the ${scope} scope: the gateway's operator can add it (\`gamestash keys update ${key.name} --scope ${[...key.scopes, scope].join(',')}\`)`,
  );
}

/** Counts every answered request of an authenticated key, and its cache hits. */
export function countUsage(services: GatewayServices) {
  return async function count(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (request.apiKey)
      services.auth.recordUse(request.apiKey.id, reply.getHeader('x-gamestash-cache') === 'hit');
  };
}

/**
 * For `/docs` and `/openapi.json` when GAMESTASH_DOCS_REQUIRE_KEY is on: any active key, no
 * quota spent. Besides `x-api-key` and `api_key`, the key may come as the password of HTTP
 * Basic auth (any user name): a browser asks for it once and sends it with every request of
 * Swagger UI, which cannot add a header itself.
 */
export function requireKeyForDocs(services: GatewayServices) {
  return async function authenticateDocs(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const secret = docsKeyOf(request);
    const record = secret
      ? await services.auth.authenticate(secret).catch((error: unknown) => {
          request.log.error({ err: error }, 'key store unavailable');
          throw new GatewayProblem(503, 'store_unavailable', 'the key store is unavailable: retry shortly');
        })
      : undefined;
    if (record) return;
    reply.header('www-authenticate', 'Basic realm="gamestash docs", charset="UTF-8"');
    throw new GatewayProblem(
      401,
      secret ? 'invalid_api_key' : 'missing_api_key',
      'the API documentation wants a gateway key: send it as x-api-key or api_key=..., or as the password when the browser asks',
    );
  };
}

function docsKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header) return header;
  const query = (request.query as Record<string, unknown> | undefined)?.api_key;
  if (typeof query === 'string' && query) return query;
  const authorization = request.headers.authorization ?? '';
  const [scheme = '', credentials = ''] = authorization.split(' ', 2);
  if (scheme.toLowerCase() === 'bearer') return credentials || undefined;
  if (scheme.toLowerCase() !== 'basic') return undefined;
  const decoded = Buffer.from(credentials, 'base64').toString();
  const colon = decoded.indexOf(':');
  return (colon < 0 ? decoded : decoded.slice(colon + 1)) || undefined;
}
