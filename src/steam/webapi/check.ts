/**
 * @module steam/webapi/check
 * The generic caller's checks, before anything is sent: the path (`ISteamUser/
 * GetPlayerSummaries/v2`, also `v0002`, pasted slashes or a whole URL), then interface,
 * method, version and parameter names against the list Steam publishes for the key
 * (GetSupportedAPIList). Each failure is one InvalidInputError naming the closest existing
 * name, the versions there are, or the parameters the method takes.
 */
import { InvalidInputError } from '../../core/errors.js';
import type { WebApiTarget } from './call.js';
import { findTypedMethod, isServiceInterface, type WebApiAuth } from './methods.js';
import type { CallArguments, ParamSpec } from './params.js';
import { closestName } from './suggest.js';
import type { SupportedApiList, SupportedApiMethod } from './types.js';

export interface MethodPath {
  interface: string;
  method: string;
  /** Absent: the highest version Steam lists. */
  version?: number;
}

/** `ISteamUser/GetPlayerSummaries/v2`, `/ISteamUser/GetPlayerSummaries/v0002/`, `…/2`, or a URL. */
export function parseMethodPath(input: string): MethodPath {
  let path = input.trim();
  if (/^https?:\/\//i.test(path)) {
    let url: URL;
    try {
      url = new URL(path);
    } catch {
      throw new InvalidInputError(`"${input}" is not a URL nor Interface/Method/vN`, 'method');
    }
    if (url.search) {
      throw new InvalidInputError(
        'give the parameters as parameters, not in the pasted URL (a key in it would be logged): use Interface/Method/vN',
        'method',
      );
    }
    path = url.pathname;
  }
  const parts = path.split('/').filter(Boolean);
  if (parts.length < 2 || parts.length > 3) {
    throw new InvalidInputError(
      `"${input}" is not a Web API method: write Interface/Method/vN, e.g. ISteamUser/GetPlayerSummaries/v2`,
      'method',
    );
  }
  const [iface, method, version] = parts as [string, string, string | undefined];
  if (version === undefined) return { interface: iface, method };
  const match = /^v?0*(\d+)$/i.exec(version);
  if (!match) {
    throw new InvalidInputError(`"${version}" is not a version: write v1, v2 (or v0001, v0002)`, 'method');
  }
  return { interface: iface, method, version: Number(match[1]) };
}

/** Checks a call against the method list; returns what the call function needs to send it. */
export function checkCall(
  list: SupportedApiList,
  path: MethodPath,
  args: CallArguments,
  options: { http?: 'GET' | 'POST'; withoutKey?: boolean } = {},
): WebApiTarget {
  // Without a key the near name may be a keyless neighbour: the hint says why the wanted one is absent.
  const hint = options.withoutKey
    ? ' (without STEAM_API_KEY Steam lists only the methods that need no key)'
    : '';
  const names = list.interfaces.map((i) => i.name);
  const iface =
    list.interfaces.find((i) => i.name === path.interface) ??
    list.interfaces.find((i) => i.name.toLowerCase() === path.interface.toLowerCase());
  if (!iface) {
    const near = closestName(path.interface, names);
    // Keyless, the likely cause is the missing key: say that first, the near name after.
    if (options.withoutKey)
      throw new InvalidInputError(
        `no interface ${path.interface}: without STEAM_API_KEY Steam lists only the methods that need no key, so set it to reach ${path.interface}${near ? ` (the nearest keyless interface is ${near})` : ''}`,
        'interface',
      );
    throw new InvalidInputError(
      near
        ? `no interface ${path.interface}; did you mean ${near}?`
        : `no interface ${path.interface} in Steam's method list`,
      'interface',
    );
  }
  const sameName = iface.methods.filter((m) => m.name.toLowerCase() === path.method.toLowerCase());
  if (sameName.length === 0) {
    const near = closestName(
      path.method,
      iface.methods.map((m) => m.name),
    );
    const suggestion = near ? `; did you mean ${near} (${versionsOf(iface.methods, near)})?${hint}` : hint;
    throw new InvalidInputError(`no method ${path.method} in ${iface.name}${suggestion}`, 'method');
  }
  const method =
    path.version === undefined
      ? sameName.reduce((a, b) => (b.version > a.version ? b : a))
      : sameName.find((m) => m.version === path.version);
  if (!method) {
    throw new InvalidInputError(
      `${iface.name}/${sameName[0]!.name} has no v${path.version}; it has ${versionsOf(sameName, sameName[0]!.name)}`,
      'version',
    );
  }
  const full = `${iface.name}/${method.name}/v${method.version}`;
  const specs = parameterSpecs(method);
  const accepted = [...specs.keys()].filter((name) => !CREDENTIALS.has(name));
  const given = [...args.params.keys(), ...Object.keys(args.inputJson ?? {})];
  for (const name of given) {
    if (specs.has(name) && !CREDENTIALS.has(name)) continue;
    const near = closestName(name, accepted);
    const takes = accepted.length > 0 ? `it takes ${accepted.join(', ')}` : 'it takes no parameters';
    throw new InvalidInputError(
      `${full} has no parameter ${name}; ${near ? `did you mean ${near}? ` : ''}${takes}`,
      name,
    );
  }
  const service = isServiceInterface(iface.name);
  // Steam marks service parameters `optional: false` although it answers without them (xPaw's
  // SteamWebAPIDocumentation lists IPlayerService/GetOwnedGames' include_appinfo, appids_filter
  // and language so, yet GetOwnedGames?steamid= alone works): only classic methods are checked.
  if (!service) {
    const missing = method.parameters
      .filter((p) => !p.optional)
      .map((p) => baseName(p.name))
      .filter((name) => !CREDENTIALS.has(name) && !given.includes(name));
    if (missing.length > 0) {
      throw new InvalidInputError(`${full} needs ${missing.join(', ')} (missing)`, missing[0]);
    }
  }
  const typed = findTypedMethod(iface.name, method.name, method.version);
  return {
    interface: iface.name,
    method: method.name,
    version: method.version,
    http: options.http ?? (method.httpmethod.toUpperCase() === 'POST' ? 'POST' : 'GET'),
    auth: authOf(method),
    ...(typed?.privacy ? { privacy: typed.privacy } : {}),
    specs,
  };
}

const CREDENTIALS = new Set(['key', 'access_token']);

/** `publishedfileids[0]` → `publishedfileids`. */
function baseName(name: string): string {
  return name.replace(/\[0\]$/, '');
}

function parameterSpecs(method: SupportedApiMethod): Map<string, ParamSpec> {
  return new Map(
    method.parameters.map((p) => [baseName(p.name), { type: p.type, indexed: p.name.endsWith('[0]') }]),
  );
}

/** The list's own word on the key: required, optional, or not a parameter (then none is sent). */
function authOf(method: SupportedApiMethod): WebApiAuth {
  const key = method.parameters.find((p) => p.name === 'key');
  if (!key) return 'none';
  return key.optional ? 'optional' : 'key';
}

function versionsOf(methods: SupportedApiMethod[], name: string): string {
  return methods
    .filter((m) => m.name === name)
    .map((m) => `v${m.version}`)
    .join(', ');
}
