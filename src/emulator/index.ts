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
import { createSteamTradeModule, type SteamTradeControl } from './steam/trade/index.js';
import { createSteamGuardModule, type SteamGuardControl } from './steam/guard/index.js';
import {
  createSteamCommunityModule,
  createSteamWebApiModule,
  steamScenarioSchema,
  type SteamScenario,
  type SteamScenarioInput,
  type SteamWebApiModule,
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
export type {
  SteamTradeControl,
  SteamTradeStats,
  ControlResult,
  CounterInput,
  TradeFaultControl,
  MintedSession,
  AccountView,
  OfferView,
  TradeView,
  ItemView,
  TradeAccountPatch,
} from './steam/trade/index.js';
export { OfferState } from './steam/trade/index.js';
export type {
  SteamGuardControl,
  SteamGuardStats,
  GuardAccountView,
  GuardAccountPatch,
  ConfirmationJson,
  MarketListing,
} from './steam/guard/index.js';
export type {
  SteamWebApiModule,
  SteamWebApiStats,
  WebApiMethod,
  WebApiParameter,
  WebApiCall,
  WebApiAnswer,
  WebApiData,
} from './steam/index.js';
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

export type StartedEmulator = RunningEmulator & {
  scenario: EmulatorScenario;
  /** The emulated Steam Web API: `webApi.register(method)` adds a method while it runs. */
  webApi: Pick<SteamWebApiModule, 'register' | 'registry'>;
  /**
   * Steam's trade side, driven in process: sessions, accounts, acting as the partner, the
   * clock; and Steam Guard: secrets, the server clock, what an authenticator would list.
   */
  steam: { trade: SteamTradeControl; guard: SteamGuardControl };
};

const scenarioSchema = z.strictObject({
  steam: steamScenarioSchema.optional(),
  roblox: robloxScenarioSchema.optional(),
  market: marketScenarioSchema.optional(),
});

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<StartedEmulator> {
  const input = validateScenario(options.scenario ?? {}, 'scenario');
  const steam = createSteamCommunityModule(input.steam);
  const webApi = createSteamWebApiModule(steam.people);
  const trade = createSteamTradeModule(steam.people, steam.inventories);
  const guard = createSteamGuardModule(steam.people, trade.context);
  webApi.register(...trade.webApiMethods, ...guard.webApiMethods);
  // The emulated upstreams, in dispatch order.
  const market = createSteamMarketModule(input.market);
  const skinport = createSkinportModule(market.scenario);
  const upstreams: EmulatorModule[] = [
    steam,
    trade,
    guard,
    webApi,
    market,
    skinport,
    createRobloxModule(input.roblox),
  ];

  // The control endpoints need the running server, which exists only once it listens.
  const started: { emulator?: RunningEmulator } = {};
  const control = createControlModule({
    emulator: () => started.emulator,
    moduleStats: {
      steam: () => steam.stats(),
      steamWebApi: () => webApi.stats(),
      steamTrade: () => trade.stats(),
      steamGuard: () => guard.stats(),
      market: () => market.stats(),
      skinport: () => skinport.stats(),
    },
    // Guard first: the trade routes answer 404 for anything else under /__emulator/steam/.
    routes: [guard.control, trade.control],
  });
  const running = await serveModules({
    port: options.port,
    host: options.host,
    modules: [control, ...upstreams],
  });
  started.emulator = running;
  return {
    ...running,
    scenario: { steam: steam.scenario, market: market.scenario },
    webApi: { register: (...methods) => webApi.register(...methods), registry: webApi.registry },
    steam: { trade: trade.api, guard: guard.api },
  };
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
