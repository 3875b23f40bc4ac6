/**
 * @module emulator/steam/webapi/registry
 * Emulated Web API methods as data (STYLE.md: methods as data): interface, method,
 * version, HTTP method, the parameters GetSupportedAPIList reports, whether a key is
 * needed, the XML names of the answer's arrays, and a handler returning plain JS values.
 * Other emulator modules add theirs with `registry.register(...)` (the trade-offer module's
 * IEconService, ITwoFactorService); GetSupportedAPIList lists whatever is registered.
 */
import type { EmulatorReply, EmulatorRequest } from '../../types.js';
import type { People } from '../people/index.js';
import type { SteamScenario } from '../scenario.js';
import type { WebApiObject } from './formats/index.js';
import type { WebApiParams } from './params.js';

/** A parameter as GetSupportedAPIList describes it. */
export interface WebApiParameter {
  name: string;
  /** Steam's type names: string, uint32, uint64, int32, bool, … (64-bit ids are uint64). */
  type: string;
  optional: boolean;
  description: string;
}

/** What a handler gets: the request's parameters and the emulated world. */
export interface WebApiCall {
  params: WebApiParams;
  people: People;
  scenario: SteamScenario;
  /** Who called: the key or access token that authorized the call (when there was one). */
  caller: { key?: string; accessToken?: string };
  /** Milliseconds since the epoch, from the module's clock. */
  now(): number;
  req: EmulatorRequest;
}

/** A method's answer before it is written as JSON, XML or VDF. */
export interface WebApiData {
  /** Root name (`response`, `playerstats`, `friendslist`, …). */
  root: string;
  value: WebApiObject;
  /** 200 unless said (Steam answers some errors as data, e.g. 403 "Profile is not public"). */
  status?: number;
  /** JSON without the root's name (GetServerInfo). */
  anonymousRoot?: boolean;
  headers?: Record<string, string>;
}

/** Data to serialize, or a finished reply (an HTML error page, a bare `{}`). */
export type WebApiAnswer = WebApiData | EmulatorReply;

export interface WebApiMethod {
  interface: string;
  method: string;
  version: number;
  /** GET unless said; a GET to a POST method answers 405 as Steam does. */
  httpMethod?: 'GET' | 'POST';
  /** Service methods carry one in GetSupportedAPIList. */
  description?: string;
  /** The parameters, `key` left out (it is listed first when `needsKey`). */
  parameters: WebApiParameter[];
  /** Needs `key` (or an `access_token`); GetSupportedAPIList without a key hides it. */
  needsKey: boolean;
  /**
   * XML element names of arrays' items by array name (players → player). Service
   * interfaces (protobuf answers) name every item `message`, so they may leave this out.
   */
  arrayElements?: Record<string, string>;
  /** GetPlayerSummaries: subject to the scenario's sporadic-429 burst limit (UPSTREAM.md). */
  sporadic429?: boolean;
  handle(call: WebApiCall): WebApiAnswer;
}

/** Interfaces whose name ends in `Service` take `input_json` and answer protobuf-shaped data. */
export function isServiceInterface(name: string): boolean {
  return name.endsWith('Service');
}

export function isData(answer: WebApiAnswer): answer is WebApiData {
  return 'root' in answer;
}

export class WebApiRegistry {
  private readonly methods: WebApiMethod[] = [];

  /** Adds a method; a later registration of the same interface/method/version replaces it. */
  register(...methods: WebApiMethod[]): void {
    for (const method of methods) {
      const at = this.methods.findIndex(
        (m) =>
          same(m.interface, method.interface) &&
          same(m.method, method.method) &&
          m.version === method.version,
      );
      if (at >= 0) this.methods[at] = method;
      else this.methods.push(method);
    }
  }

  /** Every registered method, interfaces and methods in Steam's (case-insensitive) order. */
  list(): WebApiMethod[] {
    return [...this.methods].sort(
      (a, b) => compare(a.interface, b.interface) || compare(a.method, b.method) || a.version - b.version,
    );
  }

  /** Looks a path's parts up; names match case-insensitively. */
  find(
    iface: string,
    method: string,
    version: number,
  ): { found: WebApiMethod } | { missing: 'interface' | 'method' | 'version' } {
    const inInterface = this.methods.filter((m) => same(m.interface, iface));
    if (inInterface.length === 0) return { missing: 'interface' };
    const named = inInterface.filter((m) => same(m.method, method));
    if (named.length === 0) return { missing: 'method' };
    const found = named.find((m) => m.version === version);
    return found ? { found } : { missing: 'version' };
  }
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
/** Plain code-unit order of the lowercased names (no locale: the same everywhere). */
function compare(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}
