/**
 * @module steam/market/patience
 * Long price passes (hundreds of market pages at ~20 a minute) wait out a rate-limit
 * cool-down instead of throwing away what they read: the transport has already held the
 * pacing key back, so sleeping that long and asking again is what Steam wants. Bounded, so
 * a ban of hours still ends the pass.
 */
import { QueueTimeoutError, RateLimitError } from '../../core/errors.js';
import { sleep } from '../../core/http/pacer.js';

export class Patience {
  private waited = 0;

  /** @param budgetMs Total time this pass may spend waiting out rate limits. */
  constructor(
    private readonly budgetMs: number,
    private readonly signal?: AbortSignal,
  ) {}

  async run<T>(attempt: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await attempt();
      } catch (error) {
        const wait = waitOf(error);
        if (wait === undefined || this.waited + wait > this.budgetMs) throw error;
        this.waited += wait;
        await sleep(wait, this.signal);
      }
    }
  }
}

function waitOf(error: unknown): number | undefined {
  if (error instanceof RateLimitError) return error.retryAfterMs ?? 60_000;
  if (error instanceof QueueTimeoutError) return error.waitMs;
  return undefined;
}
