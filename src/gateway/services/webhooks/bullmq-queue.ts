/**
 * @module gateway/services/webhooks/bullmq-queue
 * The delivery queue with Redis: one BullMQ queue shared by every instance, one job per
 * (webhook, event) — its id is made of both, so an event is enqueued once per webhook
 * however often it is published. A worker in each instance takes jobs; a failed attempt
 * moves its job to the delayed set until the next attempt (the same job, the same event id).
 * The store stays the record of each delivery (claimed under a lease here too, so a job run
 * twice — a stalled job taken over — never sends twice at once). A job lost with Redis (a
 * restart without persistence, a crash between the store's commit and the enqueue) is found
 * by the sweep: pending deliveries overdue and unleased are enqueued again (ids dedupe).
 */
import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import type { WebhookDeliveryStore } from '../../../store/webhook-deliveries.js';
import type { DeliveryDispatcher } from './dispatcher.js';
import type { DeliveryQueue, QueuedDelivery } from './queue.js';
import { bullConnection, closeBull } from '../bullmq-connections.js';

export const WEBHOOK_QUEUE = 'gamestash-webhooks';

export interface BullQueueOptions {
  redisUrl: string;
  deliveries: WebhookDeliveryStore;
  dispatcher: DeliveryDispatcher;
  concurrency: number;
  leaseMs: number;
  /** How often the store is swept for deliveries whose job was lost. */
  sweepEveryMs?: number;
  drainMs: number;
  log: FastifyBaseLogger;
  /** Redis key prefix (tests keep runs apart). */
  prefix?: string;
}

interface DeliveryJob {
  deliveryId: string;
}

/**
 * `${webhookId}/${eventId}`: BullMQ refuses `:` in custom job ids (it reserves them for its
 * repeatable jobs), so `:` and `%` in event ids are percent-encoded (still one id per pair).
 */
export function deliveryJobId(webhookId: string, eventId: string): string {
  return `${webhookId}/${eventId.replace(/%/g, '%25').replace(/:/g, '%3A')}`;
}

export class BullDeliveryQueue implements DeliveryQueue {
  readonly kind = 'bullmq' as const;
  private readonly connections: Redis[];
  private readonly queue: Queue<DeliveryJob>;
  private worker: Worker<DeliveryJob> | undefined;
  private sweeper: NodeJS.Timeout | undefined;
  private readonly prefix: string;

  constructor(private readonly options: BullQueueOptions) {
    this.connections = [bullConnection(options.redisUrl), bullConnection(options.redisUrl)];
    this.prefix = options.prefix ?? 'bull';
    this.queue = new Queue<DeliveryJob>(WEBHOOK_QUEUE, {
      connection: this.connections[0]!,
      prefix: this.prefix,
    });
    this.queue.on('error', () => undefined);
  }

  start(): void {
    const { options } = this;
    this.worker = new Worker<DeliveryJob>(WEBHOOK_QUEUE, (job, token) => this.process(job, token), {
      connection: this.connections[1]!,
      prefix: this.prefix,
      concurrency: options.concurrency,
      // A crashed instance's jobs are taken over once their lock runs out (stalled jobs).
      lockDuration: options.leaseMs,
      stalledInterval: options.leaseMs,
      maxStalledCount: 1_000,
    });
    this.worker.on('error', (err) => options.log.warn({ err }, 'webhook worker trouble'));
    this.worker.on('failed', (job, err) =>
      options.log.warn({ err, job: job?.id }, 'webhook job failed (the sweep enqueues it again)'),
    );
    const sweep = () =>
      void this.sweep().catch((err: unknown) => options.log.warn({ err }, 'webhook sweep failed'));
    sweep();
    this.sweeper = setInterval(sweep, options.sweepEveryMs ?? 30_000);
    this.sweeper.unref();
  }

  private async process(job: Job<DeliveryJob>, token: string | undefined): Promise<void> {
    const { deliveries, dispatcher, leaseMs } = this.options;
    const claim = await deliveries.claimById(job.data.deliveryId, Date.now(), leaseMs);
    if ('reason' in claim) {
      // Deleted, or already settled (by a run of this job before a crash): nothing to do.
      if (claim.reason !== 'leased') return;
      // Another worker holds it (a stalled job taken over while the first attempt runs on).
      await job.moveToDelayed(claim.leaseUntil + 10, token);
      throw new DelayedError();
    }
    const record = await dispatcher.attempt(claim);
    if (record.outcome === 'retry') {
      await job.moveToDelayed(record.nextAttemptAt, token);
      throw new DelayedError();
    }
  }

  async enqueue(deliveries: readonly QueuedDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    const now = Date.now();
    await this.queue.addBulk(
      deliveries.map((d) => ({
        name: 'deliver',
        data: { deliveryId: d.id },
        opts: {
          jobId: deliveryJobId(d.webhookId, d.eventId),
          delay: Math.max(0, d.nextAttemptAt - now),
          removeOnComplete: true,
          removeOnFail: true,
          // Only for trouble in the worker itself (the store away): delivery retries are ours.
          attempts: 5,
          backoff: { type: 'exponential', delay: 1_000 },
        },
      })),
    );
  }

  async redeliver(delivery: QueuedDelivery): Promise<void> {
    const job = await this.queue.getJob(deliveryJobId(delivery.webhookId, delivery.eventId));
    if (job) {
      const state = await job.getState();
      if (state === 'delayed') return void (await job.promote().catch(() => undefined));
      // Waiting or running: it will see the delivery as it is now.
      if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return;
      await job.remove().catch(() => undefined);
    }
    await this.enqueue([{ ...delivery, nextAttemptAt: Date.now() }]);
  }

  /** Enqueues pending deliveries that are overdue and unleased: their job was lost. */
  async sweep(): Promise<number> {
    const lost = await this.options.deliveries.overdue(Date.now(), this.options.leaseMs, 1_000);
    await this.enqueue(lost.map((d) => ({ ...d, nextAttemptAt: Date.now() })));
    return lost.length;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await closeBull({
      worker: this.worker,
      queue: this.queue,
      connections: this.connections,
      drainMs: this.options.drainMs,
    });
  }
}
