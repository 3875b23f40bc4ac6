/**
 * @module emulator/roblox/rate-limit
 * Roblox's budgets: 100 requests/min per API-key owner, shared by all of that owner's keys, and
 * 20/min per OAuth2 token (seed 003). Modelled as token buckets refilling at the per-minute rate;
 * `burst` (default: a minute's worth) bounds how many may go back to back, so benchmarks can
 * demand near-exact pacing. Every answer carries `x-ratelimit-limit/remaining/reset`.
 */

export interface BucketDecision {
  allowed: boolean;
  headers: Record<string, string>;
  /** Time until the next request would be allowed, when refused. */
  waitMs: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  take(key: string, perMinute: number, burst: number = perMinute): BucketDecision {
    const now = this.now();
    const capacity = Math.max(1, burst);
    const perMs = perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, updatedAt: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedAt) * perMs);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    const waitMs = allowed ? 0 : (1 - bucket.tokens) / perMs;
    const resetMs = (capacity - bucket.tokens) / perMs;
    return {
      allowed,
      waitMs,
      headers: {
        'x-ratelimit-limit': String(perMinute),
        'x-ratelimit-remaining': String(Math.max(0, Math.floor(bucket.tokens))),
        'x-ratelimit-reset': String(Math.ceil(resetMs / 1000)),
      },
    };
  }

  reset(): void {
    this.buckets.clear();
  }
}
