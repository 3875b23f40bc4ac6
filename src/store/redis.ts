/**
 * @module store/redis
 * The optional Redis connection (GAMESTASH_REDIS_URL): shared pacing, quotas and
 * cross-instance single flight. Without it, each of those works within one process.
 *
 * At start the connection is tried once: a wrong URL, password or port must stop the
 * process with a clear line, not leave it retrying forever behind a vague "Connection is
 * closed.". Once connected, a lost connection is retried in the background for as long as it
 * takes, and the listener hears once when Redis is lost and once when it is back.
 */
import { Redis } from 'ioredis';
import { StoreUnavailableError } from '../core/errors.js';
import { redactUrl, registerSecret } from '../core/http/redact.js';
import { describeStoreFailure, storeUnavailable, type AvailabilityListener } from './failures.js';

const STORE = 'Redis';

export interface RedisOptions {
  onAvailability?: AvailabilityListener;
}

export async function connectRedis(url: string, options: RedisOptions = {}): Promise<Redis> {
  const location = redactUrl(url);
  let protocol = '';
  try {
    const parsed = new URL(url);
    protocol = parsed.protocol;
    registerSecret(decodeURIComponent(parsed.password));
  } catch {
    /* reported below */
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:') {
    throw new StoreUnavailableError(STORE, 'the URL must start with redis:// or rediss://', { location });
  }
  let started = false;
  let lastError: unknown;
  const redis = new Redis(url, {
    lazyConnect: true,
    // Fail fast while disconnected instead of queueing: callers fall back (local single
    // flight, in-memory quota) or answer a clear 503, rather than hang until Redis returns.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 2_000,
    connectTimeout: 5_000,
    // Once running, keep reconnecting in the background, at most every 2 s; at start, not at all.
    retryStrategy: (times) => (started ? Math.min(times * 100, 2_000) : null),
  });
  // ioredis reports connection trouble as 'error' events; commands fail on their own.
  redis.on('error', (error: unknown) => {
    lastError = error;
  });
  try {
    await redis.connect();
  } catch (error) {
    // Nothing may stay open: the process must be able to exit on this failure.
    redis.disconnect();
    throw storeUnavailable(STORE, lastError ?? error, location);
  }
  started = true;
  lastError = undefined;
  watchAvailability(
    redis,
    options.onAvailability,
    () => lastError,
    () => (lastError = undefined),
  );
  return redis;
}

function watchAvailability(
  redis: Redis,
  listener: AvailabilityListener | undefined,
  last: () => unknown,
  forget: () => void,
) {
  if (!listener) return;
  let lost = false;
  // 'reconnecting', not 'close': a close we asked for (shutdown) schedules no reconnection.
  redis.on('reconnecting', () => {
    if (lost) return;
    lost = true;
    listener(false, describeStoreFailure(STORE, last() ?? new Error('Connection is closed.')));
  });
  redis.on('ready', () => {
    forget();
    if (!lost) return;
    lost = false;
    listener(true);
  });
}

export type { Redis };
