/**
 * @module steam/trade/community
 * Requests to the community trade endpoints (`/tradeoffer/...`, `/trade/new/acknowledge`)
 * with what Steam checks (seed 001, UPSTREAM.md): the session cookies, the `sessionid` form
 * field equal to its cookie, a `Referer` on the trade offer page and an `Origin`. Paced on
 * the community host's key, never retried (POSTs are not idempotent). Answers are read
 * here into typed errors: a redirect to `/login` or a 401/403 is an expired session, a
 * `strError` is a refusal (or, for EResult 16/29, an unknown outcome the caller reconciles).
 */
import {
  MalformedResponseError,
  RateLimitError,
  SessionExpiredError,
  UpstreamError,
  UpstreamInvalidRequestError,
  UpstreamUnavailableError,
  type GamestashErrorOptions,
} from '../../core/errors.js';
import { parseRetryAfter } from '../../core/http/backoff.js';
import type { HttpClient, HttpResponse, PaceOptions } from '../../core/http/client.js';
import { redactedExcerpt } from '../../core/http/redact.js';
import type { SteamSession } from '../session/session.js';
import { readStrError, refusalError, type TradeAction } from './str-error.js';

export interface CommunityContext {
  http: HttpClient;
  /** `https://steamcommunity.com` or the emulator. */
  communityUrl: string;
  pace: PaceOptions;
  timeoutMs?: number | undefined;
}

/** The mobile app's user agent: the offer page answers 429 without it since 2026-07 (UPSTREAM.md; manager PR #370). */
export const MOBILE_USER_AGENT = 'okhttp/4.9.2';

export interface CommunityCall {
  method: 'GET' | 'POST';
  /** Path below the community URL, e.g. `/tradeoffer/new/send`. */
  path: string;
  /** Query parameters (GET) or form fields (POST; `sessionid` is added). */
  fields?: readonly (readonly [string, string])[];
  /** Path and query of the page the request comes from (`/tradeoffer/new/?partner=…`). */
  referer: string;
  session: SteamSession;
  /** What is being done, for messages; trade actions read `strError` as refusals. */
  action: TradeAction | 'acknowledge' | 'read';
  offerId?: string | undefined;
  userAgent?: string;
  signal?: AbortSignal | undefined;
}

export function communityUrlOf(ctx: Pick<CommunityContext, 'communityUrl'>, pathAndQuery: string): URL {
  return new URL(pathAndQuery, `${ctx.communityUrl.replace(/\/+$/, '')}/`);
}

/** Sends one community request; `interpret` sees only answers that passed the common checks. */
export function communityRequest<T>(
  ctx: CommunityContext,
  call: CommunityCall,
  interpret: (res: HttpResponse, json: unknown) => T,
): Promise<T> {
  const url = communityUrlOf(ctx, call.path);
  const fields = call.fields ?? [];
  const post = call.method === 'POST';
  if (!post) for (const [name, value] of fields) url.searchParams.append(name, value);
  const headers: Record<string, string> = {
    accept: 'application/json, text/javascript, */*; q=0.01',
    cookie: call.session.cookieHeader,
    referer: communityUrlOf(ctx, call.referer).toString(),
    origin: new URL(ctx.communityUrl).origin,
  };
  if (call.userAgent) headers['user-agent'] = call.userAgent;
  let body: string | undefined;
  if (post) {
    headers['content-type'] = 'application/x-www-form-urlencoded; charset=UTF-8';
    // The form's sessionid must equal the cookie's (seed 001): both come from the session.
    body = new URLSearchParams([
      ['sessionid', call.session.sessionId],
      ...fields.map(([name, value]): [string, string] => [name, value]),
    ]).toString();
  }
  return ctx.http.request(
    {
      service: 'steam-community',
      method: call.method,
      url,
      headers,
      ...(body === undefined ? {} : { body }),
      pace: ctx.pace,
      // Writes are never sent twice by the transport; reads may be.
      idempotent: !post,
      ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
      ...(call.signal ? { signal: call.signal } : {}),
    },
    (res) => interpret(res, checkCommunityAnswer(res, call)),
  );
}

/**
 * The checks every trade endpoint shares. Returns the parsed JSON (undefined for a body that
 * is not JSON, which only page reads accept) or throws the typed error.
 */
export function checkCommunityAnswer(
  res: HttpResponse,
  call: Pick<CommunityCall, 'action' | 'offerId'>,
): unknown {
  const meta = (extra: GamestashErrorOptions = {}): GamestashErrorOptions => ({
    service: 'steam-community',
    status: res.status,
    request: res.request,
    body: redactedExcerpt(res.body),
    ...extra,
  });
  const location = headerOf(res, 'location');
  if (res.status >= 300 && res.status < 400) {
    if (location && /\/login/i.test(location))
      throw sessionExpired(`Steam redirected to its login page`, meta());
    throw new UpstreamError(`Steam answered ${res.status} (a redirect) to ${res.request.url}`, meta());
  }
  const json = parseJson(res.body);
  const strError =
    typeof json === 'object' && json !== null && typeof (json as { strError?: unknown }).strError === 'string'
      ? (json as { strError: string }).strError
      : undefined;
  if (strError !== undefined && call.action !== 'read' && call.action !== 'acknowledge') {
    throw refusalError(readStrError(strError), call.action, {
      ...meta(),
      ...(call.offerId ? { offerId: call.offerId } : {}),
    });
  }
  if (res.status === 429) {
    throw new RateLimitError(
      'Steam rate limited this IP on the community host',
      parseRetryAfter(res.headers['retry-after']),
      meta(),
    );
  }
  // UPSTREAM.md: an expired session answers 401 on send and cancel, 403 on accept.
  if (res.status === 401 || res.status === 403) {
    throw sessionExpired(`Steam answered ${res.status}`, meta());
  }
  if (res.status >= 500) {
    throw new UpstreamUnavailableError(
      `Steam answered ${res.status} to ${res.request.url}${strError ? `: ${readStrError(strError).text}` : ''}`,
      meta({ retryable: true }),
    );
  }
  if (res.status === 400) {
    throw new UpstreamInvalidRequestError(
      `Steam refused the request as malformed (400) at ${res.request.url}${strError ? `: ${readStrError(strError).text}` : ''}`,
      meta(),
    );
  }
  if (res.status !== 200) {
    throw new UpstreamError(`Steam answered ${res.status} to ${res.request.url}`, meta());
  }
  return json;
}

/** The answer's JSON object, or a retryable MalformedResponseError naming the endpoint. */
export function jsonObjectOf(res: HttpResponse, json: unknown, what: string): Record<string, unknown> {
  if (typeof json === 'object' && json !== null && !Array.isArray(json))
    return json as Record<string, unknown>;
  throw new MalformedResponseError(`Steam's answer to ${what} is not the JSON object it should be`, {
    service: 'steam-community',
    status: res.status,
    request: res.request,
    body: redactedExcerpt(res.body),
    retryable: true,
  });
}

export function sessionExpired(why: string, options: GamestashErrorOptions): SessionExpiredError {
  return new SessionExpiredError(
    `the Steam session was refused (${why}): it has expired or was logged out; log in to steamcommunity.com again and copy the new steamLoginSecure cookie into STEAM_COOKIES`,
    { ...options, code: 'session_expired' },
  );
}

function parseJson(body: string): unknown {
  const text = body.trim();
  if (!text.startsWith('{') && !text.startsWith('[') && text !== 'null') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function headerOf(res: HttpResponse, name: string): string | undefined {
  const value = res.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
