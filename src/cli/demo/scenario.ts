/**
 * @module cli/demo/scenario
 * The demo's world in the emulator: a CS2 collector with a few thousand items (floats,
 * stickers, charms, certificates), TF2 and Steam items, a vanity name and a trade URL; a
 * private profile; a trading partner with items and a trade URL; a Roblox collector; every item priced by the emulated market.
 */
import type { EmulatorScenarioInput } from '../../emulator/index.js';

export const DEMO = {
  steamid: '76561198040000001',
  vanity: 'demo',
  name: 'Demo Collector',
  privateSteamid: '76561198040000002',
  privateVanity: 'hidden',
  /** The trading account the demo registers for the collector, and its trade token. */
  account: 'demo',
  token: 'dEm0T0kn',
  /** A partner with items who has sent the demo account offers. */
  partnerSteamid: '76561198040000003',
  partnerName: 'Demo Partner',
  partnerToken: 'PaRtN3r0',
  robloxUser: '123456',
  /** The emulator's Steam Web API accepts any 32 hex digits when it lists no key. */
  steamApiKey: 'D3E1A0C0FFEE00000000000000000001',
  robloxApiKey: 'roblox-demo-key',
} as const;

/** The demo account's trade URL (the account id is the SteamID64's low 32 bits). */
export function demoTradeUrl(steamid: string = DEMO.steamid, token: string = DEMO.token): string {
  const accountId = BigInt(steamid) - 76561197960265728n;
  return `https://steamcommunity.com/tradeoffer/new/?partner=${accountId}&token=${token}`;
}

/** The demo partner's trade URL. */
export function partnerTradeUrl(): string {
  return demoTradeUrl(DEMO.partnerSteamid, DEMO.partnerToken);
}

export function demoScenario(cs2Items = 3000): EmulatorScenarioInput {
  return {
    steam: {
      users: {
        [DEMO.steamid]: {
          name: DEMO.name,
          inventories: {
            '730/2': { size: cs2Items, seed: 7 },
            '440/2': { size: 240 },
            '753/6': { size: 160 },
          },
          trade: { token: DEMO.token },
        },
        [DEMO.partnerSteamid]: {
          name: DEMO.partnerName,
          inventories: { '730/2': { size: 120, seed: 11 }, '440/2': { size: 40 } },
          trade: { token: DEMO.partnerToken },
        },
        [DEMO.privateSteamid]: { name: 'Private Person', private: true },
      },
      vanities: { [DEMO.vanity]: DEMO.steamid, [DEMO.privateVanity]: DEMO.privateSteamid },
    },
    roblox: {
      users: {
        [DEMO.robloxUser]: { assets: 120, collectibles: 36, badges: 14, gamePasses: 4, privateServers: 2 },
        '2': { assets: 3, private: true },
      },
      apiKeys: { [DEMO.robloxApiKey]: { owner: '1001', inventoryRead: true } },
    },
    // No burst limits: the demo prices a whole app once at start.
    market: { requestsPerWindow: 0, skinport: { requestsPerWindow: 0 } },
  };
}
