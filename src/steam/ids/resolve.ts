/**
 * @module steam/ids/resolve
 * Turns any way of naming a Steam account into a SteamID64, the same way on every front-end:
 * `me` is the configured STEAM_ID; a vanity name is looked up with a Web API key through
 * ISteamUser/ResolveVanityURL (the Web API client's call, steam/webapi/vanity.ts), otherwise
 * through the profile's `?xml=1` page, once per TTL when a {@link VanityCache} is given;
 * everything else resolves offline (parse.ts).
 */
import { XMLParser } from 'fast-xml-parser';
import {
  InvalidInputError,
  NotFoundError,
  RateLimitError,
  UpstreamError,
  UpstreamUnavailableError,
} from '../../core/errors.js';
import { parseRetryAfter } from '../../core/http/backoff.js';
import { steamQueueWaitLimitMs, type GamestashConfig } from '../../core/config.js';
import type { HttpClient, HttpResponse } from '../../core/http/client.js';
import { redactedExcerpt } from '../../core/http/redact.js';
import { webApiPace, type WebApiContext } from '../webapi/call.js';
import { resolveVanityURL } from '../webapi/vanity.js';
import { parseSteamIdentity, toSteamId64 } from './parse.js';
import type { VanityCache } from './vanity-cache.js';

export interface ResolveOptions {
  http: HttpClient;
  communityUrl: string;
  apiUrl: string;
  apiKey?: string | undefined;
  /** Pacing for the community host (the XML page counts against the same limit). */
  communityIntervalMs?: number;
  /** Fail with QueueTimeoutError rather than wait longer than this for a pacing slot. */
  maxQueueWaitMs?: number;
  /** A Web API client's context (its pacing and key) for ResolveVanityURL; built from the above otherwise. */
  webApi?: WebApiContext;
  /**
   * What `me` stands for: the user's own account (STEAM_ID) on the CLI and MCP. Unset, `me`
   * asks for STEAM_ID; `false` where there is no "me" at all (the gateway serves many callers).
   */
  me?: string | false | undefined;
  /** Remembers vanity lookups (one request per name per TTL); none: every vanity is looked up. */
  vanityCache?: VanityCache;
}

/** The options the CLI and MCP use: everything from the loaded config. */
export function resolveOptionsFromConfig(
  config: GamestashConfig,
  http: HttpClient,
  extra: Pick<ResolveOptions, 'vanityCache'> = {},
): ResolveOptions {
  return {
    http,
    communityUrl: config.steam.communityUrl,
    apiUrl: config.steam.apiUrl,
    apiKey: config.steam.apiKey,
    communityIntervalMs: config.steam.communityIntervalMs,
    maxQueueWaitMs: steamQueueWaitLimitMs(config),
    me: config.steam.steamId,
    ...extra,
  };
}

/** The word that stands for the configured account (STEAM_ID). */
export const ME = 'me';

export interface ResolvedSteamId {
  steamid64: string;
  tradeToken?: string;
}

export async function resolveSteamId(
  input: string,
  options: ResolveOptions,
  parameter = 'steamid',
): Promise<ResolvedSteamId> {
  if (input.trim().toLowerCase() === ME) return resolveMe(options, parameter);
  // The configured community host (the emulator's, in tests) is as good as Steam's own.
  const identity = parseSteamIdentity(input, parameter, [new URL(options.communityUrl).host]);
  if (identity.kind === 'steamid') {
    return {
      steamid64: identity.steamid64,
      ...(identity.tradeToken ? { tradeToken: identity.tradeToken } : {}),
    };
  }
  const lookup = () =>
    (options.webApi?.apiKey ?? options.apiKey)
      ? viaWebApi(identity.vanity, options)
      : viaProfileXml(identity.vanity, options);
  const steamid64 = options.vanityCache
    ? await options.vanityCache.resolve(identity.vanity, lookup)
    : await lookup();
  return { steamid64 };
}

async function resolveMe(options: ResolveOptions, parameter: string): Promise<ResolvedSteamId> {
  if (options.me === false) {
    throw new InvalidInputError(
      `${parameter} "me" has no meaning here (there is no configured account): give a SteamID64, profile URL, trade URL or vanity name`,
      parameter,
    );
  }
  if (options.me === undefined) {
    throw new InvalidInputError(
      `"me" stands for your own account, but STEAM_ID is not set: set STEAM_ID to your SteamID64 (or profile URL), or name the account`,
      parameter,
    );
  }
  if (options.me.trim().toLowerCase() === ME) {
    throw new InvalidInputError(
      'STEAM_ID cannot be "me": set it to your SteamID64 or profile URL',
      'STEAM_ID',
    );
  }
  return resolveSteamId(options.me, { ...options, me: false }, 'STEAM_ID');
}

async function viaWebApi(vanity: string, options: ResolveOptions): Promise<string> {
  const ctx = options.webApi ?? {
    http: options.http,
    apiUrl: options.apiUrl,
    apiKey: options.apiKey,
    pace: webApiPace(options.apiUrl),
  };
  const answer = await resolveVanityURL(ctx, vanity, { auth: 'key' });
  if (answer.success === 1 && answer.steamid) return toSteamId64(answer.steamid);
  throw new NotFoundError(`no Steam profile has the custom URL "${vanity}"`, { service: 'steam-webapi' });
}

async function viaProfileXml(vanity: string, options: ResolveOptions): Promise<string> {
  const url = new URL(`/id/${encodeURIComponent(vanity)}/`, options.communityUrl);
  url.searchParams.set('xml', '1');
  const pace = {
    key: new URL(options.communityUrl).host,
    intervalMs: options.communityIntervalMs ?? 0,
    ...(options.maxQueueWaitMs === undefined ? {} : { maxWaitMs: options.maxQueueWaitMs }),
  };
  return options.http.request({ service: 'steam-community', url, pace }, (res) => {
    // UPSTREAM.md: the community host answers 429 when paced too fast; the pacer must hear of it.
    if (res.status === 429) {
      throw new RateLimitError(
        'Steam rate limited this IP',
        parseRetryAfter(res.headers['retry-after']),
        meta(res),
      );
    }
    if (res.status >= 500) {
      throw new UpstreamUnavailableError(`Steam answered ${res.status}`, { ...meta(res), retryable: true });
    }
    // A missing profile is a 200 with an <error> document; any other status is not an answer.
    if (res.status !== 200) {
      throw new UpstreamError(`Steam answered ${res.status} for the profile of "${vanity}"`, meta(res));
    }
    const doc = new XMLParser({ parseTagValue: false }).parse(res.body) as {
      profile?: { steamID64?: string };
      response?: { error?: string };
    };
    const id = doc.profile?.steamID64;
    if (id) return toSteamId64(String(id));
    throw new NotFoundError(`no Steam profile has the custom URL "${vanity}"`, meta(res));
  });
}

function meta(res: HttpResponse) {
  return {
    service: 'steam-community' as const,
    status: res.status,
    request: res.request,
    body: redactedExcerpt(res.body),
  };
}
