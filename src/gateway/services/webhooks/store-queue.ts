/**
 * @module gateway/services/webhooks/store-queue
 * The delivery queue without Redis: pending deliveries in the store, claimed with a lease
 * (store/webhook-deliveries.ts) by a loop in each instance, up to `concurrency` attempts in
 * flight. It wakes when something is published here, when a retry it scheduled falls due, and
 * every `idleMs` otherwise (another instance's deliveries on a shared store, a crashed
 * instance's deliveries once their lease ran out).
 */
import type { FastifyBaseLogger } from 'fastify';
import type { WebhookDeliveryStore } from '../../../store/webhook-deliveries.js';
import { ClaimLoop } from './claim-loop.js';
import type { DeliveryDispatcher } from './dispatcher.js';
import type { DeliveryQueue, QueuedDelivery } from './queue.js';

export interface StoreQueueOptions {
  deliveries: WebhookDeliveryStore;
  dispatcher: DeliveryDispatcher;
  concurrency: number;
  leaseMs: number;
  idleMs?: number;
  /** How long close() waits for attempts in flight. */
  drainMs: number;
  log: FastifyBaseLogger;
}

export class StoreDeliveryQueue implements DeliveryQueue {
  readonly kind = 'store' as const;
  private readonly loop: ClaimLoop<Awaited<ReturnType<WebhookDeliveryStore['claimDue']>>[number]>;

  constructor(private readonly options: StoreQueueOptions) {
    this.loop = new ClaimLoop({
      name: 'webhook deliveries',
      concurrency: options.concurrency,
      idleMs: options.idleMs ?? 1_000,
      claim: (limit) => options.deliveries.claimDue(Date.now(), limit, options.leaseMs),
      run: async (claim) => {
        const record = await options.dispatcher.attempt(claim);
        return record.outcome === 'retry' ? record.nextAttemptAt : undefined;
      },
      log: options.log,
    });
  }

  start(): void {
    this.loop.wakeAt(Date.now());
  }

  async enqueue(deliveries: readonly QueuedDelivery[]): Promise<void> {
    if (deliveries.length > 0) this.loop.wakeAt(Math.min(...deliveries.map((d) => d.nextAttemptAt)));
  }

  async redeliver(): Promise<void> {
    this.loop.wakeAt(Date.now());
  }

  close(): Promise<void> {
    return this.loop.close(this.options.drainMs);
  }
}
