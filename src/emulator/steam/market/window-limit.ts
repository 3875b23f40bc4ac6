/**
 * @module emulator/steam/market/window-limit
 * "About 20 requests, then 429 without Retry-After" (UPSTREAM.md, the market): at most N
 * accepted requests per IP in any window; refused requests do not count.
 */
export class WindowLimiter {
  private readonly accepted = new Map<string, number[]>();
  limited = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  allow(ip: string): boolean {
    if (this.limit <= 0) return true;
    const now = this.now();
    const times = (this.accepted.get(ip) ?? []).filter((t) => now - t < this.windowMs);
    if (times.length >= this.limit) {
      this.accepted.set(ip, times);
      this.limited++;
      return false;
    }
    times.push(now);
    this.accepted.set(ip, times);
    return true;
  }

  reset(): void {
    this.accepted.clear();
    this.limited = 0;
  }
}
