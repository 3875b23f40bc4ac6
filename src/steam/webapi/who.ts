/**
 * @module steam/webapi/who
 * A `<who>` for the Web API methods: any form steam/ids accepts, but only individual
 * accounts. A group or game-server SteamID is valid, yet no player method answers for it,
 * so it is refused before any request with a message that says so.
 */
import SteamID from 'steamid';
import { InvalidInputError } from '../../core/errors.js';
import { parseSteamIdentity, type SteamIdentity } from '../ids/parse.js';

export function parseWho(input: string, parameter = 'steamid'): SteamIdentity {
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
