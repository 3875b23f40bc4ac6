/**
 * @module gateway/services/failure-record
 * A typed error as plain JSON and back, so an instance that waited on another instance's
 * fetch answers exactly as the leader did (same status, same code, same message).
 */
import {
  AuthenticationError,
  ConnectionError,
  GamestashError,
  MalformedResponseError,
  NotFoundError,
  PrivateError,
  QueueTimeoutError,
  RateLimitError,
  SessionExpiredError,
  StoreUnavailableError,
  TimeoutError,
  UpstreamError,
  UpstreamInvalidRequestError,
  UpstreamUnavailableError,
  type GamestashErrorOptions,
  type Service,
} from '../../core/errors.js';
import { redactText } from '../../core/http/redact.js';

export interface FailureRecord {
  kind: string;
  message: string;
  /** Which upstream failed: the error handler words some answers per service (a private friend list is no inventory). */
  service?: Service;
  status?: number;
  code?: string | number;
  retryAfterMs?: number;
  /** For a store failure: which store, and why. */
  store?: string;
  reason?: string;
}

export function describeFailure(error: unknown): FailureRecord {
  if (!(error instanceof GamestashError)) return { kind: 'error', message: 'internal error' };
  return {
    kind: error.kind,
    message: redactText(error.message),
    service: error.service,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.code === undefined ? {} : { code: error.code }),
    ...(error instanceof RateLimitError && error.retryAfterMs !== undefined
      ? { retryAfterMs: error.retryAfterMs }
      : {}),
    ...(error instanceof StoreUnavailableError
      ? { store: error.store, reason: redactText(error.reason) }
      : {}),
  };
}

export function rebuildFailure(record: FailureRecord): Error {
  const options: GamestashErrorOptions = {
    service: record.service ?? 'steam-community',
    ...(record.status === undefined ? {} : { status: record.status }),
    ...(record.code === undefined ? {} : { code: record.code }),
  };
  switch (record.kind) {
    case 'rate_limited':
      return new RateLimitError(record.message, record.retryAfterMs, options);
    case 'private':
      return new PrivateError(record.message, options);
    case 'not_found':
      return new NotFoundError(record.message, options);
    case 'session_expired':
      return new SessionExpiredError(record.message, options);
    case 'authentication_failed':
      return new AuthenticationError(record.message, options);
    case 'upstream_rejected':
      return new UpstreamInvalidRequestError(record.message, options);
    case 'upstream_unavailable':
      return new UpstreamUnavailableError(record.message, options);
    case 'malformed_response':
      return new MalformedResponseError(record.message, options);
    case 'timeout':
      return new TimeoutError(record.message, options);
    case 'connection_failed':
      return new ConnectionError(record.message, options);
    case 'queue_timeout':
      return new QueueTimeoutError(record.message, { ...options, service: 'gateway' });
    case 'store_unavailable':
      return new StoreUnavailableError(record.store ?? 'a store', record.reason ?? 'unavailable', {
        ...options,
        service: 'gateway',
      });
    case 'upstream_error':
      return new UpstreamError(record.message, options);
    default:
      return new Error(record.message);
  }
}
