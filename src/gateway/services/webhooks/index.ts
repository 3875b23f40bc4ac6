/**
 * @module gateway/services/webhooks
 * Builds the gateway's webhooks from its config: the sender, the queue (BullMQ when Redis is
 * configured, the store's own otherwise), the service that publishes and manages them, and
 * the watched-inventory poller that publishes `inventoryChanged`.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { StoreDatabase } from '../../../store/database.js';
import { InventoryWatchStore } from '../../../store/inventory-watches.js';
import type { SnapshotStore } from '../../../store/snapshots.js';
import { WebhookDeliveryStore } from '../../../store/webhook-deliveries.js';
import { WebhookStore } from '../../../store/webhooks.js';
import { WebhookSender } from '../../../webhooks/sender.js';
import type { GatewayConfig } from '../../config.js';
import type { InventoryService } from '../inventory-service.js';
import type { GatewayMetrics } from '../metrics.js';
import { OPEN_ACCESS, type WebhookAccess } from './access.js';
import { BullDeliveryQueue } from './bullmq-queue.js';
import { DeliveryDispatcher } from './dispatcher.js';
import { InventoryWatches } from './inventory-watches.js';
import type { DeliveryQueue } from './queue.js';
import { WebhookService } from './service.js';
import { StoreDeliveryQueue } from './store-queue.js';

export { OPEN_ACCESS, scopedWebhookAccess, WEBHOOKS_WRITE_SCOPE, type WebhookAccess } from './access.js';
export { WebhookService } from './service.js';
export { InventoryWatches } from './inventory-watches.js';

/** A delivery attempt's lease: the attempt's timeout, and room to write its result. */
export function deliveryLeaseMs(timeoutMs: number): number {
  return timeoutMs * 2 + 1_000;
}

export interface WebhookServices {
  webhooks: WebhookService;
  watches: InventoryWatches;
  queue: DeliveryQueue;
  /** Starts delivering and polling (once the gateway is built). */
  start(): void;
  close(): Promise<void>;
}

export interface WebhookDeps {
  database: StoreDatabase;
  inventory: InventoryService;
  snapshots: SnapshotStore;
  metrics: GatewayMetrics;
  log: FastifyBaseLogger;
  /** Scope and account checks (the trading gateway's); every key may, until then. */
  access?: WebhookAccess;
  /** BullMQ's Redis key prefix (tests). */
  queuePrefix?: string;
}

const PURGE_EVERY_MS = 3_600_000;
/** Settled deliveries (and events no delivery points to) are kept this long in the log. */
export const DELIVERY_LOG_RETENTION_MS = 30 * 86_400_000;

export function createWebhookServices(config: GatewayConfig, deps: WebhookDeps): WebhookServices {
  const { database, log } = deps;
  const settings = config.webhooks;
  const policy = { baseMs: settings.retryBaseMs, maxMs: settings.retryMaxMs, forMs: settings.retryForMs };
  const deliveries = new WebhookDeliveryStore(database.db);
  const sender = new WebhookSender({ timeoutMs: settings.timeoutMs, allowPrivate: settings.allowPrivate });
  const dispatcher = new DeliveryDispatcher(deliveries, sender, policy, log, deps.metrics);
  const leaseMs = deliveryLeaseMs(settings.timeoutMs);
  const drainMs = settings.timeoutMs + 1_000;
  const common = { deliveries, dispatcher, concurrency: settings.concurrency, leaseMs, drainMs, log };
  const queue: DeliveryQueue = config.redisUrl
    ? new BullDeliveryQueue({
        ...common,
        redisUrl: config.redisUrl,
        prefix: deps.queuePrefix,
        // One indexed query: often enough that a job lost with Redis waits little longer than a lease.
        sweepEveryMs: Math.max(leaseMs, 1_000),
      })
    : new StoreDeliveryQueue(common);
  const webhooks = new WebhookService({
    store: new WebhookStore(database.db),
    deliveries,
    queue,
    access: deps.access ?? OPEN_ACCESS,
    policy,
    allowPrivate: settings.allowPrivate,
    log,
  });
  const watches = new InventoryWatches({
    watches: new InventoryWatchStore(database.db),
    snapshots: deps.snapshots,
    inventory: deps.inventory,
    webhooks,
    language: config.core.steam.language,
    leaseMs: config.watches.leaseMs,
    metrics: deps.metrics,
    log,
  });
  let purgeTimer: NodeJS.Timeout | undefined;
  return {
    webhooks,
    watches,
    queue,
    start() {
      queue.start();
      watches.start();
      const purge = () =>
        void deliveries
          .purge(Date.now() - DELIVERY_LOG_RETENTION_MS)
          .catch((err: unknown) => log.warn({ err }, 'webhook log purge failed'));
      purgeTimer = setInterval(purge, PURGE_EVERY_MS);
      purgeTimer.unref();
    },
    async close() {
      clearInterval(purgeTimer);
      await watches.close(drainMs);
      await queue.close();
      await sender.close();
    },
  };
}
