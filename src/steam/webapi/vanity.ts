/**
 * @module steam/webapi/vanity
 * ISteamUser/ResolveVanityURL/v1: a custom profile name to a SteamID64. Its own file so that
 * steam/ids/resolve.ts can use it without loading the whole client.
 */
import { callTyped, type WebApiCallOptions, type WebApiContext } from './call.js';
import { WEBAPI_METHODS } from './methods.js';
import type { VanityResolution } from './types.js';

export interface ResolveVanityOptions extends WebApiCallOptions {
  /** 1 (default) individual profile, 2 group, 3 official game group. */
  url_type?: 1 | 2 | 3;
}

/** Steam's answer as it is: `success` 1 with `steamid`, or 42 "No match". */
export function resolveVanityURL(
  ctx: WebApiContext,
  vanityurl: string,
  { url_type, ...options }: ResolveVanityOptions = {},
): Promise<VanityResolution> {
  return callTyped<VanityResolution>(ctx, WEBAPI_METHODS.resolveVanityURL, { vanityurl, url_type }, options);
}
