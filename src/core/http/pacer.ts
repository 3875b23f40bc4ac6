/**
 * @module core/http/pacer
 * Guarantees a minimum spacing between requests that share a key (an upstream host seen
 * from one egress route), however many callers ask at once. Each caller reserves the next
 * free slot synchronously, so concurrent callers line up instead of racing.
 */
import { QueueTimeoutError } from '../errors.js';

export interface Pacer {
  /**
   * Resolves when the caller may send. `intervalMs` is the spacing for this key.
   * Rejects with QueueTimeoutError when the slot is further away than `maxWaitMs`.
   */
  acquire(
    key: string,
    intervalMs: number,
    options?: { maxWaitMs?: number; signal?: AbortSignal },
  ): Promise<void>;
  /**
   * The request that `acquire` let go has just reached the wire: the spacing to the next send
   * counts from now, not from when its slot came (the two differ whenever the process was busy).
   */
  sent?(key: string, intervalMs: number): Promise<void> | void;
  /** Pushes the key's next free slot at least `ms` into the future (after a 429). */
  penalize(key: string, ms: number): Promise<void> | void;
  close?(): Promise<void> | void;
}

export class LocalPacer implements Pacer {
  private readonly nextFree = new Map<string, number>();
  /**
   * When each key last actually sent (its slot, then the moment its bytes reached the socket):
   * a timer that fired late, or a write that waited on a busy event loop, must not squeeze the
   * next one.
   */
  private readonly lastSent = new Map<string, number>();
  private readonly now: () => number;

  constructor(now: () => number = () => performance.now() + performance.timeOrigin) {
    this.now = now;
  }

  async acquire(key: string, intervalMs: number, options: { maxWaitMs?: number; signal?: AbortSignal } = {}) {
    if (intervalMs <= 0 && !this.nextFree.has(key)) return;
    const now = this.now();
    const slot = Math.max(now, this.nextFree.get(key) ?? 0);
    const wait = slot - now;
    if (options.maxWaitMs !== undefined && wait > options.maxWaitMs) {
      throw slotWaitTooLong(wait, options.maxWaitMs);
    }
    this.nextFree.set(key, slot + intervalMs);
    if (wait > 0) await sleep(wait, options.signal);
    // Timers fire late when the event loop is busy (parsing a large page): if the previous
    // send went out late, wait until a full interval has passed since it, and push the
    // queue behind us back by the same amount.
    for (;;) {
      const since = this.now() - (this.lastSent.get(key) ?? -Infinity);
      if (since >= intervalMs) break;
      const shortfall = intervalMs - since;
      this.nextFree.set(key, Math.max(this.nextFree.get(key) ?? 0, this.now() + shortfall + intervalMs));
      await sleep(shortfall, options.signal);
    }
    this.lastSent.set(key, this.now());
  }

  sent(key: string): void {
    this.lastSent.set(key, Math.max(this.lastSent.get(key) ?? 0, this.now()));
  }

  penalize(key: string, ms: number): void {
    const until = this.now() + ms;
    if ((this.nextFree.get(key) ?? 0) < until) this.nextFree.set(key, until);
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** What both pacers throw when the next slot is further off than the caller will wait. */
export function slotWaitTooLong(waitMs: number, allowedMs: number): QueueTimeoutError {
  return new QueueTimeoutError(
    `waited too long for an upstream slot (${Math.ceil(waitMs)} ms needed, ${allowedMs} ms allowed)`,
    { code: 'pacing_timeout', waitMs },
  );
}
