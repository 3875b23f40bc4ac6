/**
 * @module emulator/steam/trade/clock
 * The trade world's clock: the real time plus an offset that tests move forward (offers
 * expire after 14 days, trade protection lasts about 7, holds last days), so a test can
 * watch time pass without waiting. Sessions, offers, trades and holds all read it.
 */
export class TradeClock {
  private offsetMs = 0;

  constructor(private readonly realNow: () => number = Date.now) {}

  /** Milliseconds since the epoch, emulated. */
  now(): number {
    return this.realNow() + this.offsetMs;
  }

  /** Unix seconds, as Steam's timestamps are. */
  seconds(): number {
    return Math.floor(this.now() / 1000);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  get offset(): number {
    return this.offsetMs;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
