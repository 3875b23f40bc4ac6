/**
 * @module emulator/steam/request-info
 * What the Steam routes need to know about a request: is the SteamID valid, who is asking
 * (owner cookie) and from which IP.
 */
import type { EmulatorRequest } from '../types.js';
import type { SteamRateLimitScenario, SteamUserScenario } from './scenario.js';

const FIRST_INDIVIDUAL = 76561197960265729n;
const LAST_INDIVIDUAL = 76561202255233023n;

/** A 17-digit individual-account SteamID64 (universe Public, account id 1..2^32-1). */
export function isIndividualSteamId(text: string): boolean {
  if (!/^7656119\d{10}$/.test(text)) return false;
  const id = BigInt(text);
  return id >= FIRST_INDIVIDUAL && id <= LAST_INDIVIDUAL;
}

export function cookieValue(req: EmulatorRequest, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Whether the request carries the user's own `steamLoginSecure` cookie. Browsers send it
 * URL-encoded (`%7C%7C`), scenarios may hold it either way.
 */
export function isOwner(req: EmulatorRequest, user: SteamUserScenario | undefined): boolean {
  if (!user?.cookie) return false;
  const value = cookieValue(req, 'steamLoginSecure');
  if (value === undefined) return false;
  return value === user.cookie || safeDecode(value) === safeDecode(user.cookie);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function clientIp(req: EmulatorRequest, config: SteamRateLimitScenario): string {
  if (config.trustForwardedFor) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.ip;
}
