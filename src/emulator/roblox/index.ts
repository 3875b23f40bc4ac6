/**
 * @module emulator/roblox
 * The emulated Roblox Open Cloud inventory endpoint. `createRobloxModule(scenario)` plugs into
 * the emulator server; without a scenario it serves DEFAULT_ROBLOX_SCENARIO.
 */
export { createRobloxModule } from './module.js';
export {
  DEFAULT_ROBLOX_SCENARIO,
  resolveScenario,
  type RobloxScenario,
  type RobloxUserScenario,
  type RobloxApiKeyScenario,
  type RobloxOAuthTokenScenario,
  type RobloxRateLimits,
  type RobloxFault,
} from './scenario.js';
export { robloxScenarioSchema } from './scenario-schema.js';
