/**
 * @module steam/guard/codes
 * Steam Guard login codes from the shared secret, with steam-totp (UPSTREAM.md: HMAC-SHA1 of
 * floor(time / 30), five characters of `23456789BCDFGHJKMNPQRTVWXY`). Steam checks them
 * against its own clock, so the time is this machine's plus the QueryTime offset.
 * steam-totp takes an offset from its own `Date.now()` (STACK.md: never a function, which
 * would make it ask Steam itself); the code is asked for again if the second turned between
 * reading the clock and making it, so it is always the code of the time reported.
 */
import SteamTotp from 'steam-totp';

/** A login code stays valid for its 30-second window. */
export const LOGIN_CODE_PERIOD_SECONDS = 30;

export interface LoginCode {
  code: string;
  /** Steam's time the code was made for (Unix seconds: this machine's clock plus the offset). */
  time: number;
  /** Seconds until the next code. */
  secondsLeft: number;
  /** When the next code starts (ISO 8601, by Steam's clock). */
  expiresAt: string;
  /** The offset used (Steam's clock minus this machine's, seconds). */
  offsetSeconds: number;
}

export interface LoginCodeOptions {
  /** Steam's clock minus this machine's, seconds (QueryTime; server-time.ts). */
  offsetSeconds?: number;
  /** Make the code for this Steam time (Unix seconds) instead of now. */
  time?: number;
}

/** The login code for now (or `time`); `sharedSecret` is already checked (secrets.ts). */
export function generateLoginCode(sharedSecret: string, options: LoginCodeOptions = {}): LoginCode {
  const offsetSeconds = options.offsetSeconds ?? 0;
  for (;;) {
    const local = SteamTotp.time();
    const time = options.time ?? local + offsetSeconds;
    const code = SteamTotp.generateAuthCode(sharedSecret, time - local);
    if (SteamTotp.time() !== local) continue;
    const next = (Math.floor(time / LOGIN_CODE_PERIOD_SECONDS) + 1) * LOGIN_CODE_PERIOD_SECONDS;
    return {
      code,
      time,
      secondsLeft: next - time,
      expiresAt: new Date(next * 1000).toISOString(),
      offsetSeconds,
    };
  }
}
