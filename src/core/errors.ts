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
  override readonly kind = 'not_found';
}

/** Credentials were refused: a bad API key or token. */
export class AuthenticationError extends UpstreamError {
  override readonly kind: string = 'authentication_failed';
}

/** Session cookies expired (Steam redirects to /login or answers 401/403). */
export class SessionExpiredError extends AuthenticationError {
  override readonly kind = 'session_expired';
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

export function isGamestashError(value: unknown): value is GamestashError {
  return value instanceof GamestashError;
}
