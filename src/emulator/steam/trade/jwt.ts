/**
 * @module emulator/steam/trade/jwt
 * Steam's session tokens: the access token is a JWT (EdDSA-signed by Steam) carried in the
 * `steamLoginSecure` cookie as `<steamid>%7C%7C<jwt>` (UPSTREAM.md) and passed to the Web API
 * as `access_token`. The emulator mints tokens of the same shape and reads any token's
 * claims; it does not check signatures (clients only ever read the claims).
 */
import { createHmac } from 'node:crypto';

export interface SteamJwtClaims {
  iss?: string;
  sub: string;
  aud?: string[];
  exp?: number;
  nbf?: number;
  iat?: number;
  jti?: string;
  [claim: string]: unknown;
}

const HEADER = base64url(JSON.stringify({ typ: 'JWT', alg: 'EdDSA' }));

/** A token shaped like Steam's; the 64-byte "signature" is an HMAC, so equal inputs give equal tokens. */
export function mintJwt(claims: SteamJwtClaims, secret: string): string {
  const body = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  return `${body}.${createHmac('sha512', secret).update(body).digest('base64url')}`;
}

/** The claims of a three-part token with a `sub`, or undefined for anything else. */
export function readJwt(token: string): SteamJwtClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8')) as unknown;
    if (typeof claims !== 'object' || claims === null) return undefined;
    const sub = (claims as { sub?: unknown }).sub;
    return typeof sub === 'string' ? (claims as SteamJwtClaims) : undefined;
  } catch {
    return undefined;
  }
}

/** `<steamid>||<jwt>` from a cookie value, raw or URL-encoded. */
export function splitLoginSecure(value: string): { steamid: string; token: string } | undefined {
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    // Keep the raw value: a stray % is not our problem to fix.
  }
  const at = decoded.indexOf('||');
  if (at <= 0) return undefined;
  return { steamid: decoded.slice(0, at), token: decoded.slice(at + 2) };
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
