/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/api
 * The viewer's only way out: calls to this gateway with the key in `x-api-key` (never in a
 * URL), and every failure turned into plain words for the place it happened: a private
 * inventory, a rate limit with the wait, a name that matches no one, a key the gateway refuses.
 * GETs for reading; the trade desk's POSTs (never repeated here: a retry is the person's
 * choice, and a send carries its Idempotency-Key).
 */
import { readKey } from './key.js';
import { plainWords, type Place } from './words.js';

export interface ApiAnswer<T> {
  body: T;
  headers: Headers;
}

export type { Place } from './words.js';

/** The gateway's error object: code and message, and what some codes add (trade_refused's reason). */
export interface GatewayError {
  code?: string;
  message?: string;
  reason?: string;
  eresult?: number;
}

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

/** Words for a failure: the default is plainWords for the call's place. */
export type Wording = (
  status: number,
  code: string,
  error: GatewayError,
  retryAfterSeconds: number | undefined,
) => string;

export interface CallOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  words?: Wording;
}

export function apiGet<T>(path: string, place: Place, signal?: AbortSignal): Promise<ApiAnswer<T>> {
  return apiCall<T>(path, place, { signal });
}

export async function apiCall<T>(
  path: string,
  place: Place,
  options: CallOptions = {},
): Promise<ApiAnswer<T>> {
  const { signal } = options;
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
      method: options.method ?? 'GET',
      headers: {
        'x-api-key': key,
        accept: 'application/json',
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
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
  const error = (body as { error?: GatewayError } | null)?.error ?? {};
  const code = error.code ?? 'error';
  const wait = retryAfter(res.headers);
  throw new ViewerError(
    options.words
      ? options.words(res.status, code, error, wait)
      : plainWords(res.status, code, error.message, wait, place),
    res.status,
    code,
  );
}

function retryAfter(headers: Headers): number | undefined {
  const value = Number(headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : undefined;
}
