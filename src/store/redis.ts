/**
 * @module store/redis
 * The optional Redis connection (GAMESTASH_REDIS_URL): shared pacing, quotas and
 * cross-instance single flight. Without it, each of those works within one process.
 */
import { Redis } from 'ioredis';
import { redactUrl, registerSecret } from '../core/http/redact.js';

export async function connectRedis(url: string): Promise<Redis> {
  try {
    registerSecret(decodeURIComponent(new URL(url).password));
  } catch {
    throw new Error(`GAMESTASH_REDIS_URL must be a redis:// URL, got ${redactUrl(url)}`);
  }
  const redis = new Redis(url, {
    lazyConnect: true,
    // Fail fast while disconnected instead of queueing: callers fall back (local single
    // flight, in-memory quota) or answer a clear 503, rather than hang until Redis returns.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 2_000,
    // Keep reconnecting in the background, at most every 2 s.
    retryStrategy: (times) => Math.min(times * 100, 2_000),
  });
  // ioredis reports connection trouble as 'error' events; commands fail on their own.
  redis.on('error', () => undefined);
  await redis.connect();
  return redis;
}

export type { Redis };
