/**
 * @module store/failures
 * Store failures in plain words. Drivers speak in their own terms ("Connection is closed.",
 * "Stream isn't writeable and enableOfflineQueue options is false", SQLSTATE codes): an
 * operator reading a start-up line or a log needs "connection refused" or "database "x" does
 * not exist", and a caller of the gateway must never see driver text at all.
 */
import { StoreUnavailableError } from '../core/errors.js';
import { redactText } from '../core/http/redact.js';

/** Told once per outage: `available` false when the store is lost, true when it is back. */
export type AvailabilityListener = (available: boolean, reason?: string) => void;

interface DriverError {
  code?: unknown;
  message?: unknown;
  errors?: unknown;
}

/** PostgreSQL's own words for these are already plain and name what is wrong. */
const POSTGRES_OWN_WORDS = new Set(['28P01', '28000', '3D000', '3F000', '42501']);

/** Why `store` failed, in a few plain words; `error` is whatever the driver threw. */
export function describeStoreFailure(store: string, error: unknown): string {
  const { code, message, errors } = (error ?? {}) as DriverError;
  // Node reports a failed multi-address connect (localhost: ::1 and 127.0.0.1) as an
  // AggregateError whose own message is empty: its first cause says why.
  if (Array.isArray(errors) && errors.length > 0 && !code) return describeStoreFailure(store, errors[0]);
  const text = typeof message === 'string' ? message : '';
  switch (code) {
    case 'ECONNREFUSED':
      return `connection refused (is ${store} running and listening there?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'no such host';
    case 'ETIMEDOUT':
      return 'no answer in time';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the connection was cut';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a part of the path is a file, not a directory';
    case 'EISDIR':
      return 'the path is a directory';
    case 'ENOSPC':
    case 'SQLITE_FULL':
      return 'the disk is full';
    case 'SQLITE_CANTOPEN':
      return 'cannot open the file (does its directory exist, and may this user write there?)';
    case 'SQLITE_READONLY':
      return 'the file or its directory is read-only';
    case 'SQLITE_NOTADB':
      return 'the file is not an SQLite database';
    case 'SQLITE_BUSY':
      return 'the file is locked by another process';
    case '57P01':
    case '57P02':
      return 'the server is shutting down';
    case '57P03':
      return 'the server is starting up';
    case '53300':
      return 'too many connections';
  }
  if (typeof code === 'string' && POSTGRES_OWN_WORDS.has(code) && text) return redactText(text);
  if (typeof code === 'string' && code.startsWith('SQLITE_IOERR')) return 'a disk read or write failed';
  if (/WRONGPASS|NOAUTH|invalid password/i.test(text)) return 'authentication failed: check the password';
  if (/timeout|timed out/i.test(text)) return 'no answer in time';
  if (
    /Connection terminated|Connection is closed|connection.*closed|not queryable|isn't writeable/i.test(text)
  )
    return 'the connection was lost';
  return text ? redactText(text.split('\n')[0]!) : 'unknown failure';
}

/** Network errno codes that mean "the store cannot be reached", not "the query was wrong". */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Whether a PostgreSQL query failed because the server or the connection did (it went down,
 * restarted, cut us off), as opposed to an error in the query itself (a constraint, a type).
 */
export function isPostgresConnectionFailure(error: unknown): boolean {
  const { code, message } = (error ?? {}) as DriverError;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    // SQLSTATE 08: connection exception; 57P0x: shutdown / starting up; 53300: too many connections.
    if (code.startsWith('08') || /^57P0[1-3]$/.test(code) || code === '53300') return true;
  }
  const text = typeof message === 'string' ? message : '';
  return /Connection terminated|not queryable|Query read timeout|timeout exceeded when trying to connect/i.test(
    text,
  );
}

export function storeUnavailable(
  store: string,
  error: unknown,
  location?: string,
  code = 'store_unavailable',
): StoreUnavailableError {
  if (error instanceof StoreUnavailableError) return error;
  return new StoreUnavailableError(store, describeStoreFailure(store, error), {
    location,
    code,
    cause: error,
  });
}
