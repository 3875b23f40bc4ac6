/**
 * @module cli/output/errors
 * One line per failure, naming the problem and what to do; never a stack trace.
 */
import {
  GamestashError,
  InvalidInputError,
  PrivateError,
  QueueTimeoutError,
  RateLimitError,
  SessionExpiredError,
  AuthenticationError,
  NotFoundError,
} from '../../core/errors.js';
import { redactText } from '../../core/http/redact.js';

export const ExitCode = {
  Ok: 0,
  Failure: 1,
  Usage: 2,
  RateLimited: 3,
  Private: 4,
  NotFound: 5,
  Auth: 6,
} as const;

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const s = Math.ceil(ms / 1000);
  if (s < 120) return `${s}s`;
  return `${Math.ceil(s / 60)} min`;
}

export function describeError(error: unknown): { message: string; exitCode: number } {
  if (error instanceof RateLimitError) {
    const wait = error.retryAfterMs === undefined ? 'later' : `in ${formatDuration(error.retryAfterMs)}`;
    return { message: `rate limited by ${error.service}, retry ${wait}`, exitCode: ExitCode.RateLimited };
  }
  if (error instanceof QueueTimeoutError && error.waitMs !== undefined) {
    const message = `requests upstream are held back (a cool-down after a rate limit, or a long queue), retry in ${formatDuration(error.waitMs)}`;
    return { message, exitCode: ExitCode.RateLimited };
  }
  if (error instanceof InvalidInputError) return { message: error.message, exitCode: ExitCode.Usage };
  if (error instanceof PrivateError) return { message: error.message, exitCode: ExitCode.Private };
  if (error instanceof NotFoundError) return { message: error.message, exitCode: ExitCode.NotFound };
  if (error instanceof SessionExpiredError || error instanceof AuthenticationError) {
    return { message: error.message, exitCode: ExitCode.Auth };
  }
  if (error instanceof GamestashError) return { message: error.message, exitCode: ExitCode.Failure };
  const text = error instanceof Error ? error.message : String(error);
  return { message: `unexpected failure: ${text}`, exitCode: ExitCode.Failure };
}

export function printError(error: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  const { message, exitCode } = describeError(error);
  stderr.write(`gamestash: ${redactText(message)}\n`);
  return exitCode;
}
