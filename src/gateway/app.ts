/**
 * @module gateway/app
 * The gateway as a Fastify plugin: services as a decorator, shared schemas, the one error
 * handler, compression, CORS, metrics, the OpenAPI document and the routes. Listening,
 * logging and signals live in server.ts, so tests can build the app and `inject` or listen
 * on a free port.
 */
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import type { ApiKeyRecord } from '../store/api-keys.js';
import { countUsage, requireKeyForDocs } from './plugins/auth.js';
import { corsOptions } from './plugins/cors.js';
import { registerErrorHandling } from './plugins/errors.js';
import { countRequests, metricsRoute } from './plugins/metrics.js';
import { registerOpenApi } from './plugins/openapi.js';
import { healthRoutes } from './routes/health.js';
import { homeRoutes } from './routes/home.js';
import { inventoryRoutes } from './routes/inventory.js';
import { methodNotAllowed } from './routes/method-not-allowed.js';
import { robloxRoutes } from './routes/roblox.js';
import { v1InventoryRoutes } from './routes/v1-inventory.js';
import { webApiRoutes } from './routes/webapi.js';
import { webApiPlayerRoutes } from './routes/webapi-players.js';
import { v1ValueRoutes } from './routes/v1-value.js';
import { v1ItemRoutes } from './routes/v1-item.js';
import { steamIconRoutes } from './routes/steam-icons.js';
import { inventoryWatchRoutes } from './routes/inventory-watch.js';
import { webhookRoutes } from './routes/webhooks.js';
import { tradingAccountRoutes } from './routes/trading-accounts.js';
import { tradingConfirmationRoutes } from './routes/trading-confirmations.js';
import { tradingInventoryRoutes } from './routes/trading-inventory.js';
import { tradingOfferRoutes } from './routes/trading-offers.js';
import { ErrorBody } from './schemas/common.js';
import { InventoryItemSchema } from './schemas/v1-inventory.js';
import { MoneySchema } from './schemas/v1-value.js';
import type { GatewayServices } from './services/index.js';
import { viewerRoutes } from './viewer/route.js';

declare module 'fastify' {
  interface FastifyInstance {
    services: GatewayServices;
    /** True once shutdown began: answers then close their connection. */
    shuttingDown?: () => boolean;
  }
  interface FastifyRequest {
    /** The caller's key, once the auth hook accepted it. */
    apiKey: ApiKeyRecord | null;
  }
}

export interface GatewayAppOptions {
  services: GatewayServices;
}

export async function gatewayApp(fastify: FastifyInstance, options: GatewayAppOptions): Promise<void> {
  const { services } = options;
  if (!fastify.hasDecorator('services')) fastify.decorate('services', services);
  fastify.decorateRequest('apiKey', null);
  fastify.addSchema(ErrorBody);
  fastify.addSchema(InventoryItemSchema);
  fastify.addSchema(MoneySchema);
  registerErrorHandling(fastify);
  const { config } = services;
  // Every answer for callers that accept it (gzip, br, deflate), from 1 KB up; `/inventory`
  // opts out: it sends bytes gzipped once per cache entry itself. Before any route, since the
  // plugin attaches itself to routes as they are added. Request bodies are never compressed
  // here (every route is a GET): no decompression hook on every request.
  await fastify.register(compress, { threshold: 1024, globalDecompression: false });
  if (config.corsOrigins.length > 0) await fastify.register(cors, corsOptions(config.corsOrigins));
  await registerOpenApi(fastify, config.docsRequireKey ? { guard: requireKeyForDocs(services) } : {});
  countRequests(fastify, services.metrics);
  if (config.metricsPort === undefined) {
    metricsRoute(fastify, services.metrics, config.metricsToken);
    methodNotAllowed(fastify, '/metrics');
  }
  fastify.addHook('onResponse', countUsage(services));

  await fastify.register(homeRoutes);
  await fastify.register(healthRoutes);
  await fastify.register(inventoryRoutes);
  await fastify.register(v1InventoryRoutes);
  await fastify.register(v1ValueRoutes);
  await fastify.register(inventoryWatchRoutes);
  await fastify.register(webhookRoutes);
  await fastify.register(robloxRoutes);
  await fastify.register(webApiRoutes);
  await fastify.register(webApiPlayerRoutes);
  await fastify.register(v1ItemRoutes);
  await fastify.register(steamIconRoutes);
  await fastify.register(tradingAccountRoutes);
  await fastify.register(tradingOfferRoutes);
  await fastify.register(tradingConfirmationRoutes);
  await fastify.register(tradingInventoryRoutes);
  await fastify.register(viewerRoutes);
  methodNotAllowed(fastify, '/openapi.json');
}
