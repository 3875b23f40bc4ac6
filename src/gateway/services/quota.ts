/**
 * @module gateway/services/quota
 * Per-key request quotas (requests per minute) on rate-limiter-flexible: in memory for one
 * instance, in Redis when configured so that every instance draws on the same budget. If
 * Redis fails, an in-memory limiter stands in (insurance) rather than refusing everyone.
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
  private readonly limiters = new Map<number, RateLimiterAbstract>();

  constructor(
    private readonly defaultPerMinute: number,
    private readonly redis?: Redis,
  ) {}

  async consume(keyId: string, perMinute: number | null): Promise<QuotaDecision> {
    const limit = perMinute ?? this.defaultPerMinute;
    try {
      const res = await this.limiter(limit).consume(keyId, 1);
      return { allowed: true, limit, remaining: res.remainingPoints, resetMs: res.msBeforeNext };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return { allowed: false, limit, remaining: 0, resetMs: rejection.msBeforeNext };
    }
  }

  private limiter(points: number): RateLimiterAbstract {
    let limiter = this.limiters.get(points);
    if (!limiter) {
      const options = { points, duration: 60, keyPrefix: `gamestash:quota:${points}` };
      limiter = this.redis
        ? new RateLimiterRedis({
            ...options,
            storeClient: this.redis,
            rejectIfRedisNotReady: true,
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterMemory(options);
      this.limiters.set(points, limiter);
    }
    return limiter;
  }
}
