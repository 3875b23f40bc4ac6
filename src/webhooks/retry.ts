/**
 * @module webhooks/retry
 * When a failed delivery is tried again: exponential backoff from the first wait
 * (GAMESTASH_WEBHOOK_RETRY_BASE_MS), doubling with jitter up to a cap, until the delivery's
 * horizon (a day by default) has passed; then it is given up (a manual redelivery still works).
 */
import { backoffDelay } from '../core/http/backoff.js';

export interface RetryPolicy {
  /** The first wait after a failure. */
  baseMs: number;
  /** The longest wait between two attempts. */
  maxMs: number;
  /** How long after its first attempt (or a redelivery) a delivery is retried. */
  forMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 10_000,
  maxMs: 3_600_000,
  forMs: 86_400_000,
};

/**
 * When to try again after the `failures`-th failure in a row (1 for the first), or undefined
 * when that would be past `giveUpAt`. Waits are drawn from [d/2, d] with d = base * 2^(n-1)
 * (capped): each wait is at least as long as the one before, and instances retrying many
 * deliveries at once spread out.
 */
export function nextAttemptAt(
  policy: RetryPolicy,
  failures: number,
  now: number,
  giveUpAt: number,
  random: () => number = Math.random,
): number | undefined {
  const at =
    now +
    backoffDelay(Math.max(0, failures - 1), {
      baseDelayMs: policy.baseMs,
      maxDelayMs: policy.maxMs,
      random,
    });
  return at > giveUpAt ? undefined : at;
}
