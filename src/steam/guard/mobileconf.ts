/**
 * @module steam/guard/mobileconf
 * Requests to Steam's mobile confirmation endpoints (`/mobileconf/getlist`, `ajaxop`,
 * `multiajaxop`) with what Steam checks: the session cookies, the `Origin` header (UPSTREAM.md,
 * 2025-02, node-steamcommunity #351) and the Steam app's user agent (`okhttp/4.9.2`: getlist
 * answers 429 without it since 2026-07, #371). Each carries a confirmation key for a time used
 * once, so the transport never sends one twice (a retry would reuse its time); callers that
 * may retry take a new time. Answers are read into typed errors here.
 */
import {
  ConfirmationFailedError,
  ConfirmationKeyRefusedError,
  MalformedResponseError,
  RateLimitError,
  UpstreamError,
  UpstreamUnavailableError,
  type GamestashErrorOptions,
} from '../../core/errors.js';
import { parseRetryAfter } from '../../core/http/backoff.js';
import type { HttpClient, HttpResponse, PaceOptions } from '../../core/http/client.js';
import { redactedExcerpt } from '../../core/http/redact.js';
import type { SteamSession } from '../session/session.js';
import { MOBILE_USER_AGENT, sessionExpired } from '../trade/community.js';

/** The Steam app's user agent (node-steamcommunity v3.50.3 sends it to /mobileconf/, fixing #371). */
export const MOBILE_APP_USER_AGENT = MOBILE_USER_AGENT;

export interface MobileconfContext {
  http: HttpClient;
  /** `https://steamcommunity.com` or the emulator. */
  communityUrl: string;
  /** The community host's pacing (one key per host, shared with inventory reads). */
  pace: PaceOptions;
  userAgent: string;
  timeoutMs?: number | undefined;
}

export type MobileconfEndpoint = 'getlist' | 'ajaxop' | 'multiajaxop';

export interface MobileconfCall {
  endpoint: MobileconfEndpoint;
  /** Query parameters (getlist, ajaxop) or the form (multiajaxop), `k` and `t` included. */
  params: [string, string][];
  session: SteamSession;
  /** What is being done, for messages (`load the confirmations`, `accept 2 confirmations`). */
  what: string;
  signal?: AbortSignal | undefined;
}

/** Sends one request; returns Steam's JSON when it says `success: true`, else throws the typed error. */
export function mobileconfRequest(
  ctx: MobileconfContext,
  call: MobileconfCall,
): Promise<Record<string, unknown>> {
  const base = ctx.communityUrl.replace(/\/+$/, '');
  const url = new URL(`${base}/mobileconf/${call.endpoint}`);
  const post = call.endpoint === 'multiajaxop';
  if (!post) for (const [name, value] of call.params) url.searchParams.append(name, value);
  const headers: Record<string, string> = {
    accept: 'application/json, text/javascript, */*; q=0.01',
    cookie: call.session.cookieHeader,
    origin: new URL(ctx.communityUrl).origin,
    'user-agent': ctx.userAgent,
  };
  if (post) headers['content-type'] = 'application/x-www-form-urlencoded; charset=UTF-8';
  return ctx.http.request(
    {
      service: 'steam-community',
      method: post ? 'POST' : 'GET',
      url,
      headers,
      ...(post ? { body: new URLSearchParams(call.params).toString() } : {}),
      pace: ctx.pace,
      // A confirmation key is good once: never sent twice by the transport.
      idempotent: false,
      ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
      ...(call.signal ? { signal: call.signal } : {}),
    },
    (res) => readAnswer(res, call),
  );
}

function readAnswer(res: HttpResponse, call: MobileconfCall): Record<string, unknown> {
  const meta = (extra: GamestashErrorOptions = {}): GamestashErrorOptions => ({
    service: 'steam-community',
    status: res.status,
    request: res.request,
    body: redactedExcerpt(res.body),
    ...extra,
  });
  const location = res.headers.location;
  if (res.status >= 300 && res.status < 400) {
    if (/\/login/i.test(String(location ?? '')))
      throw sessionExpired('Steam redirected to its login page', meta());
    throw new UpstreamError(`Steam answered ${res.status} (a redirect) to ${res.request.url}`, meta());
  }
  if (res.status === 429) {
    throw new RateLimitError(
      `Steam answered 429 when asked to ${call.what}: the community host is rate limiting, or (since 2026-07) the request lacked the Steam app's user agent (${MOBILE_APP_USER_AGENT})`,
      parseRetryAfter(res.headers['retry-after']),
      meta(),
    );
  }
  if (res.status === 401) throw sessionExpired('Steam answered 401', meta());
  if (res.status === 403) {
    throw new UpstreamError(
      `Steam refused to ${call.what} with 403: it does so to confirmation requests without an Origin header (since 2025-02), and to sessions it no longer accepts; log in again if it persists`,
      meta(),
    );
  }
  if (res.status >= 500) {
    throw new UpstreamUnavailableError(
      `Steam answered ${res.status} when asked to ${call.what}`,
      meta({ retryable: true }),
    );
  }
  if (res.status !== 200)
    throw new UpstreamError(`Steam answered ${res.status} to ${res.request.url}`, meta());
  const json = parseObject(res.body);
  if (!json) {
    throw new MalformedResponseError(
      `Steam's answer when asked to ${call.what} is not JSON`,
      meta({ retryable: true }),
    );
  }
  if (json.success === true) return json;
  if (json.needauth === true || json.needsauth === true) {
    throw sessionExpired('Steam said the confirmations need a login (needauth)', meta());
  }
  const message = typeof json.message === 'string' ? json.message : '';
  const detail = typeof json.detail === 'string' ? json.detail : '';
  if (/invalid authenticator/i.test(message) || /incorrect Steam Guard codes/i.test(detail)) {
    throw new ConfirmationKeyRefusedError(
      `Steam refused the confirmation key (Invalid authenticator) when asked to ${call.what}: STEAM_IDENTITY_SECRET is not this account's identity_secret, or the key's time was off Steam's clock or used before`,
      meta({ code: 'invalid_authenticator' }),
    );
  }
  throw new ConfirmationFailedError(
    message
      ? `Steam would not ${call.what}: ${message}`
      : `Steam would not ${call.what} (it answered success: false): the confirmation is gone (acted on already, or its offer changed), or the account has not acknowledged trade protection`,
    meta({ code: message ? 'refused' : 'not_done' }),
  );
}

function parseObject(body: string): Record<string, unknown> | undefined {
  const text = body.trim();
  if (!text.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
