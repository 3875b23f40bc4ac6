/**
 * @module emulator/steam/webapi/limits
 * The Web API's two limits. A per-key daily budget (UPSTREAM.md: the terms allow 100,000
 * calls a day per key), counted per UTC day; and GetPlayerSummaries' burst 429s (since
 * about 2025-05), here at most N calls per key in a fixed window so tests can force them.
 */
import type { WebApiBurstScenario } from './scenario.js';

const DAY_MS = 86_400_000;

export class DailyBudget {
  private readonly used = new Map<string, { day: number; calls: number }>();
  refused = 0;

  constructor(
    private readonly perDay: number,
    private readonly now: () => number,
  ) {}

  /** Counts a call; false once the key has spent its day. */
  take(key: string): boolean {
    const day = Math.floor(this.now() / DAY_MS);
    let entry = this.used.get(key);
    if (!entry || entry.day !== day) {
      entry = { day, calls: 0 };
      this.used.set(key, entry);
    }
    if (entry.calls >= this.perDay) {
      this.refused++;
      return false;
    }
    entry.calls++;
    return true;
  }

  reset(): void {
    this.used.clear();
    this.refused = 0;
  }
}

export class BurstLimiter {
  private readonly windows = new Map<string, { start: number; calls: number }>();
  refused = 0;

  constructor(
    private readonly config: WebApiBurstScenario,
    private readonly now: () => number,
  ) {}

  take(key: string): boolean {
    if (this.config.requests <= 0) return true;
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.config.windowMs) {
      window = { start: now, calls: 0 };
      this.windows.set(key, window);
    }
    if (window.calls >= this.config.requests) {
      this.refused++;
      return false;
    }
    window.calls++;
    return true;
  }

  reset(): void {
    this.windows.clear();
    this.refused = 0;
  }
}
