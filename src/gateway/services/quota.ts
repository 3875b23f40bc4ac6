/**
 * @module gateway/services/quota
 * Per-key request quotas (requests per minute) on rate-limiter-flexible: in memory for one
 * instance, in Redis when configured so that every instance draws on the same budget. If
 * Redis fails, an in-memory limiter stands in (insurance) rather than refusing everyone:
 * while Redis is away each instance counts alone, so a key may get up to its quota on each.
 */
import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

export interface QuotaDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Milliseconds until the window has room again. */
  resetMs: number;
}

export class QuotaService {
  /** One limiter per distinct quota: rate-limiter-flexible fixes `points` per limiter. */
  private readonly limiters = new Map<number, { shared: RateLimiterAbstract; local: RateLimiterMemory }>();

  constructor(
    private readonly defaultPerMinute: number,
    private readonly redis?: Redis,
  ) {}

  async consume(keyId: string, perMinute: number | null): Promise<QuotaDecision> {
    const limit = perMinute ?? this.defaultPerMinute;
    const { shared, local } = this.limiter(limit);
    try {
      return await decide(shared, keyId, limit);
    } catch (error) {
      // Redis failed in a way the insurance limiter did not cover: count here, never refuse.
      if (shared === local) throw error;
      return decide(local, keyId, limit);
    }
  }

  private limiter(points: number) {
    let limiter = this.limiters.get(points);
    if (!limiter) {
      const options = { points, duration: 60, keyPrefix: `gamestash:quota:${points}` };
      const local = new RateLimiterMemory(options);
      const shared = this.redis
        ? new RateLimiterRedis({
            ...options,
            storeClient: this.redis,
            rejectIfRedisNotReady: true,
            insuranceLimiter: local,
          })
        : local;
      limiter = { shared, local };
      this.limiters.set(points, limiter);
    }
    return limiter;
  }
}

async function decide(limiter: RateLimiterAbstract, keyId: string, limit: number): Promise<QuotaDecision> {
  try {
    const res = await limiter.consume(keyId, 1);
    return { allowed: true, limit, remaining: res.remainingPoints, resetMs: res.msBeforeNext };
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return { allowed: false, limit, remaining: 0, resetMs: rejection.msBeforeNext };
  }
}
