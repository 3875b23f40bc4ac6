/**
 * @module steam/webapi/who
 * A `<who>` for the Web API methods: any form steam/ids accepts, but only individual
 * accounts. A group or game-server SteamID is valid, yet no player method answers for it,
 * so it is refused before any request with a message that says so.
 */
import SteamID from 'steamid';
import { InvalidInputError } from '../../core/errors.js';
import { parseSteamIdentity, STEAMID64_BASE, type SteamIdentity } from '../ids/parse.js';

const DIGITS = /^\d+$/;

export function parseWho(input: string, parameter = 'steamid'): SteamIdentity {
  // Fast path for the common case, a plain SteamID64 (1,000 of them for one summaries call):
  // an individual account in the public universe is exactly BASE + accountid, 0 < accountid < 2^32.
  if (input.length === 17 && DIGITS.test(input)) {
    const accountId = BigInt(input) - STEAMID64_BASE;
    if (accountId > 0n && accountId <= 0xffffffffn) return { kind: 'steamid', steamid64: input };
  }
  try {
    return parseSteamIdentity(input, parameter);
  } catch (error) {
    if (error instanceof InvalidInputError && isOtherAccountType(input)) {
      throw new InvalidInputError(
        `"${input.trim()}" is the SteamID of a group, clan or game server, not of a player: give a player's SteamID64, profile URL or vanity name`,
        parameter,
      );
    }
    throw error;
  }
}

/** STACK.md: `new SteamID` throws on garbage and accepts some invalid ids; both mean "no". */
function isOtherAccountType(input: string): boolean {
  try {
    const id = new SteamID(input.trim());
    return id.isValid() && !id.isValidIndividual();
  } catch {
    return false;
  }
}
