/**
 * @module gateway/services/webhooks/claim-loop
 * A worker loop over work claimed from the store with leases (deliveries, watched
 * inventories): claim up to the free slots, run each, claim again as slots free up. It wakes
 * when told (`wakeAt`), when a run asks to (a retry falling due), and every `idleMs` anyway
 * (work written by another instance on a shared store, or a crashed one's lease running out).
 */
import type { FastifyBaseLogger } from 'fastify';
import { StoreUnavailableError } from '../../../core/errors.js';

export interface ClaimLoopOptions<T> {
  name: string;
  concurrency: number;
  idleMs: number;
  /** Claims up to `limit` items due now. */
  claim: (limit: number) => Promise<T[]>;
  /** Runs one item; may return when the loop should look again (e.g. a retry's time). */
  run: (item: T) => Promise<number | undefined>;
  log: FastifyBaseLogger;
}

export class ClaimLoop<T> {
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private pumping: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(private readonly options: ClaimLoopOptions<T>) {}

  get running(): number {
    return this.inFlight.size;
  }

  wakeAt(at: number): void {
    if (this.closed || at >= this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timerAt = Infinity;
        void this.pump();
      },
      Math.max(0, at - Date.now()),
    );
    this.timer.unref();
  }

  private pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return this.pumping;
    }
    this.pumping = this.claimWhileFree().finally(() => {
      this.pumping = undefined;
    });
    return this.pumping;
  }

  private async claimWhileFree(): Promise<void> {
    try {
      do {
        this.again = false;
        while (!this.closed) {
          const free = this.options.concurrency - this.inFlight.size;
          if (free <= 0) break;
          const claimed = await this.options.claim(free);
          for (const item of claimed) this.launch(item);
          if (claimed.length < free) break;
        }
      } while (this.again && !this.closed);
    } catch (err) {
      // A store that is away is logged once, where its loss is noticed: not every second here.
      // Closing, the store may go first: a claim cut short then is no news either.
      if (!(err instanceof StoreUnavailableError) && !this.closed)
        this.options.log.warn({ err }, `${this.options.name}: could not claim work (trying again shortly)`);
    }
    // When full, a finishing run pumps again; otherwise look again after a while.
    if (this.inFlight.size < this.options.concurrency) this.wakeAt(Date.now() + this.options.idleMs);
  }

  private launch(item: T): void {
    const running = this.options
      .run(item)
      .then((at) => {
        if (at !== undefined) this.wakeAt(at);
      })
      .catch((err: unknown) => {
        // Its lease runs out and the item is claimed again: nothing is lost.
        const quiet = err instanceof StoreUnavailableError ? err.message : err;
        this.options.log.warn({ err: quiet }, `${this.options.name}: a run failed (its lease will run out)`);
      })
      .finally(() => {
        this.inFlight.delete(running);
        // Claim again once half the slots are free: one claim per batch, not per finished run.
        if (!this.closed && this.inFlight.size <= this.options.concurrency / 2) void this.pump();
      });
    this.inFlight.add(running);
  }

  /** Stops claiming and waits up to `drainMs` for runs in flight. */
  async close(drainMs: number): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      // A claim under way finishes (or fails) before the store it reads closes.
      Promise.allSettled([...this.inFlight, ...(this.pumping ? [this.pumping] : [])]),
      new Promise((resolve) => (timer = setTimeout(resolve, drainMs))),
    ]).finally(() => clearTimeout(timer));
  }
}
