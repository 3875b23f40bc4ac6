/**
 * @module gateway/services/price-refresh
 * When the background price refresh runs. One instance: a timer in this process. Several
 * instances on one Redis: a BullMQ job scheduler fires one job per interval and exactly one
 * instance's worker takes it, so the upstream budget is not spent once per instance.
 */
import { Queue, Worker } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import { PriceRefreshTimer } from '../../steam/market/refresh.js';
import { bounded, bullConnection, closeBull } from './bullmq-connections.js';

export const PRICE_REFRESH_QUEUE = 'gamestash-price-refresh';

export interface PriceRefreshScheduler {
  kind: 'timer' | 'bullmq';
  close(): Promise<void>;
}

export interface PriceRefreshOptions {
  redisUrl?: string | undefined;
  everyMs: number;
  /** One round of refreshing; `job` names the BullMQ job that asked (for logs and tests). */
  run: (signal: AbortSignal, job: string) => Promise<void>;
  log: FastifyBaseLogger;
  /** Redis key prefix (tests keep instances of one test apart from others). */
  prefix?: string;
}

export async function startPriceRefresh(options: PriceRefreshOptions): Promise<PriceRefreshScheduler> {
  if (!options.redisUrl) {
    let round = 0;
    const timer = new PriceRefreshTimer((signal) => options.run(signal, `timer-${++round}`), options.everyMs);
    timer.start();
    return { kind: 'timer', close: () => timer.stop() };
  }
  const queueConnection = bullConnection(options.redisUrl);
  const workerConnection = bullConnection(options.redisUrl);
  const prefix = options.prefix ?? 'bull';
  const queue = new Queue(PRICE_REFRESH_QUEUE, { connection: queueConnection, prefix });
  const abort = new AbortController();
  const worker = new Worker(
    PRICE_REFRESH_QUEUE,
    async (job) => {
      await options.run(abort.signal, job.id ?? job.name);
    },
    { connection: workerConnection, prefix, concurrency: 1 },
  );
  worker.on('failed', (job, err) => options.log.warn({ err, job: job?.id }, 'price refresh failed'));
  worker.on('error', (err) => options.log.warn({ err }, 'price refresh worker trouble'));
  // Every instance upserts the same scheduler: one job per interval, whoever asked. Redis gone
  // at this moment must not hold the gateway's start: the other instances' scheduler fires anyway.
  const scheduled = queue
    .upsertJobScheduler(
      'refresh-due-prices',
      { every: options.everyMs },
      {
        name: 'refresh',
        opts: { removeOnComplete: 100, removeOnFail: 100 },
      },
    )
    .then(
      () => true,
      () => false,
    );
  if (!(await Promise.race([scheduled, bounded(scheduled, 5_000).then(() => false)]))) {
    options.log.warn(
      'could not schedule the background price refresh in Redis: this instance only works off jobs',
    );
  }
  return {
    kind: 'bullmq',
    async close() {
      abort.abort();
      await closeBull({ worker, queue, connections: [queueConnection, workerConnection] });
    },
  };
}
