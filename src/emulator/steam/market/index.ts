/**
 * @module emulator/steam/market
 * The emulated Steam Community Market: bulk search pages and single-item price overviews
 * with deterministic prices for every item the emulator generates, and the market's burst
 * limit (about 20 requests, then 429 with a `null` body and no Retry-After: UPSTREAM.md).
 */
import type { EmulatorModule, EmulatorReply, EmulatorRequest } from '../../types.js';
import { priceOverviewReply, searchReply } from './routes.js';
import { resolveMarketScenario, type MarketScenario, type MarketScenarioInput } from './scenario.js';
import { WindowLimiter } from './window-limit.js';

export { marketScenarioSchema, resolveMarketScenario } from './scenario.js';
export type { MarketScenario, MarketScenarioInput, SkinportScenario } from './scenario.js';
export { universeOf, type MarketItem } from './universe.js';

export interface MarketModuleStats {
  searchRequests: number;
  overviewRequests: number;
  /** Requests answered 429 by the burst limit. */
  rateLimited: number;
}

export interface SteamMarketModule extends EmulatorModule {
  scenario: MarketScenario;
  stats(): MarketModuleStats;
}

const SEARCH_PATH = /^\/market\/search\/render\/?$/;
const OVERVIEW_PATH = /^\/market\/priceoverview\/?$/;

export function createSteamMarketModule(
  input: MarketScenarioInput = {},
  options: { now?: () => number } = {},
): SteamMarketModule {
  const scenario = resolveMarketScenario(input);
  const limiter = new WindowLimiter(scenario.requestsPerWindow, scenario.windowMs, options.now);
  const counts = { searchRequests: 0, overviewRequests: 0 };
  return {
    name: 'steam-market',
    scenario,
    handle(req: EmulatorRequest): EmulatorReply | undefined {
      if (req.method !== 'GET') return undefined;
      const path = req.url.pathname;
      const search = SEARCH_PATH.test(path);
      if (!search && !OVERVIEW_PATH.test(path)) return undefined;
      if (search) counts.searchRequests++;
      else counts.overviewRequests++;
      if (!limiter.allow(req.ip)) return { status: 429, body: null };
      return search ? searchReply(req, scenario) : priceOverviewReply(req, scenario);
    },
    reset() {
      limiter.reset();
      counts.searchRequests = 0;
      counts.overviewRequests = 0;
    },
    stats: () => ({ ...counts, rateLimited: limiter.limited }),
  };
}
