/**
 * @module emulator/steam/trade/sessions
 * Logged-in sessions: the emulator mints them for its accounts (control endpoint), and
 * accepts any well-formed one whose token names the cookie's account and has not expired
 * by the trade clock. Community POSTs also need the `sessionid` cookie to equal the form's
 * `sessionid` (seeds/001). An account's sessions can be ended at once (a password change,
 * Steam logging the account out), which is how tests get a session Steam calls expired
 * while the client still thinks it valid.
 */
import { createHash } from 'node:crypto';
import type { EmulatorRequest } from '../../types.js';
import { cookieValue, isIndividualSteamId } from '../request-info.js';
import type { TradeClock } from './clock.js';
import { mintJwt, readJwt, splitLoginSecure, type SteamJwtClaims } from './jwt.js';

export interface MintedSession {
  steamid: string;
  /** The cookie value as browsers keep it: `<steamid>%7C%7C<jwt>`. */
  steamLoginSecure: string;
  /** The JWT alone: the Web API's `access_token`. */
  accessToken: string;
  /** A `sessionid` cookie value (any value works, as long as the form carries the same). */
  sessionid: string;
  /** Unix seconds. */
  expiresAt: number;
}

/** Why a request is not logged in. */
export type SessionProblem = 'missing' | 'malformed' | 'expired' | 'ended' | 'sessionid';

export type SessionCheck = { steamid: string } | { problem: SessionProblem };

const DEFAULT_LIFETIME_SECONDS = 86_400;

export class Sessions {
  private minted = 0;
  /** jti -> mint sequence, for tokens this emulator made. */
  private readonly mintOrder = new Map<string, number>();
  /** Sessions of an account made before this point are over. */
  private readonly ended = new Map<string, { at: number; order: number }>();

  constructor(
    private readonly clock: TradeClock,
    private readonly secret = 'gamestash-emulator',
  ) {}

  mint(steamid: string, lifetimeSeconds = DEFAULT_LIFETIME_SECONDS): MintedSession {
    const order = ++this.minted;
    const now = this.clock.seconds();
    const jti = hex(`jti:${steamid}:${order}`, 17)
      .replace(/^(.{4})(.{8})(.{5})$/, '$1_$2_$3')
      .toUpperCase();
    const claims: SteamJwtClaims = {
      iss: `r:${hex(`iss:${steamid}:${order}`, 16).toUpperCase()}`,
      sub: steamid,
      aud: ['web:community'],
      exp: now + lifetimeSeconds,
      nbf: now - 1,
      iat: now,
      jti,
      oat: now,
      per: 0,
      ip_subject: '127.0.0.1',
      ip_confirmer: '127.0.0.1',
    };
    this.mintOrder.set(jti, order);
    const accessToken = mintJwt(claims, this.secret);
    return {
      steamid,
      steamLoginSecure: `${steamid}%7C%7C${accessToken}`,
      accessToken,
      sessionid: hex(`sessionid:${steamid}:${order}`, 24),
      expiresAt: now + lifetimeSeconds,
    };
  }

  /** Ends every session the account has now; sessions minted later work. */
  end(steamid: string): void {
    this.ended.set(steamid, { at: this.clock.now(), order: this.minted });
  }

  /** An access token (the Web API's `access_token`). */
  checkToken(token: string): SessionCheck {
    const claims = readJwt(token);
    if (!claims || !isIndividualSteamId(claims.sub)) return { problem: 'malformed' };
    return this.checkClaims(claims.sub, claims);
  }

  /** The `steamLoginSecure` cookie (pages, GETs). */
  checkCookie(req: EmulatorRequest): SessionCheck {
    const value = cookieValue(req, 'steamLoginSecure');
    if (!value) return { problem: 'missing' };
    const parts = splitLoginSecure(value);
    const claims = parts && readJwt(parts.token);
    if (!parts || !claims || claims.sub !== parts.steamid || !isIndividualSteamId(parts.steamid))
      return { problem: 'malformed' };
    return this.checkClaims(parts.steamid, claims);
  }

  /** A community POST: the cookie, and the `sessionid` cookie equal to the form field. */
  checkPost(req: EmulatorRequest, formSessionid: string | undefined): SessionCheck {
    const check = this.checkCookie(req);
    if ('problem' in check) return check;
    const cookie = cookieValue(req, 'sessionid');
    if (!cookie || !formSessionid || cookie !== formSessionid) return { problem: 'sessionid' };
    return check;
  }

  reset(): void {
    this.ended.clear();
  }

  private checkClaims(steamid: string, claims: SteamJwtClaims): SessionCheck {
    // Scenario cookies may carry a token without `exp`: those never expire.
    if (typeof claims.exp === 'number' && claims.exp <= this.clock.seconds()) return { problem: 'expired' };
    const ended = this.ended.get(steamid);
    if (ended) {
      const order = typeof claims.jti === 'string' ? this.mintOrder.get(claims.jti) : undefined;
      const before =
        order !== undefined
          ? order <= ended.order
          : typeof claims.iat !== 'number' || claims.iat * 1000 <= ended.at;
      if (before) return { problem: 'ended' };
    }
    return { steamid };
  }
}

function hex(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length);
}
