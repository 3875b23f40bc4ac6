/**
 * @module emulator/steam/vanity
 * Vanity names: the Web API's `GET /ISteamUser/ResolveVanityURL/v1/` and the lookups the
 * profile pages share. Names come from the scenario plus the built-in `gaben`.
 */
import type { EmulatorReply, EmulatorRequest } from '../types.js';
import type { SteamScenario } from './scenario.js';

/** Steam matches vanity names case-insensitively. */
export function resolveVanity(scenario: SteamScenario, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [vanity, steamid] of Object.entries(scenario.vanities)) {
    if (vanity.toLowerCase() === wanted) return steamid;
  }
  return undefined;
}

export function vanityOf(scenario: SteamScenario, steamid: string): string | undefined {
  return Object.entries(scenario.vanities).find(([, id]) => id === steamid)?.[0];
}

const RESOLVE_PATH = /^\/ISteamUser\/ResolveVanityURL\/v0*1\/?$/i;

/** UPSTREAM.md: a body with "Access is denied" means a bad key (Steam's own HTML page). */
const ACCESS_DENIED =
  '<html><head><title>Forbidden</title></head><body><h1>Forbidden</h1>Access is denied. Retrying will not help. Please verify your <pre>key=</pre> parameter.</body></html>';

const html = (status: number, body: string): EmulatorReply => ({
  status,
  headers: { 'content-type': 'text/html; charset=UTF-8' },
  body,
});

export function handleResolveVanity(
  req: EmulatorRequest,
  scenario: SteamScenario,
): EmulatorReply | undefined {
  if (req.method !== 'GET' || !RESOLVE_PATH.test(req.url.pathname)) return undefined;
  const params = req.url.searchParams;
  if (!authorized(params.get('key'), params.get('access_token'), scenario)) return html(403, ACCESS_DENIED);
  const name = params.get('vanityurl');
  if (!name) {
    return html(
      400,
      "<html><head><title>Bad Request</title></head><body><h1>Bad Request</h1>Required parameter 'vanityurl' is missing</body></html>",
    );
  }
  // url_type 1 (default) is individual profiles; groups (2, 3) are not emulated.
  const urlType = params.get('url_type') ?? '1';
  const steamid = urlType === '1' ? resolveVanity(scenario, name) : undefined;
  return {
    status: 200,
    body: { response: steamid ? { steamid, success: 1 } : { success: 42, message: 'No match' } },
  };
}

/** A listed key, any 32-hex key when none are listed, or an access token (UPSTREAM.md). */
function authorized(key: string | null, accessToken: string | null, scenario: SteamScenario): boolean {
  if (accessToken) return accessToken.split('.').length === 3;
  if (!key) return false;
  return scenario.apiKeys.length > 0 ? scenario.apiKeys.includes(key) : /^[0-9A-F]{32}$/i.test(key);
}
