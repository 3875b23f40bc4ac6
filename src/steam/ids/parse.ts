/**
 * @module steam/ids/parse
 * Recognises every way a user names a Steam account: SteamID64, Steam2 (`STEAM_0:1:123`),
 * Steam3 (`[U:1:247]`), profile URLs, trade URLs, and vanity names or `/id/<vanity>` URLs
 * (which need a lookup, see resolve.ts). Pure: no network.
 */
import SteamID from 'steamid';
import { InvalidInputError } from '../../core/errors.js';

/** SteamID64 of account id 0 in the public individual universe; accountid32 = id64 - this. */
export const STEAMID64_BASE = 76561197960265728n;

export type SteamIdentity =
  { kind: 'steamid'; steamid64: string; tradeToken?: string } | { kind: 'vanity'; vanity: string };

const VANITY = /^[A-Za-z0-9_-]{2,32}$/;

/**
 * Where a profile or trade URL may point. Trade and profile links are only ever on the
 * community host itself; `s.team` links are friend invites (`/p/<code>`), not profiles, so they
 * are not among them. A URL on any other host is refused rather than read for its path: a
 * link to `evil.example/profiles/<id>` is not a Steam profile, whatever its path says.
 */
export const STEAM_COMMUNITY_HOSTS: readonly string[] = ['steamcommunity.com', 'www.steamcommunity.com'];

/**
 * The steamid package accepts '', '0', '123' and overflowing numbers as *invalid* ids
 * instead of throwing (STACK.md), so every parse goes through try/catch and
 * isValidIndividual().
 */
export function toSteamId64(input: string, parameter = 'steamid'): string {
  const value = input.trim();
  let id: SteamID;
  try {
    id = new SteamID(value);
  } catch {
    throw invalid(input, parameter);
  }
  if (!id.isValidIndividual()) throw invalid(input, parameter);
  return id.getSteamID64();
}

export function accountIdOf(steamid64: string): number {
  return Number(BigInt(steamid64) - STEAMID64_BASE);
}

export function steamId64FromAccountId(accountId: number | string): string {
  const n = BigInt(accountId);
  if (n <= 0n || n > 0xffffffffn)
    throw new InvalidInputError(`account id "${accountId}" is out of range`, 'partner');
  return (STEAMID64_BASE + n).toString();
}

/**
 * Parses any accepted form; vanity names are returned for resolve.ts to look up.
 * `extraHosts`: hosts besides Steam's own whose profile and trade URLs are accepted, e.g. the
 * configured community URL's (`127.0.0.1:8787` for the emulator).
 */
export function parseSteamIdentity(
  input: string,
  parameter = 'steamid',
  extraHosts: readonly string[] = [],
): SteamIdentity {
  const value = input.trim();
  if (!value)
    throw new InvalidInputError(
      `${parameter} is empty: give a SteamID64, profile URL or trade URL`,
      parameter,
    );
  if (/^https?:\/\//i.test(value)) return parseUrl(value, parameter, extraHosts);
  // Copied from an address bar without its scheme: `steamcommunity.com/id/alice`.
  if (/^(?:www\.)?steamcommunity\.com\//i.test(value))
    return parseUrl(`https://${value}`, parameter, extraHosts);
  if (/^\d+$/.test(value) || /^STEAM_[0-5]:[01]:\d+$/i.test(value) || /^\[U:\d:\d+\]$/i.test(value)) {
    return { kind: 'steamid', steamid64: toSteamId64(value, parameter) };
  }
  if (VANITY.test(value)) return { kind: 'vanity', vanity: value };
  throw invalid(input, parameter);
}

function parseUrl(value: string, parameter: string, extraHosts: readonly string[]): SteamIdentity {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(value, parameter);
  }
  // `host` keeps a port (the emulator's); Steam's own hosts are matched by name alone.
  if (!STEAM_COMMUNITY_HOSTS.includes(url.hostname) && !extraHosts.includes(url.host)) {
    const allowed = [...STEAM_COMMUNITY_HOSTS, ...extraHosts].join(', ');
    throw new InvalidInputError(
      `${parameter}: ${url.host} is not Steam: profile and trade URLs must be on ${allowed}`,
      parameter,
    );
  }
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments[0] === 'profiles' && segments[1]) {
    return { kind: 'steamid', steamid64: toSteamId64(segments[1], parameter) };
  }
  if (segments[0] === 'id' && segments[1] && VANITY.test(segments[1])) {
    return { kind: 'vanity', vanity: segments[1] };
  }
  if (segments[0] === 'tradeoffer' && segments[1] === 'new') {
    const partner = url.searchParams.get('partner');
    if (!partner || !/^\d+$/.test(partner)) {
      throw new InvalidInputError(`trade URL has no numeric partner parameter: ${value}`, parameter);
    }
    const token = url.searchParams.get('token') ?? undefined;
    return {
      kind: 'steamid',
      steamid64: steamId64FromAccountId(partner),
      ...(token ? { tradeToken: token } : {}),
    };
  }
  throw invalid(value, parameter);
}

function invalid(input: string, parameter: string): InvalidInputError {
  const shown = input.length > 80 ? `${input.slice(0, 80)}…` : input;
  // 7656119 and 10 digits looks like a SteamID64 but may be outside the individual range.
  if (/^7656119\d{10}$/.test(input.trim())) {
    return new InvalidInputError(
      `steamid ${shown} is outside the range of individual accounts (76561197960265729 to 76561202255233023)`,
      parameter,
    );
  }
  return new InvalidInputError(
    `invalid steamid "${shown}": expected a SteamID64 (7656119…), STEAM_0:X:Y, [U:1:N], a profile URL, a trade URL or a vanity name`,
    parameter,
  );
}
