/**
 * @module gateway/services/webhooks/queue
 * What the webhook service asks of a delivery queue, whichever it is: the store's own
 * (store-queue.ts, without Redis) or BullMQ (bullmq-queue.ts, with Redis). Either way the
 * store holds every delivery's state; the queue only decides when and where attempts run.
 */

export interface QueuedDelivery {
  id: string;
  webhookId: string;
  eventId: string;
  nextAttemptAt: number;
}

export interface DeliveryQueue {
  readonly kind: 'store' | 'bullmq';
  /** Starts working (after the gateway's services are built). */
  start(): void;
  /** Deliveries just written to the store: attempt them when due. */
  enqueue(deliveries: readonly QueuedDelivery[]): Promise<void>;
  /** A delivery made due again by hand. */
  redeliver(delivery: QueuedDelivery): Promise<void>;
  /** Stops taking work and waits (bounded) for attempts in flight. */
  close(): Promise<void>;
}
