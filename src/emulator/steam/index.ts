/**
 * @module emulator/steam
 * The emulated Steam Community (inventories, profile XML, login page) and the people it
 * serves; the Web API module (./webapi) answers for the same people. Behaviour follows
 * UPSTREAM.md, quirks included.
 */
import type { EmulatorModule, EmulatorReply, EmulatorRequest } from '../types.js';
import { FaultInjector } from './faults.js';
import { InventoryCache } from './generate.js';
import { Inventories } from './inventories.js';
import { handleInventory, pregenerate, type InventoryRouteState } from './inventory-route.js';
import { IpPacer } from './pacing.js';
import { People } from './people/index.js';
import { handleProfile } from './profile.js';
import {
  resolveSteamScenario,
  type SteamFaultKind,
  type SteamScenario,
  type SteamScenarioInput,
} from './scenario.js';

export * from './scenario.js';
export { steamScenarioSchema } from './scenario-schema.js';
export { People } from './people/index.js';
export { Inventories, type InventoryItem } from './inventories.js';
export * from './webapi/index.js';

export interface SteamModuleStats {
  inventoryRequests: number;
  /** Requests answered 429 by the per-IP pacing (bans included). */
  rateLimited: number;
  bans: number;
  /** Faults injected, by kind (timeouts never reach the request log, so count them here). */
  faults: Record<SteamFaultKind, number>;
}

export interface SteamCommunityModule extends EmulatorModule {
  scenario: SteamScenario;
  /** The emulated accounts, shared with the Web API module and any other Steam module. */
  people: People;
  /** The inventories as trades left them, shared with the trade module. */
  inventories: Inventories;
  stats(): SteamModuleStats;
}

export interface SteamModuleOptions {
  /** Clock for pacing (tests may pass a fake one). */
  now?: () => number;
}

export function createSteamCommunityModule(
  scenarioInput: SteamScenarioInput = {},
  options: SteamModuleOptions = {},
): SteamCommunityModule {
  const scenario = resolveSteamScenario(scenarioInput);
  const people = new People(scenario);
  const inventories = new Inventories(scenario, new InventoryCache());
  const state: InventoryRouteState = {
    scenario,
    inventories,
    pacer: new IpPacer(scenario.rateLimit, options.now),
    faults: new FaultInjector(scenario.faults),
    requests: 0,
  };
  pregenerate(state);
  return {
    name: 'steam-community',
    scenario,
    people,
    inventories,
    handle(req: EmulatorRequest): EmulatorReply | Promise<never> | undefined {
      return handleInventory(req, state) ?? handleProfile(req, people);
    },
    reset() {
      // Generated inventories stay cached: they are a pure function of the scenario.
      state.requests = 0;
      state.pacer.reset();
      state.faults.reset();
    },
    stats: () => ({
      inventoryRequests: state.requests,
      rateLimited: state.pacer.limited,
      bans: state.pacer.bans,
      faults: { ...state.faults.injected },
    }),
  };
}
