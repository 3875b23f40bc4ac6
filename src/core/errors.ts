/**
 * @module core/errors
 * One base class for everything gamestash throws on purpose, and one subclass per failure
 * kind, so callers branch on `instanceof` (or `code`) instead of parsing messages.
 */

export type Service = 'steam-community' | 'steam-webapi' | 'roblox' | 'skinport' | 'gateway' | 'gamestash';

export interface RequestSummary {
  method: string;
  /** The URL with credentials (keys, tokens) already redacted. */
  url: string;
}

export interface GamestashErrorOptions {
  service?: Service;
  status?: number;
  /** Upstream error code: a Steam EResult, a Roblox `code` string, or our own. */
  code?: string | number;
  request?: RequestSummary;
  /** The upstream body, truncated and redacted. */
  body?: string;
  /** Whether repeating the same request later may succeed. */
  retryable?: boolean;
  cause?: unknown;
}

export class GamestashError extends Error {
  /** Stable machine-readable kind, e.g. `rate_limited`. */
  readonly kind: string = 'error';
  readonly service: Service;
  readonly status: number | undefined;
  readonly code: string | number | undefined;
  readonly request: RequestSummary | undefined;
  readonly body: string | undefined;
  readonly retryable: boolean;

  constructor(message: string, options: GamestashErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.service = options.service ?? 'gamestash';
    this.status = options.status;
    this.code = options.code;
    this.request = options.request;
    this.body = options.body;
    this.retryable = options.retryable ?? false;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      service: this.service,
      status: this.status,
      code: this.code,
      request: this.request,
    };
  }
}

/** The caller passed something unusable; nothing was sent upstream. */
export class InvalidInputError extends GamestashError {
  override readonly kind = 'invalid_input';
  /** The parameter at fault, e.g. `steamid` or `count`. */
  readonly parameter: string | undefined;
  constructor(message: string, parameter?: string, options: GamestashErrorOptions = {}) {
    super(message, options);
    this.parameter = parameter;
  }
}

/** The upstream answered, but not with what we asked for. */
export class UpstreamError extends GamestashError {
  override readonly kind: string = 'upstream_error';
}

export class RateLimitError extends UpstreamError {
  override readonly kind = 'rate_limited';
  /** How long to wait before trying again, when known or estimated. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, retryAfterMs: number | undefined, options: GamestashErrorOptions = {}) {
    super(message, { retryable: true, ...options });
    this.retryAfterMs = retryAfterMs;
  }
}

/** The inventory or profile exists but is not visible to this caller. */
export class PrivateError extends UpstreamError {
  override readonly kind = 'private';
}

export class NotFoundError extends UpstreamError {
  override readonly kind: string = 'not_found';
}

/**
 * The account has no inventory for this app (Steam's EResult 55 on an inventory read: the app
 * is not owned, or never held items). Not temporary for that account: asking again will not help.
 */
export class NoInventoryError extends NotFoundError {
  override readonly kind = 'no_inventory';
}

/** Credentials were refused: a bad API key or token. */
export class AuthenticationError extends UpstreamError {
  override readonly kind: string = 'authentication_failed';
}

/** Session cookies expired (Steam redirects to /login or answers 401/403). */
export class SessionExpiredError extends AuthenticationError {
  override readonly kind = 'session_expired';
}

/**
 * Steam refused a mobile confirmation key ("Invalid authenticator"): the identity secret is
 * not this account's, or the key's time was off Steam's clock or used before. Nothing was done.
 */
export class ConfirmationKeyRefusedError extends AuthenticationError {
  override readonly kind = 'confirmation_key_refused';
}

/**
 * Steam would not act on a mobile confirmation (`{"success": false}`): it is gone (acted on,
 * or its offer changed), or the account has not acknowledged trade protection.
 */
export class ConfirmationFailedError extends UpstreamError {
  override readonly kind = 'confirmation_failed';
}

/** The upstream refused the request's content (Steam 400, Roblox INVALID_ARGUMENT). */
export class UpstreamInvalidRequestError extends UpstreamError {
  override readonly kind = 'upstream_rejected';
}

/** The upstream is failing (5xx, transient EResults); usually worth retrying. */
export class UpstreamUnavailableError extends UpstreamError {
  override readonly kind = 'upstream_unavailable';
}

/** The body could not be read as what the endpoint promises (truncated JSON, wrong shape). */
export class MalformedResponseError extends UpstreamError {
  override readonly kind = 'malformed_response';
}

/** No HTTP answer at all: refused, reset, DNS failure. */
export class ConnectionError extends UpstreamError {
  override readonly kind: string = 'connection_failed';
}

export class TimeoutError extends ConnectionError {
  override readonly kind = 'timeout';
}

/** Why Steam refused a trade action, as node-steam-tradeoffer-manager names the causes (its helpers.js). */
export type TradeRefusalReason =
  | 'TradeBan'
  | 'NewDevice'
  | 'TargetCannotTrade'
  | 'OfferLimitExceeded'
  | 'ItemServerUnavailable'
  | 'PrivateInventory'
  | 'TradeProtectionNotAcknowledged';

/**
 * Steam refused a trade action (send, accept, decline, cancel) and said why: a `strError`
 * with a trailing `(N)` EResult, or an `x-eresult`. Nothing was done upstream. `retryable`
 * when the EResult is a temporary one (20 ServiceUnavailable, the item server being down).
 */
export class TradeOfferRefusedError extends UpstreamError {
  override readonly kind = 'trade_refused';
  /** Steam's EResult, when it gave one (or the manager's reading of the words gives one). */
  readonly eresult: number | undefined;
  readonly reason: TradeRefusalReason | undefined;
  constructor(
    message: string,
    options: GamestashErrorOptions & {
      eresult?: number | undefined;
      reason?: TradeRefusalReason | undefined;
    } = {},
  ) {
    const { eresult, reason, ...rest } = options;
    super(message, { ...(eresult === undefined ? {} : { code: eresult }), ...rest });
    this.eresult = eresult;
    this.reason = reason;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), eresult: this.eresult, reason: this.reason };
  }
}

/**
 * A trade write whose outcome is unknown: Steam may or may not have done it, and checking
 * failed too. Nothing is retried; the message says what to look at. With an idempotency
 * key, calling again with the same key checks again before anything is sent.
 */
export class TradeOutcomeUnknownError extends UpstreamError {
  override readonly kind = 'trade_outcome_unknown';
}

/**
 * An idempotency key that cannot be used for this call: it was first used for a different
 * request (`different_request`, like Stripe's), or a send under it may still be in flight
 * (`in_progress`; `retryAfterMs` says when its lease ends).
 */
export class IdempotencyConflictError extends GamestashError {
  override readonly kind = 'idempotency_conflict';
  readonly reason: 'different_request' | 'in_progress';
  readonly retryAfterMs: number | undefined;
  constructor(
    message: string,
    reason: 'different_request' | 'in_progress',
    options: GamestashErrorOptions & { retryAfterMs?: number } = {},
  ) {
    const { retryAfterMs, ...rest } = options;
    super(message, rest);
    this.reason = reason;
    this.retryAfterMs = retryAfterMs;
  }
}

/** A local wait (pacing queue, budget) took longer than the caller allowed. */
export class QueueTimeoutError extends GamestashError {
  override readonly kind = 'queue_timeout';
  /** How long until a slot would have been free, when the pacer knows. */
  readonly waitMs: number | undefined;
  constructor(message: string, options: GamestashErrorOptions & { waitMs?: number } = {}) {
    const { waitMs, ...rest } = options;
    super(message, rest);
    this.waitMs = waitMs;
  }
}

/**
 * A store the caller depends on (Redis, PostgreSQL, an SQLite file) cannot be reached or used
 * right now: refused, cut, timed out, wrong password, no such database, an unwritable file.
 * `reason` says why in plain words (never a driver's internals); `location` is where, with
 * credentials redacted. Front-ends decide what degrades and what answers "retry later".
 */
export class StoreUnavailableError extends GamestashError {
  override readonly kind = 'store_unavailable';
  /** Which store, as people name it: `Redis`, `PostgreSQL`, `SQLite`. */
  readonly store: string;
  readonly reason: string;
  /** The store's URL or path, credentials redacted. */
  readonly location: string | undefined;
  constructor(
    store: string,
    reason: string,
    options: GamestashErrorOptions & { location?: string | undefined } = {},
  ) {
    const { location, ...rest } = options;
    super(`${store}${location ? ` at ${location}` : ''} is unavailable: ${reason}`, rest);
    this.store = store;
    this.reason = reason;
    this.location = location;
  }
}

export function isGamestashError(value: unknown): value is GamestashError {
  return value instanceof GamestashError;
}
