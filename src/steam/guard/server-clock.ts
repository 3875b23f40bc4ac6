/**
 * @module steam/guard/server-clock
 * Steam's clock as Steam Guard sees it: this machine's time plus an offset from
 * `ITwoFactorService/QueryTime` (UPSTREAM.md). Login codes and confirmation keys made with a
 * clock that is off are refused. The offset is kept for 12 hours, as node-steamcommunity
 * keeps it; concurrent callers share one request; `invalidate()` makes the next caller ask
 * again (after Steam refused a key, the offset may have drifted).
 */

export const SERVER_CLOCK_TTL_MS = 12 * 3_600_000;

export interface ServerClockOptions {
  /** Steam's time, Unix seconds (QueryTime's `server_time`). */
  query: (signal?: AbortSignal) => Promise<number>;
  /** This machine's clock, ms (tests may pass a fake one). */
  now?: () => number;
  ttlMs?: number;
  /** A known offset (seconds): no QueryTime at all. */
  fixedOffsetSeconds?: number;
}

export class SteamServerClock {
  private readonly query: ServerClockOptions['query'];
  private readonly now: () => number;
  private readonly ttlMs: number;
  private readonly fixed: number | undefined;
  private known: { offset: number; at: number } | undefined;
  private pending: Promise<number> | undefined;

  constructor(options: ServerClockOptions) {
    this.query = options.query;
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs ?? SERVER_CLOCK_TTL_MS;
    this.fixed = options.fixedOffsetSeconds;
  }

  /** Steam's clock minus this machine's, whole seconds. */
  async offset(signal?: AbortSignal): Promise<number> {
    if (this.fixed !== undefined) return this.fixed;
    if (this.known && this.now() - this.known.at < this.ttlMs) return this.known.offset;
    this.pending ??= this.query(signal)
      .then((serverTime) => {
        const at = this.now();
        // As steam-totp counts it: whole seconds on both sides, so equal clocks give 0.
        const offset = Math.round(serverTime) - Math.floor(at / 1000);
        this.known = { offset, at };
        return offset;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  /** Steam's time now, Unix seconds. */
  async seconds(signal?: AbortSignal): Promise<number> {
    const offset = await this.offset(signal);
    return Math.floor(this.now() / 1000) + offset;
  }

  /** Whether the offset was asked of Steam within the last `withinMs` (a fixed one counts as fresh). */
  isFresh(withinMs: number): boolean {
    if (this.fixed !== undefined) return true;
    return this.known !== undefined && this.now() - this.known.at < withinMs;
  }

  /** Forgets the offset: the next caller asks Steam again. */
  invalidate(): void {
    this.known = undefined;
  }
}
