/**
 * @module gateway/routes/inventory-common
 * What both inventory routes share: turning validated parameters into a target (the
 * SteamID64 re-checked for the individual-account range, since a pattern cannot), the
 * caller's auth context, and the cache headers on the answer.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InvalidInputError } from '../../core/errors.js';
import { canonicalContextId } from '../../steam/community/inventory/client.js';
import { toSteamId64 } from '../../steam/ids/parse.js';
import type { InventoryCaller, InventoryResult, InventoryTarget } from '../services/inventory-service.js';

export function targetOf(
  params: { steamid: string; appid: string; contextid: string; language?: string | undefined },
  defaultLanguage: string,
): InventoryTarget {
  return {
    steamid64: steamId64Of(params.steamid),
    appid: String(Number(params.appid)),
    // `02` is context 2: one cache entry and one Steam fetch for both spellings.
    contextid: canonicalContextId(params.contextid),
    language: params.language ?? defaultLanguage,
  };
}

/** The pattern admits 7656119 + 10 digits; the individual-account range is narrower. */
function steamId64Of(steamid: string): string {
  try {
    return toSteamId64(steamid, 'steamid');
  } catch {
    throw new InvalidInputError(
      `steamid ${steamid} is outside the range of individual accounts (76561197960265729 to 76561202255233023)`,
      'steamid',
    );
  }
}

export function callerOf(request: FastifyRequest): InventoryCaller {
  const cookie = request.headers['x-steam-cookie'];
  return { keyId: request.apiKey!.id, steamCookie: typeof cookie === 'string' ? cookie : undefined };
}

export function setCacheHeaders(reply: FastifyReply, result: InventoryResult): void {
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
