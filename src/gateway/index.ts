/**
 * @module gateway
 * The inventory gateway: build it (`buildServer`) to embed or test it, or run it
 * (`startServer`) as `gamestash serve` does. The app plugin alone is `gatewayApp`.
 */
export { gatewayApp, type GatewayAppOptions } from './app.js';
export { loadGatewayConfig, type GatewayConfig, type GatewayOverrides } from './config.js';
export { buildServer, startServer, type BuildOptions, type RunningServer } from './server.js';
export { createGatewayServices, type GatewayServices, type GatewayExtras } from './services/index.js';
export {
  OPEN_ACCESS,
  scopedWebhookAccess,
  WEBHOOKS_WRITE_SCOPE,
  type WebhookAccess,
} from './services/webhooks/index.js';
export { GatewayProblem, type ErrorBody } from './problem.js';
export { StartupError } from './startup-error.js';
