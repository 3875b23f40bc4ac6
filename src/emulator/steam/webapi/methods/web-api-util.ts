/**
 * @module emulator/steam/webapi/methods/web-api-util
 * ISteamWebAPIUtil: GetServerInfo v1 (the clock the Steam Guard code uses; its string is
 * Valve's local time, US Pacific, ctime-style: a recorded 2026 answer pairs 1777303908 with
 * "Mon Apr 27 08:31:48 2026") and GetSupportedAPIList v1, built from the registry: without
 * a key only the methods that need none (seeds/004), with one every method, each with its
 * parameters and `key` listed first where needed ("access key"; "Access key" for services).
 */
import type { WebApiObject } from '../formats/index.js';
import {
  isServiceInterface,
  type WebApiMethod,
  type WebApiParameter,
  type WebApiRegistry,
} from '../registry.js';

export const getServerInfo: WebApiMethod = {
  interface: 'ISteamWebAPIUtil',
  method: 'GetServerInfo',
  version: 1,
  needsKey: false,
  parameters: [],
  handle({ now }) {
    const seconds = Math.floor(now() / 1000);
    return {
      root: 'response',
      anonymousRoot: true,
      value: { servertime: seconds, servertimestring: ctime(seconds) },
    };
  },
};

const PACIFIC = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Los_Angeles',
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** C's ctime layout: "Mon Apr  7 08:31:48 2026" (day padded with a space). */
export function ctime(seconds: number): string {
  const part = Object.fromEntries(
    PACIFIC.formatToParts(new Date(seconds * 1000)).map((p) => [p.type, p.value]),
  );
  return `${part.weekday} ${part.month} ${String(part.day).padStart(2, ' ')} ${part.hour}:${part.minute}:${part.second} ${part.year}`;
}

export function getSupportedApiList(registry: WebApiRegistry): WebApiMethod {
  return {
    interface: 'ISteamWebAPIUtil',
    method: 'GetSupportedAPIList',
    version: 1,
    needsKey: false,
    parameters: [{ name: 'key', type: 'string', optional: true, description: 'access key' }],
    arrayElements: { interfaces: 'interface', methods: 'method', parameters: 'parameter' },
    handle({ caller }) {
      // A key that reached here is valid (a bad one was refused with 403 already).
      const keyed = caller.key !== undefined || caller.accessToken !== undefined;
      const interfaces: WebApiObject[] = [];
      for (const method of registry.list()) {
        if (method.needsKey && !keyed) continue;
        let entry = interfaces.at(-1);
        if (!entry || entry.name !== method.interface) {
          entry = { name: method.interface, methods: [] };
          interfaces.push(entry);
        }
        (entry.methods as WebApiObject[]).push(describe(method));
      }
      return { root: 'apilist', value: { interfaces } };
    },
  };
}

function describe(method: WebApiMethod): WebApiObject {
  const key: WebApiParameter = {
    name: 'key',
    type: 'string',
    optional: false,
    description: isServiceInterface(method.interface) ? 'Access key' : 'access key',
  };
  const parameters = method.needsKey ? [key, ...method.parameters] : method.parameters;
  return {
    name: method.method,
    version: method.version,
    httpmethod: method.httpMethod ?? 'GET',
    description: method.description,
    parameters: parameters.map((p) => ({ ...p })),
  };
}
