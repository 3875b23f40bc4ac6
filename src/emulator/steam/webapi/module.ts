/**
 * @module emulator/steam/webapi/module
 * The emulated Steam Web API (`/{Interface}/{Method}/v{N}/`): routing and versions, then
 * per request: injected faults, the HTTP method, key checks, the daily budget and burst
 * 429s, parameter checks, the method's handler and the answer in the asked format.
 * Version spellings follow Steam: `v1`, `v0001`, `V1`, with or without the final slash.
 */
import type { EmulatorModule, EmulatorReply, EmulatorRequest } from '../../types.js';
import type { People } from '../people/index.js';
import { budgetKey, checkCaller, readCaller } from './credentials.js';
import { webApiFaultReply, webApiFaults } from './faults.js';
import { CONTENT_TYPES, pickFormat, serialize, type WebApiDocument } from './formats/index.js';
import {
  badParameters,
  forbidden,
  interfaceNotFound,
  methodNotFound,
  missingParameter,
  mustBePost,
  notFound,
  tooManyRequests,
  unauthorized,
  WebApiReplyError,
} from './html.js';
import { BurstLimiter, DailyBudget } from './limits.js';
import { builtInMethods } from './methods/index.js';
import { WebApiParams } from './params.js';
import {
  isData,
  isServiceInterface,
  WebApiRegistry,
  type WebApiData,
  type WebApiMethod,
} from './registry.js';
import type { WebApiFaultKind } from './scenario.js';

const PATH = /^\/(I[A-Za-z0-9_]+)\/([A-Za-z0-9_]+)\/v(\d+)\/?$/i;
const NUMERIC_TYPES = new Set(['uint32', 'uint64', 'int32', 'int64']);

export interface SteamWebApiStats {
  /** Requests that named a known method (faults, refusals and errors included). */
  requests: number;
  /** The same, by `Interface/Method/vN`. */
  byMethod: Record<string, number>;
  /** 429s because a key spent its daily budget. */
  budgetExhausted: number;
  /** GetPlayerSummaries burst 429s. */
  burst429: number;
  faults: Record<WebApiFaultKind, number>;
}

export interface SteamWebApiModule extends EmulatorModule {
  registry: WebApiRegistry;
  /** Adds (or replaces) methods; GetSupportedAPIList lists them from then on. */
  register(...methods: WebApiMethod[]): void;
  stats(): SteamWebApiStats;
}

export interface SteamWebApiOptions {
  /** Clock for budgets, burst windows and GetServerInfo (tests may pass a fake one). */
  now?: () => number;
}

export function createSteamWebApiModule(people: People, options: SteamWebApiOptions = {}): SteamWebApiModule {
  const now = options.now ?? Date.now;
  const scenario = people.scenario;
  const config = scenario.webApi;
  const registry = new WebApiRegistry();
  registry.register(...builtInMethods(registry));
  const budget = new DailyBudget(config.dailyBudget, now);
  const burst = new BurstLimiter(config.playerSummariesBurst, now);
  const faults = webApiFaults(config.faults);
  const counters = { requests: 0, byMethod: {} as Record<string, number> };

  function call(method: WebApiMethod, req: EmulatorRequest): EmulatorReply {
    try {
      if (method.httpMethod === 'POST' && req.method !== 'POST') return mustBePost();
      const service = isServiceInterface(method.interface);
      const params = WebApiParams.from(req, service);
      const caller = readCaller(params, req);
      const check = checkCaller(caller, scenario);
      if (check === 'invalid') return forbidden();
      if (method.needsKey && check === 'missing') return unauthorized();
      const spender = budgetKey(caller);
      if (spender && !budget.take(spender)) return tooManyRequests();
      if (method.sporadic429 && spender && !burst.take(spender)) return tooManyRequests();
      checkParameters(method, params, service);
      const answer = method.handle({ params, people, scenario, caller, now, req });
      return isData(answer) ? render(method, answer, params.transport('format'), service) : answer;
    } catch (error) {
      if (error instanceof WebApiReplyError) return error.reply;
      throw error;
    }
  }

  return {
    name: 'steam-webapi',
    registry,
    register: (...methods) => registry.register(...methods),
    handle(req: EmulatorRequest): EmulatorReply | undefined {
      const match = PATH.exec(req.url.pathname);
      if (!match) return undefined;
      const [, iface = '', name = '', version = ''] = match;
      const lookup = registry.find(iface, name, Number(version));
      if ('missing' in lookup) {
        if (lookup.missing === 'interface') return interfaceNotFound(iface);
        return lookup.missing === 'method' ? methodNotFound(name, iface) : notFound();
      }
      const method = lookup.found;
      const n = ++counters.requests;
      const label = `${method.interface}/${method.method}/v${method.version}`;
      counters.byMethod[label] = (counters.byMethod[label] ?? 0) + 1;
      const fault = faults.pick(n);
      return fault ? webApiFaultReply(fault, config.faults, () => call(method, req)) : call(method, req);
    },
    reset() {
      counters.requests = 0;
      counters.byMethod = {};
      budget.reset();
      burst.reset();
      faults.reset();
    },
    stats: () => ({
      requests: counters.requests,
      byMethod: { ...counters.byMethod },
      budgetExhausted: budget.refused,
      burst429: burst.refused,
      faults: { ...faults.injected },
    }),
  };
}

/**
 * Required plain parameters must be present (Steam's 400 "Required parameter 'x' is
 * missing"); service methods take protobuf fields, which are never required. Numbers must
 * parse (a SteamID like "abc" gets the 400 "verify … parameters" page).
 */
function checkParameters(method: WebApiMethod, params: WebApiParams, service: boolean): void {
  for (const parameter of method.parameters) {
    if (parameter.name === 'key') continue;
    if (!service && !parameter.optional && !params.has(parameter.name)) {
      throw new WebApiReplyError(missingParameter(parameter.name));
    }
    const text = params.get(parameter.name)?.trim();
    if (NUMERIC_TYPES.has(parameter.type) && text && !/^-?\d+$/.test(text)) {
      throw new WebApiReplyError(badParameters());
    }
  }
}

function render(method: WebApiMethod, answer: WebApiData, requested: string | undefined, service: boolean) {
  const format = pickFormat(requested);
  const doc: WebApiDocument = {
    root: answer.root,
    value: answer.value,
    ...(answer.anonymousRoot ? { anonymousRoot: true } : {}),
    // Service answers are protobuf messages: every repeated item is a `message` in XML.
    arrayElement: (name) => method.arrayElements?.[name] ?? (service ? 'message' : name.replace(/s$/, '')),
  };
  return {
    status: answer.status ?? 200,
    headers: {
      'content-type': CONTENT_TYPES[format],
      ...(service ? { 'x-eresult': '1' } : {}),
      ...answer.headers,
    },
    body: serialize(doc, format),
  };
}
