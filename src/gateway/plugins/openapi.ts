/**
 * @module gateway/plugins/openapi
 * The OpenAPI document (built from the route schemas, so it cannot drift from what is
 * validated) at `/openapi.json`, and Swagger UI at `/docs`; both behind a gateway key when
 * GAMESTASH_DOCS_REQUIRE_KEY is on.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';

export async function registerOpenApi(
  fastify: FastifyInstance,
  options: { guard?: onRequestAsyncHookHandler } = {},
): Promise<void> {
  const { guard } = options;
  await fastify.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'gamestash gateway',
        version: '0.1.0',
        description:
          'Steam inventories, cached and paced. Errors are always `{status, error: {code, message}}`. ' +
          'Pass your key as `api_key` or the `x-api-key` header.',
      },
      components: {
        securitySchemes: {
          apiKeyQuery: { type: 'apiKey', in: 'query', name: 'api_key' },
          apiKeyHeader: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        },
      },
      tags: [
        { name: 'inventory', description: 'Steam inventories' },
        {
          name: 'steam-webapi',
          description: "The Steam Web API with the gateway's own key: typed player routes and any GET method",
        },
        {
          name: 'webhooks',
          description: 'Signed event deliveries to your URLs, their log, and watched inventories',
        },
        {
          name: 'trading',
          description:
            "A registered Steam account's offers, confirmations and own inventory (keys need the route's scope and the account)",
        },
        { name: 'operations', description: 'Health, readiness and metrics' },
      ],
    },
    // Keep shared schemas under their own names (ErrorBody, InventoryItem) in the document.
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await fastify.register(swaggerUi, {
    routePrefix: '/docs',
    ...(guard ? { uiHooks: { onRequest: guard } } : {}),
  });
  fastify.get('/openapi.json', { schema: { hide: true }, ...(guard ? { onRequest: guard } : {}) }, async () =>
    fastify.swagger(),
  );
}
