/**
 * @module steam/community/inventory/interpret
 * Turns one `GET /inventory/...` response into a page or a typed error. Every status and
 * body shape listed in UPSTREAM.md ("Steam community inventory") lands here.
 */
import { describeEResult, eresultInfo, parseEResult } from '../../../core/eresult.js';
import {
  MalformedResponseError,
  NoInventoryError,
  NotFoundError,
  PrivateError,
  RateLimitError,
  SessionExpiredError,
  UpstreamError,
  UpstreamInvalidRequestError,
  UpstreamUnavailableError,
  type GamestashErrorOptions,
} from '../../../core/errors.js';
import { parseRetryAfter } from '../../../core/http/backoff.js';
import type { AttemptInfo, HttpResponse } from '../../../core/http/client.js';
import { redactedExcerpt } from '../../../core/http/redact.js';
import type { RawInventoryPage } from './types.js';

/** Steam answers 400 with a literal `null` body when count is above its page cap. */
export class PageCapError extends UpstreamInvalidRequestError {}

/** The lower of the two reported caps (node-steamcommunity #355 vs steampy #457). */
export const FALLBACK_PAGE_SIZE = 1000;

export interface InventoryTarget {
  steamid64: string;
  appid: number;
  contextid: string;
}

export interface InventoryAsk {
  /** The `count` asked for: a null 400 above 1000 may be the cap, at 1000 or below it is not. */
  count: number;
  /** Whether the request carried session cookies (changes what a 403 means). */
  withCookies: boolean;
}

export function interpretInventoryPage(
  res: HttpResponse,
  target: InventoryTarget,
  ask: InventoryAsk = { count: FALLBACK_PAGE_SIZE, withCookies: false },
  attempt: AttemptInfo = { attempt: 0, last: true },
): RawInventoryPage {
  const who = `inventory ${target.steamid64}/${target.appid}/${target.contextid}`;
  // Only built on the way to an error: pages are large and mostly fine.
  const errorOptions = (): GamestashErrorOptions => ({
    service: 'steam-community',
    status: res.status,
    request: res.request,
    body: redactedExcerpt(res.body),
  });
  const location = headerOf(res, 'location');
  if (res.status >= 300 && res.status < 400) {
    if (location && /\/login/i.test(location)) {
      const problem = ask.withCookies
        ? 'the session cookies have expired; sign in again and refresh the cookies (STEAM_COOKIES)'
        : "it wants a signed-in session here: set STEAM_COOKIES to the owner's session";
      throw new SessionExpiredError(`Steam redirected to its login page: ${problem}`, {
        ...errorOptions(),
        code: 'login_redirect',
      });
    }
    throw new UpstreamError(`Steam redirected ${who} unexpectedly (${res.status})`, errorOptions());
  }
  if (res.status === 403) {
    const hint = ask.withCookies
      ? "the cookies sent are not the owner's session, or Steam no longer accepts them"
      : "only its owner can read it: set STEAM_COOKIES to the owner's session";
    throw new PrivateError(`${who} is private (or the profile is); ${hint}`, errorOptions());
  }
  if (res.status === 401) {
    // Reported once in 2026 (UPSTREAM.md): 401 with a null body for a never set-up profile.
    throw new NotFoundError(
      `Steam has no community profile for ${target.steamid64} (never set up)`,
      errorOptions(),
    );
  }
  if (res.status === 429) {
    throw new RateLimitError(
      'Steam rate limited this IP',
      parseRetryAfter(res.headers['retry-after']),
      errorOptions(),
    );
  }
  if (res.status === 400) {
    const isNull = res.body.trim() === 'null' || res.body.trim() === '';
    // UPSTREAM.md: a null 400 at 1000 or below is a real error (e.g. an invalid SteamID).
    const ErrorClass = isNull && ask.count > FALLBACK_PAGE_SIZE ? PageCapError : UpstreamInvalidRequestError;
    throw new ErrorClass(`Steam rejected the request for ${who} (400): check the steamid and context`, {
      ...errorOptions(),
      code: 'bad_request',
    });
  }
  if (res.status >= 500) throw serverError(res, who, errorOptions(), attempt);
  if (res.status !== 200) throw new UpstreamError(`Steam answered ${res.status} for ${who}`, errorOptions());

  let page: RawInventoryPage | null;
  try {
    page = JSON.parse(res.body) as RawInventoryPage | null;
  } catch {
    // Truncated bodies happen under load; a fresh request usually succeeds.
    throw new MalformedResponseError(`Steam sent unreadable JSON for ${who}`, {
      ...errorOptions(),
      retryable: true,
    });
  }
  if (!page || typeof page !== 'object') {
    throw new MalformedResponseError(`Steam sent an empty answer for ${who}`, {
      ...errorOptions(),
      retryable: true,
    });
  }
  if (page.success !== 1 && page.success !== true) {
    const reason = page.Error ?? page.error ?? 'no reason given';
    throw new UpstreamUnavailableError(`Steam could not load ${who}: ${reason}`, {
      ...errorOptions(),
      code: 'success_false',
      retryable: true,
    });
  }
  if (page.assets !== undefined && !Array.isArray(page.assets)) {
    throw new MalformedResponseError(`Steam sent assets that are not a list for ${who}`, errorOptions());
  }
  return page;
}

const LAST_ASSETID_KEY = '"last_assetid":"';

/**
 * The next page's cursor read from the raw body before it is decoded and parsed, so the
 * next request can start meanwhile. A hint only: the pager checks it against the parsed
 * page. The match is a real key, since quotes inside a JSON string are escaped.
 */
export function peekNextCursor(bytes: Buffer): string | undefined {
  if (bytes.lastIndexOf('"more_items":1') < 0 && bytes.lastIndexOf('"more_items":true') < 0) return undefined;
  const key = bytes.lastIndexOf(LAST_ASSETID_KEY);
  if (key < 0) return undefined;
  const start = key + LAST_ASSETID_KEY.length;
  const end = bytes.indexOf('"', start);
  const cursor = end > start && end - start <= 20 ? bytes.toString('latin1', start, end) : '';
  return /^\d+$/.test(cursor) ? cursor : undefined;
}

/**
 * `{"error": "EYldRefreshAppIfNecessary failed with EResult 55"}`: the trailing number is an
 * EResult, read through the one table (core/eresult.ts). UPSTREAM.md calls 55 transient, but
 * for an inventory it mostly means the account has no inventory of that app: it is retried
 * once (with the transport's backoff) in case it was a hiccup, then reported as final.
 */
function serverError(res: HttpResponse, who: string, base: GamestashErrorOptions, attempt: AttemptInfo) {
  let message: string | undefined;
  try {
    const parsed = JSON.parse(res.body) as { error?: string; Error?: string } | null;
    message = parsed?.error ?? parsed?.Error;
  } catch {
    message = undefined;
  }
  const eresult = parseEResult(message);
  if (eresult === undefined) {
    return new UpstreamUnavailableError(`Steam failed to load ${who} (HTTP ${res.status})`, {
      ...base,
      retryable: true,
    });
  }
  const info = eresultInfo(eresult);
  const options = { ...base, code: eresult };
  if (eresult === NO_INVENTORY_ERESULT && (attempt.attempt >= 1 || attempt.last)) {
    return new NoInventoryError(`Steam could not load ${who}: ${describeEResult(eresult)}`, options);
  }
  if (eresult === NO_INVENTORY_ERESULT) {
    return new UpstreamUnavailableError(`Steam could not load ${who}: EResult ${eresult} (${info.name})`, {
      ...options,
      retryable: true,
    });
  }
  return new UpstreamUnavailableError(`Steam could not load ${who}: ${describeEResult(eresult)}`, {
    ...options,
    retryable: info.transient,
  });
}

/** EResult 55 on an inventory: this account has no inventory of this app (see core/eresult.ts). */
const NO_INVENTORY_ERESULT = 55;

function headerOf(res: HttpResponse, name: string): string | undefined {
  const value = res.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
