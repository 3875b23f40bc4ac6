/**
 * @module gateway/routes/inventory-common
 * What both inventory routes share: turning validated parameters into a target (any form
 * of SteamID the CLI and MCP take, resolved through the library and its vanity cache; app
 * and context ids in their one spelling), the caller's auth context, and the answer's headers.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { canonicalAppId, canonicalContextId } from '../../steam/ids/app-context.js';
import type { GatewayServices } from '../services/index.js';
import type { InventoryCaller, InventoryResult, InventoryTarget } from '../services/inventory-service.js';

export interface TargetParams {
  steamid: string;
  appid: string;
  contextid: string;
  language?: string | undefined;
  /** What the app id is called in this route (`gameid` on `/inventory`), for 400s. */
  appParameter?: string;
}

/**
 * Ids are checked before the SteamID is resolved, so a bad request costs no vanity lookup.
 * `0730` is app 730 and `02` context 2: one cache entry and one Steam fetch for each spelling.
 */
export async function targetOf(params: TargetParams, services: GatewayServices): Promise<InventoryTarget> {
  const appid = canonicalAppId(params.appid, params.appParameter ?? 'appid');
  const contextid = canonicalContextId(params.contextid);
  const { steamid64 } = await services.resolveSteamId(params.steamid);
  return { steamid64, appid, contextid, language: params.language ?? services.config.core.steam.language };
}

export function callerOf(request: FastifyRequest): InventoryCaller {
  const cookie = request.headers['x-steam-cookie'];
  return { keyId: request.apiKey!.id, steamCookie: typeof cookie === 'string' ? cookie : undefined };
}

/** `x-gamestash-steamid`: the SteamID64 the request's steamid (a vanity, a URL, ...) resolved to. */
export function setInventoryHeaders(
  reply: FastifyReply,
  target: InventoryTarget,
  result: InventoryResult,
): void {
  reply.header('x-gamestash-steamid', target.steamid64);
  reply.header('x-gamestash-cache', result.cache);
  reply.header('age', String(Math.floor(result.entry.ageMs() / 1000)));
  if (result.staleReason) reply.header('x-gamestash-stale-reason', result.staleReason);
  // Answers depend on the key (quota) and maybe a private session: no shared caches.
  reply.header('cache-control', 'private, no-store');
}

/**
 * Whether `Accept-Encoding` allows gzip (RFC 9110 12.5.3): listed, or `*`, without `q=0`.
 * The `/inventory` route answers with gzip then, from bytes compressed once per cache entry.
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  let star: boolean | undefined;
  for (const part of text.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (name === 'gzip' || name === 'x-gzip') return allowed;
    if (name === '*') star = allowed;
  }
  return star ?? false;
}
