/**
 * @module steam/webapi/interpret
 * Turns a Web API answer's status and headers into a typed error, or lets it through. Every
 * case in UPSTREAM.md's Web API sections lands here: a refused key (403 "Access is denied",
 * 401), a private profile (GetFriendList's 401, the stats methods' 403 "Profile is not
 * public"), an app without stats (400), 429, 5xx, and `x-eresult` headers.
 */
import {
  AuthenticationError,
  NotFoundError,
  PrivateError,
  RateLimitError,
  SessionExpiredError,
  UpstreamError,
  UpstreamInvalidRequestError,
  UpstreamUnavailableError,
  type GamestashErrorOptions,
} from '../../core/errors.js';
import { parseRetryAfter } from '../../core/http/backoff.js';
import type { HttpResponse } from '../../core/http/client.js';
import { redactedExcerpt, redactText } from '../../core/http/redact.js';
import type { PrivacyAnswer } from './methods.js';

/** What the call sent, for naming the failure. */
export interface CallContext {
  /** `Interface/Method/vN`. */
  path: string;
  /** How the call authenticated: the message for a refusal names what to fix. */
  auth: 'key' | 'token' | 'none';
  privacy?: PrivacyAnswer | undefined;
}

/** EResults that mean "try again later" (Steam's EResult enum; ASF retries 16 and 29). */
const TRANSIENT_ERESULTS = new Map([
  [2, 'Fail'],
  [3, 'NoConnection'],
  [10, 'Busy'],
  [16, 'Timeout'],
  [20, 'ServiceUnavailable'],
  [29, 'DuplicateRequest'],
  [35, 'IPNotFound'],
  [48, 'TryAnotherCM'],
]);

const OTHER_ERESULTS = new Map([
  [8, 'InvalidParam'],
  [9, 'FileNotFound'],
  [15, 'AccessDenied'],
  [25, 'LimitExceeded'],
  [42, 'NoMatch'],
  [84, 'RateLimitExceeded'],
]);

export function eresultName(code: number): string | undefined {
  return TRANSIENT_ERESULTS.get(code) ?? OTHER_ERESULTS.get(code);
}

/** Throws the typed error for a failed answer; returns for one worth parsing. */
export function checkWebApiResponse(res: HttpResponse, call: CallContext): void {
  const eresult = eresultOf(res);
  const options = (extra: GamestashErrorOptions = {}): GamestashErrorOptions => ({
    service: 'steam-webapi',
    status: res.status,
    request: res.request,
    body: redactedExcerpt(res.body),
    ...(eresult === undefined ? {} : { code: eresult }),
    ...extra,
  });
  const steamSays = steamMessage(res);
  const because = steamSays ? `: ${steamSays}` : '';

  if (res.status === 429) {
    throw new RateLimitError(
      `Steam Web API rate limited this key (${call.path})`,
      parseRetryAfter(res.headers['retry-after']),
      options(),
    );
  }
  if (res.status === 401 && call.privacy === 'unauthorized-401') {
    // UPSTREAM.md: GetFriendList answers 401 for a private profile; a refused key is a 403.
    throw new PrivateError(`the friend list is private (Steam answered 401 to ${call.path})`, options());
  }
  if (res.status === 403 && /Profile is not public/i.test(res.body.slice(0, 2000))) {
    throw new PrivateError(`the profile is not public, so Steam hides its stats (${call.path})`, options());
  }
  if (res.status === 403 && isEmptyAnswer(res.body)) {
    // Not a refused key (that is always Steam's "Access is denied" page): keyless methods answer
    // 403 with an empty document for an app they have nothing on (fkrzski/laravel-steam-api-sdk's
    // recorded answers; not confirmed elsewhere).
    throw new NotFoundError(
      `Steam has nothing for ${call.path} (403 with an empty answer): an app it does not know, or one without achievements or news`,
      options({ code: 'empty_answer' }),
    );
  }
  if (res.status === 401 || res.status === 403) throw refused(res, call, options());
  if (res.status === 400) {
    if (/Requested app has no stats/i.test(res.body.slice(0, 2000))) {
      throw new NotFoundError(`Requested app has no stats (${call.path})`, options({ code: 'no_stats' }));
    }
    if (/Parameter 'key' is missing/i.test(res.body.slice(0, 2000))) {
      throw new AuthenticationError(`${call.path} needs a Steam Web API key: set STEAM_API_KEY`, options());
    }
    throw new UpstreamInvalidRequestError(`Steam rejected ${call.path} (400)${because}`, options());
  }
  if (res.status === 404) {
    throw new NotFoundError(`Steam has no ${call.path} (404)${because}`, options());
  }
  if (res.status >= 500) {
    const which = eresult === undefined ? '' : `, ${describeEresult(eresult)}`;
    throw new UpstreamUnavailableError(
      `Steam Web API answered ${res.status} to ${call.path}${which}${because}`,
      options({ retryable: true }),
    );
  }
  if (res.status !== 200) {
    throw new UpstreamError(`Steam Web API answered ${res.status} to ${call.path}${because}`, options());
  }
  if (eresult !== undefined && eresult !== 1) {
    // node-steam-tradeoffer-manager treats `x-eresult: 2` with a body as success: Steam sends
    // that "fake Fail" on answers that carry their data (UPSTREAM.md).
    if (eresult === 2 && res.body.trim() !== '') return;
    throw eresultError(eresult, call, options(), because);
  }
}

function refused(res: HttpResponse, call: CallContext, options: GamestashErrorOptions) {
  if (call.auth === 'token') {
    // UPSTREAM.md: an expired access token answers 403.
    return new SessionExpiredError(
      `Steam refused the access token for ${call.path} (${res.status}): it has probably expired; sign in again`,
      options,
    );
  }
  const what =
    call.auth === 'key'
      ? 'the Steam Web API key was refused: check STEAM_API_KEY'
      : `${call.path} needs a Steam Web API key: set STEAM_API_KEY`;
  return new AuthenticationError(`${what} (Steam answered ${res.status})`, options);
}

function eresultError(eresult: number, call: CallContext, options: GamestashErrorOptions, because: string) {
  const message = `Steam could not answer ${call.path}: ${describeEresult(eresult)}${because}`;
  if (TRANSIENT_ERESULTS.has(eresult))
    return new UpstreamUnavailableError(message, { ...options, retryable: true });
  if (eresult === 84) return new RateLimitError(message, undefined, options);
  if (eresult === 8) return new UpstreamInvalidRequestError(message, options);
  if (eresult === 9 || eresult === 42) return new NotFoundError(message, options);
  return new UpstreamError(message, options);
}

function describeEresult(code: number): string {
  const name = eresultName(code);
  return name ? `EResult ${code} ${name}` : `EResult ${code}`;
}

/** `{}`, `null`, nothing, or an XML prolog without a root element: Valve's empty answer. */
function isEmptyAnswer(body: string): boolean {
  const text = body
    .replace(/^\s*<\?xml[^>]*\?>/, '')
    .replace(/<!DOCTYPE[^>]*>/i, '')
    .trim();
  return text === '' || text === '{}' || text === 'null';
}

function eresultOf(res: HttpResponse): number | undefined {
  const raw = res.headers['x-eresult'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isInteger(n) ? n : undefined;
}

/**
 * What Steam said, in one short line: its `x-error_message` header, or the text of an HTML
 * error page (`<h1>Bad Request</h1>Required parameter 'vanityurl' is missing`). Redacted.
 */
function steamMessage(res: HttpResponse): string | undefined {
  const header = res.headers['x-error_message'];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  let text = fromHeader;
  if (!text && /^\s*</.test(res.body)) {
    const body = /<body[^>]*>([\s\S]*?)(?:<\/body>|$)/i.exec(res.body)?.[1] ?? '';
    text = body
      .replace(/<h1>[\s\S]*?<\/h1>/i, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  if (!text) return undefined;
  const line = redactText(text);
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
