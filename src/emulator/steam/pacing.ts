/**
 * @module emulator/steam/pacing
 * Steam's per-IP inventory rate limit (UPSTREAM.md): too-fast requests get HTTP 429 with a
 * `null` body and no Retry-After; keep going and the IP is banned for a while. Implemented
 * as GCRA (one "theoretical arrival time" per IP), which makes `burst` and jitter tolerance
 * exact and the outcome a pure function of the request times.
 */
import type { SteamRateLimitScenario } from './scenario.js';

export type PacingVerdict = 'ok' | 'limited' | 'banned';

interface IpState {
  /** When the next request is due, in ms. */
  due: number;
  strikes: number;
  bannedUntil: number;
}

export class IpPacer {
  private readonly ips = new Map<string, IpState>();
  limited = 0;
  bans = 0;

  constructor(
    private readonly config: SteamRateLimitScenario,
    private readonly now: () => number = Date.now,
  ) {}

  check(ip: string): PacingVerdict {
    const interval = this.config.minIntervalMs;
    if (interval <= 0) return 'ok';
    const now = this.now();
    let state = this.ips.get(ip);
    if (state && state.bannedUntil > now) {
      this.limited++;
      return 'banned';
    }
    if (!state || state.bannedUntil > 0) {
      state = { due: now, strikes: 0, bannedUntil: 0 };
      this.ips.set(ip, state);
    }
    const slack = (this.config.burst - 1) * interval + this.config.toleranceMs;
    if (now >= state.due - slack) {
      state.due = Math.max(state.due, now) + interval;
      state.strikes = 0;
      return 'ok';
    }
    this.limited++;
    state.strikes++;
    if (state.strikes >= this.config.banAfter429s) {
      // UPSTREAM.md: "repeated abuse earns a ban"; every request is refused until it ends.
      state.bannedUntil = now + this.config.banMs;
      this.bans++;
      return 'banned';
    }
    return 'limited';
  }

  reset(): void {
    this.ips.clear();
    this.limited = 0;
    this.bans = 0;
  }
}
