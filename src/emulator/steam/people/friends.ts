/**
 * @module emulator/steam/people/friends
 * Friend lists that are symmetric by construction: A lists B exactly when B lists A.
 * Scenario users who list friends get exactly those (plus whoever lists them); everyone else
 * befriends some accounts with nearby account ids, decided by a hash of the pair, so any
 * account's list can be computed without knowing anyone else's.
 */
import { hash32, mix32 } from '../random.js';
import type { SteamFriendScenario, SteamScenario } from '../scenario.js';
import { isIndividualSteamId } from '../request-info.js';
import { REFERENCE_TIME } from './time.js';

export interface Friendship {
  steamid: string;
  relationship: string;
  friendSince: number;
}

const ACCOUNT_BASE = 76561197960265728n;
/** Generated friends come from the account ids within this distance. */
const WINDOW = 40;
/** Chance (per mille) that two nearby generated accounts are friends: about 10 friends each. */
const PER_MILLE = 120;

interface Listed {
  relationship?: string;
  friendSince?: number;
}

/** Explicit friend lists from the scenario, by SteamID, normalized to maps. */
export function explicitFriends(scenario: SteamScenario): Map<string, Map<string, Listed>> {
  const lists = new Map<string, Map<string, Listed>>();
  for (const [steamid, user] of Object.entries(scenario.users)) {
    if (!user.friends) continue;
    lists.set(steamid, new Map(user.friends.map((entry) => normalize(entry))));
  }
  return lists;
}

function normalize(entry: SteamFriendScenario): [string, Listed] {
  if (typeof entry === 'string') return [entry, {}];
  const { steamid, ...details } = entry;
  return [steamid, details];
}

export function friendsOf(
  steamid: string,
  explicit: Map<string, Map<string, Listed>>,
  timeCreated: (steamid: string) => number,
): Friendship[] {
  if (!isIndividualSteamId(steamid)) return [];
  const found = new Map<string, Listed>();
  const own = explicit.get(steamid);
  if (own) {
    for (const [other, details] of own) if (other !== steamid) found.set(other, details);
  } else {
    for (const other of nearbyFriends(steamid)) if (!explicit.has(other)) found.set(other, {});
  }
  // Whoever lists this account is its friend too (symmetry).
  for (const [other, list] of explicit) {
    const details = list.get(steamid);
    if (details && other !== steamid && !found.has(other)) found.set(other, details);
  }
  return [...found.keys()].sort().map((other) => {
    // One answer per pair whichever side asks: the lower SteamID's entry wins.
    const [low, high] = other < steamid ? [other, steamid] : [steamid, other];
    const details = { ...explicit.get(high)?.get(low), ...explicit.get(low)?.get(high) };
    return {
      steamid: other,
      relationship: details.relationship ?? 'friend',
      friendSince:
        details.friendSince ?? generatedSince(low, high, Math.max(timeCreated(low), timeCreated(high))),
    };
  });
}

function nearbyFriends(steamid: string): string[] {
  const account = BigInt(steamid) - ACCOUNT_BASE;
  const out: string[] = [];
  for (let delta = -WINDOW; delta <= WINDOW; delta++) {
    if (delta === 0) continue;
    const other = account + BigInt(delta);
    if (other < 1n) continue;
    const otherId = String(other + ACCOUNT_BASE);
    if (!isIndividualSteamId(otherId)) continue;
    const [low, high] = otherId < steamid ? [otherId, steamid] : [steamid, otherId];
    if (pairHash(low, high) % 1000 < PER_MILLE) out.push(otherId);
  }
  return out;
}

function pairHash(low: string, high: string): number {
  return mix32(hash32(low) ^ mix32(hash32(high) + 0x9e3779b9));
}

/** Some time between the younger account's creation and the reference time. */
function generatedSince(low: string, high: string, after: number): number {
  const span = Math.max(1, REFERENCE_TIME - after);
  return after + (mix32(pairHash(low, high) + 1) % span);
}
