/**
 * @module emulator
 * Start the upstream emulator: Steam and Roblox on one loopback port, driven by a
 * scenario. `gamestash emulator --scenario file.json` is a thin wrapper over this.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InvalidInputError } from '../core/errors.js';
import { createControlModule } from './control.js';
import { serveModules, type RunningEmulator } from './server.js';
import {
  createSteamCommunityModule,
  steamScenarioSchema,
  type SteamScenario,
  type SteamScenarioInput,
} from './steam/index.js';
import type { EmulatorModule } from './types.js';
import { createRobloxModule, robloxScenarioSchema, type RobloxScenario } from './roblox/index.js';
import { createSkinportModule } from './skinport/index.js';
import {
  createSteamMarketModule,
  marketScenarioSchema,
  type MarketScenario,
  type MarketScenarioInput,
} from './steam/market/index.js';

export type { RunningEmulator, EmulatorStats, RequestLogEntry } from './server.js';
export type { EmulatorStatsReport } from './control.js';
export type * from './steam/scenario.js';
export type { SteamModuleStats } from './steam/index.js';
export type { MarketScenario, MarketScenarioInput, MarketModuleStats } from './steam/market/index.js';

export interface EmulatorScenario {
  steam: SteamScenario;
  market: MarketScenario;
}

/** A scenario as written by hand: every field optional, at every level. */
export interface EmulatorScenarioInput {
  steam?: SteamScenarioInput;
  roblox?: RobloxScenario;
  /** The community market's and Skinport's prices and limits. */
  market?: MarketScenarioInput;
}

export interface StartEmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  scenario?: EmulatorScenarioInput;
}

export type StartedEmulator = RunningEmulator & { scenario: EmulatorScenario };

const scenarioSchema = z.strictObject({
  steam: steamScenarioSchema.optional(),
  roblox: robloxScenarioSchema.optional(),
  market: marketScenarioSchema.optional(),
});

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<StartedEmulator> {
  const input = validateScenario(options.scenario ?? {}, 'scenario');
  const steam = createSteamCommunityModule(input.steam);
  // The emulated upstreams, in dispatch order.
  const market = createSteamMarketModule(input.market);
  const skinport = createSkinportModule(market.scenario);
  const upstreams: EmulatorModule[] = [steam, market, skinport, createRobloxModule(input.roblox)];

  // The control endpoints need the running server, which exists only once it listens.
  const started: { emulator?: RunningEmulator } = {};
  const control = createControlModule({
    emulator: () => started.emulator,
    moduleStats: {
      steam: () => steam.stats(),
      market: () => market.stats(),
      skinport: () => skinport.stats(),
    },
  });
  const running = await serveModules({
    port: options.port,
    host: options.host,
    modules: [control, ...upstreams],
  });
  started.emulator = running;
  return { ...running, scenario: { steam: steam.scenario, market: market.scenario } };
}

/** Reads and checks a JSON scenario file; errors name the file and the bad field. */
export async function loadScenarioFile(path: string): Promise<EmulatorScenarioInput> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError(
      `cannot read scenario file ${path}: ${(error as Error).message}`,
      'scenario',
      { cause: error },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(
      `scenario file ${path} is not valid JSON: ${(error as Error).message}`,
      'scenario',
      { cause: error },
    );
  }
  return validateScenario(value, path);
}

/** Checks a scenario object (from a file or code) against the schema. */
export function validateScenario(value: unknown, source = 'scenario'): EmulatorScenarioInput {
  const result = scenarioSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const field = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  // A bad record key (a SteamID, "<appid>/<contextid>") carries the reason one level down.
  const reason =
    issue.code === 'invalid_key' ? `${issue.message}: ${issue.issues[0]?.message}` : issue.message;
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : '';
  throw new InvalidInputError(`${source}: ${field}: ${reason}${more}`, field);
}
