/**
 * @module emulator/steam/vanity
 * Vanity names, shared by the profile pages and the Web API's ResolveVanityURL. Names come
 * from the scenario plus the built-in `gaben`.
 */
import type { SteamScenario } from './scenario.js';

/** Steam matches vanity names case-insensitively. */
export function resolveVanity(scenario: SteamScenario, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [vanity, steamid] of Object.entries(scenario.vanities)) {
    if (vanity.toLowerCase() === wanted) return steamid;
  }
  return undefined;
}

export function vanityOf(scenario: SteamScenario, steamid: string): string | undefined {
  return Object.entries(scenario.vanities).find(([, id]) => id === steamid)?.[0];
}
