/**
 * @module steam/session/jwt
 * Reads the claims of Steam's access tokens (JWTs). Nothing is verified: the token is ours,
 * Steam checks it; we only need its SteamID (`sub`) and expiry (`exp`) to refuse an expired
 * session before any request.
 */
import { InvalidInputError } from '../../core/errors.js';

export interface SteamTokenClaims {
  /** The SteamID64 the token belongs to. */
  sub: string;
  /** Expiry, epoch seconds. */
  exp?: number;
  /** Issued at, epoch seconds. */
  iat?: number;
  /** Audiences, e.g. `web:community` for the community cookie's token (steam-session's docs). */
  aud?: string[];
  [claim: string]: unknown;
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function looksLikeJwt(value: string): boolean {
  return JWT_SHAPE.test(value);
}

/** The claims of a Steam JWT; `parameter` names where the token came from in errors. */
export function readTokenClaims(token: string, parameter: string): SteamTokenClaims {
  if (!looksLikeJwt(token)) {
    throw new InvalidInputError(
      `${parameter} does not hold a Steam access token (expected three dot-separated base64url parts)`,
      parameter,
    );
  }
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidInputError(`${parameter} holds an access token whose claims are not JSON`, parameter);
  }
  if (typeof claims !== 'object' || claims === null) {
    throw new InvalidInputError(`${parameter} holds an access token without claims`, parameter);
  }
  const { sub, exp, iat, aud } = claims as Record<string, unknown>;
  if (typeof sub !== 'string' || !/^\d{17}$/.test(sub)) {
    throw new InvalidInputError(`${parameter} holds an access token without a SteamID (sub)`, parameter);
  }
  return {
    ...(claims as Record<string, unknown>),
    sub,
    ...(typeof exp === 'number' ? { exp } : {}),
    ...(typeof iat === 'number' ? { iat } : {}),
    ...(Array.isArray(aud) ? { aud: aud.map(String) } : typeof aud === 'string' ? { aud: [aud] } : {}),
  };
}
