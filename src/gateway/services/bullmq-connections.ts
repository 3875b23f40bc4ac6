/**
 * @module gateway/services/bullmq-connections
 * What the gateway's BullMQ users (the price refresh, webhook deliveries) share: Redis
 * connections made the way BullMQ needs them, a bounded wait, and a close that cannot hang
 * on a Redis that is gone.
 */
import type { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { registerSecret } from '../../core/http/redact.js';

/** A connection for a BullMQ queue or worker; its errors are the caller's to report, not thrown. */
export function bullConnection(redisUrl: string): Redis {
  try {
    const password = new URL(redisUrl).password;
    if (password) registerSecret(decodeURIComponent(password));
  } catch {
    /* connectRedis has already refused a bad URL */
  }
  // BullMQ's blocking worker needs maxRetriesPerRequest: null, unlike the gateway's own connection.
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
  redis.on('error', () => undefined);
  return redis;
}

/** Waits for a close at most a few seconds: shutdown must not hang on a dead Redis. */
export async function bounded(closing: Promise<unknown>, ms = 3_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    closing.catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, ms))),
  ]).finally(() => clearTimeout(timer));
}

/** Closes a worker (given `drainMs` to finish its jobs), its queue and their connections. */
export async function closeBull(parts: {
  worker: Worker | undefined;
  queue: Queue;
  connections: readonly Redis[];
  drainMs?: number;
}): Promise<void> {
  const { worker, queue, connections } = parts;
  // With Redis gone, BullMQ's close would wait for it forever: cut the connections first.
  const live = connections.every((r) => r.status === 'ready' || r.status === 'wait');
  if (!live) for (const redis of connections) redis.disconnect();
  await bounded(worker?.close(!live) ?? Promise.resolve(), parts.drainMs);
  await bounded(queue.close());
  for (const redis of connections) {
    if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
    else redis.disconnect();
  }
}
