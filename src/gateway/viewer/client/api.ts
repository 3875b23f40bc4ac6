/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/api
 * The viewer's only way out: GETs to this gateway with the key in `x-api-key` (never in a
 * URL), and every failure turned into plain words for the place it happened: a private
 * inventory, a rate limit with the wait, a name that matches no one, a key the gateway refuses.
 */
import { readKey } from './key.js';
import { plainWords, type Place } from './words.js';

export interface ApiAnswer<T> {
  body: T;
  headers: Headers;
}

export type { Place } from './words.js';

/** A failed call, already in words for people. */
export class ViewerError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

export async function apiGet<T>(path: string, place: Place, signal?: AbortSignal): Promise<ApiAnswer<T>> {
  const key = readKey();
  if (!key) {
    throw new ViewerError(
      'Enter your gateway API key first (under “Gateway key” at the top).',
      401,
      'no_key',
    );
  }
  let res: Response;
  try {
    res = await fetch(path, {
      headers: { 'x-api-key': key, accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-store',
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ViewerError('The gateway cannot be reached: is it still running?', 0, 'unreachable');
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (res.ok && body) return { body: body as T, headers: res.headers };
  const error = (body as { error?: { code?: string; message?: string } } | null)?.error ?? {};
  const code = error.code ?? 'error';
  throw new ViewerError(
    plainWords(res.status, code, error.message, retryAfter(res.headers), place),
    res.status,
    code,
  );
}

function retryAfter(headers: Headers): number | undefined {
  const value = Number(headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : undefined;
}
