/**
 * @module steam/market/steam-interpret
 * What the community market's answers mean, before their bodies are read: a 429 (about 20
 * market requests a minute, usually without Retry-After: UPSTREAM.md), a redirect to the
 * login page, Steam's 5xx trouble. Both market endpoints go through here.
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
import type { HttpResponse } from '../../core/http/client.js';
import { redactedExcerpt } from '../../core/http/redact.js';

export function marketErrorOptions(res: HttpResponse): GamestashErrorOptions {
  return {
    service: 'steam-community',
    status: res.status,
    request: res.request,
    body: redactedExcerpt(res.body),
  };
}

/** Throws for every status that is not a readable answer; `what` names the request for messages. */
export function checkMarketStatus(res: HttpResponse, what: string): void {
  if (res.status === 429) {
    throw new RateLimitError(
      'Steam rate limited this IP on the community market',
      parseRetryAfter(res.headers['retry-after']),
      marketErrorOptions(res),
    );
  }
  if (res.status >= 300 && res.status < 400) {
    const location = String(res.headers.location ?? '');
    if (/\/login/i.test(location)) {
      throw new SessionExpiredError(`Steam redirected ${what} to its login page`, marketErrorOptions(res));
    }
    throw new UpstreamError(`Steam redirected ${what} unexpectedly (${res.status})`, marketErrorOptions(res));
  }
  if (res.status === 400) {
    throw new UpstreamInvalidRequestError(`Steam rejected ${what} (400)`, marketErrorOptions(res));
  }
}

/** The body as JSON, or a retryable MalformedResponseError (truncated bodies happen under load). */
export function readMarketJson<T>(res: HttpResponse, what: string): T {
  try {
    const value = JSON.parse(res.body) as T | null;
    if (value && typeof value === 'object') return value;
  } catch {
    /* fall through */
  }
  throw new MalformedResponseError(`Steam sent unreadable JSON for ${what}`, {
    ...marketErrorOptions(res),
    retryable: true,
  });
}

export function serverTrouble(res: HttpResponse, what: string): UpstreamUnavailableError {
  return new UpstreamUnavailableError(`Steam failed to answer ${what} (HTTP ${res.status})`, {
    ...marketErrorOptions(res),
    retryable: true,
  });
}
