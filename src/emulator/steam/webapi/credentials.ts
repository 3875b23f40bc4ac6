/**
 * @module emulator/steam/webapi/credentials
 * Who is calling: a Web API key (`key=`, or the `x-webapi-key` header the partner docs
 * name) or an access token (`access_token=`, the JWT inside `steamLoginSecure`;
 * UPSTREAM.md). A listed key, any 32-hex key when the scenario lists none, or any
 * three-part JWT is accepted.
 */
import type { EmulatorRequest } from '../../types.js';
import type { SteamScenario } from '../scenario.js';
import type { WebApiParams } from './params.js';

export interface Caller {
  key?: string;
  accessToken?: string;
}

export type CallerCheck = 'missing' | 'invalid' | 'valid';

export function readCaller(params: WebApiParams, req: EmulatorRequest): Caller {
  const header = req.headers['x-webapi-key'];
  const key = params.transport('key') || (Array.isArray(header) ? header[0] : header) || undefined;
  const accessToken = params.transport('access_token') || undefined;
  return { ...(key ? { key } : {}), ...(accessToken ? { accessToken } : {}) };
}

export function checkCaller(caller: Caller, scenario: SteamScenario): CallerCheck {
  if (caller.key !== undefined) {
    const known =
      scenario.apiKeys.length > 0
        ? scenario.apiKeys.includes(caller.key)
        : /^[0-9A-F]{32}$/i.test(caller.key);
    return known ? 'valid' : 'invalid';
  }
  if (caller.accessToken !== undefined) {
    return caller.accessToken.split('.').length === 3 ? 'valid' : 'invalid';
  }
  return 'missing';
}

/** The budget is per credential; tokens and keys never share one. */
export function budgetKey(caller: Caller): string | undefined {
  if (caller.key) return `key:${caller.key}`;
  if (caller.accessToken) return `token:${caller.accessToken}`;
  return undefined;
}
