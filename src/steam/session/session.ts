/**
 * @module steam/session/session
 * A logged-in Steam community session, from the cookies a user copies out of their browser
 * (seed 001): `steamLoginSecure=<steamid>%7C%7C<jwt>` and the `sessionid` CSRF cookie. The JWT
 * inside steamLoginSecure is also the Web API access token trade-offer calls need
 * (UPSTREAM.md: an API key hides CS2 offers since 2024-04).
 */
import { randomBytes } from 'node:crypto';
import { InvalidInputError, SessionExpiredError } from '../../core/errors.js';
import { registerSecret } from '../../core/http/redact.js';
import { readTokenClaims } from './jwt.js';

export interface SteamSession {
  /** The account the session belongs to (the token's `sub`). */
  steamid: string;
  /** The JWT inside steamLoginSecure: the Web API `access_token`. */
  accessToken: string;
  /** The steamLoginSecure cookie value, URL-encoded as Steam sets it. */
  steamLoginSecure: string;
  /** The `sessionid` cookie, sent again as the form field of every community POST. */
  sessionId: string;
  /** When the access token stops working; undefined when the token says nothing. */
  expiresAt: Date | undefined;
  /** `steamLoginSecure=...; sessionid=...` for the Cookie header. */
  cookieHeader: string;
}

export interface SessionInput {
  /** STEAM_COOKIES: `steamLoginSecure=...` (optionally `; sessionid=...`), or the bare value. */
  cookies: string | undefined;
  /** STEAM_SESSION_ID, used when the cookies carry no sessionid. */
  sessionId?: string | undefined;
  now?: number;
  /** Where the cookies came from, for error messages. */
  source?: string;
}

/** Parses and checks a session; an expired one is refused here, before any request. */
export function parseSteamSession(input: SessionInput): SteamSession {
  const source = input.source ?? 'STEAM_COOKIES';
  if (!input.cookies?.trim()) {
    throw new InvalidInputError(
      `no Steam session: set ${source} to your steamLoginSecure cookie (steamLoginSecure=...) from a logged-in steamcommunity.com`,
      source,
    );
  }
  const jar = parseCookieString(input.cookies);
  const loginSecure = jar.get('steamLoginSecure') ?? (jar.size === 0 ? input.cookies.trim() : undefined);
  if (!loginSecure) {
    throw new InvalidInputError(`${source} has no steamLoginSecure cookie`, source);
  }
  const decoded = safeDecode(loginSecure);
  const separator = decoded.indexOf('||');
  if (separator < 0) {
    throw new InvalidInputError(
      `${source}: steamLoginSecure should be "<steamid>%7C%7C<token>"; copy the whole cookie value`,
      source,
    );
  }
  const accessToken = decoded.slice(separator + 2);
  const claims = readTokenClaims(accessToken, source);
  const prefix = decoded.slice(0, separator);
  if (prefix && prefix !== claims.sub) {
    throw new InvalidInputError(
      `${source}: steamLoginSecure names ${prefix} but its token belongs to ${claims.sub}`,
      source,
    );
  }
  const expiresAt = claims.exp === undefined ? undefined : new Date(claims.exp * 1000);
  const sessionId = jar.get('sessionid') ?? input.sessionId?.trim() ?? newSessionId();
  const steamLoginSecure = encodeURIComponent(decoded);
  for (const secret of [loginSecure, steamLoginSecure, decoded, accessToken, sessionId]) {
    registerSecret(secret);
  }
  const session: SteamSession = {
    steamid: claims.sub,
    accessToken,
    steamLoginSecure,
    sessionId,
    expiresAt,
    cookieHeader: `steamLoginSecure=${steamLoginSecure}; sessionid=${sessionId}`,
  };
  assertSessionFresh(session, input.now, source);
  return session;
}

/** Refuses a session whose token has expired, saying when. */
export function assertSessionFresh(session: SteamSession, now = Date.now(), source = 'STEAM_COOKIES'): void {
  if (!session.expiresAt || session.expiresAt.getTime() > now) return;
  throw new SessionExpiredError(
    `the Steam session in ${source} expired at ${session.expiresAt.toISOString()}: log in to steamcommunity.com again and copy the new steamLoginSecure cookie`,
    { service: 'steam-community', code: 'session_expired' },
  );
}

function parseCookieString(text: string): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    jar.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return jar;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Steam's sessionid is a CSRF token it only compares with the form field, so a fresh random
 * one works (node-steamcommunity generates one the same way when the cookies lack it).
 */
function newSessionId(): string {
  return randomBytes(12).toString('hex');
}
