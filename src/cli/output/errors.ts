/**
 * @module cli/output/errors
 * One line per failure, naming the problem and what to do; never a stack trace. Commander's
 * own complaints (unknown option, missing value, ...) are reworded into the same style.
 */
import type { CommanderError } from 'commander';
import {
  GamestashError,
  InvalidInputError,
  PrivateError,
  QueueTimeoutError,
  RateLimitError,
  SessionExpiredError,
  AuthenticationError,
  NotFoundError,
  TradeOfferRefusedError,
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
  /** Steam refused the trade action (a `strError` or `x-eresult`): nothing was done. */
  TradeRefused: 7,
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
  if (error instanceof TradeOfferRefusedError)
    return { message: error.message, exitCode: ExitCode.TradeRefused };
  if (error instanceof PrivateError) return { message: error.message, exitCode: ExitCode.Private };
  if (error instanceof NotFoundError) return { message: error.message, exitCode: ExitCode.NotFound };
  if (error instanceof SessionExpiredError || error instanceof AuthenticationError) {
    return { message: error.message, exitCode: ExitCode.Auth };
  }
  if (error instanceof GamestashError) return { message: error.message, exitCode: ExitCode.Failure };
  const text = error instanceof Error ? error.message : String(error);
  return { message: `unexpected failure: ${text}`, exitCode: ExitCode.Failure };
}

/**
 * Commander's message (`error: option '--limit <n>' argument '0' is invalid. --limit must ...`,
 * with a suggestion on a second line) as one plain line in our words.
 */
export function describeCommanderError(error: CommanderError): string {
  const text = error.message
    .replace(/^error:\s*/, '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\(Did you mean/g, '(did you mean')
    .trim();
  let m: RegExpExecArray | null;
  switch (error.code) {
    case 'commander.invalidArgument':
      if ((m = /^option '([^']*)' argument '(.*)' is invalid\. (.*)$/s.exec(text))) {
        const [, flags = '', value = '', reason = ''] = m;
        const flag = flagOf(flags);
        const choices = /^Allowed choices are (.*)\.$/.exec(reason);
        if (choices) return `${flag} must be one of ${choices[1]}, got "${value}"`;
        return reason.startsWith(flag) ? reason : `${flag}: ${reason}`;
      }
      if ((m = /^command-argument value '(.*)' is invalid for argument '(.*)'\. (.*)$/s.exec(text))) {
        return `<${m[2]}> "${m[1]}" is invalid: ${m[3]}`;
      }
      return text;
    case 'commander.optionMissingArgument':
      m = /^option '([^']*)' argument missing$/.exec(text);
      return m ? `${flagOf(m[1] ?? '')} needs a value (${m[1]?.replace(/^-\w, /, '')})` : text;
    case 'commander.missingMandatoryOptionValue':
      m = /^required option '([^']*)' not specified$/.exec(text);
      return m ? `${flagOf(m[1] ?? '')} is required (see --help)` : text;
    case 'commander.missingArgument':
      m = /^missing required argument '(.*)'$/.exec(text);
      return m ? `<${m[1]}> is missing (see --help)` : text;
    case 'commander.conflictingOption':
      return text.replace(/option '([^']*)'/g, (_all, flags: string) => flagOf(flags));
    case 'commander.excessArguments':
      m = /^too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(text);
      return m
        ? `too many arguments${m[1] ? ` for ${m[1]}` : ''}: expected ${m[2]}, got ${m[3]} (quote a value that has spaces)`
        : text;
    case 'commander.unknownOption':
    case 'commander.unknownCommand':
      return `${text} (see --help)`;
    default:
      return text;
  }
}

/** `-l, --lang <language>` -> `--lang`: the long flag, as users type it. */
function flagOf(flags: string): string {
  return /--[\w-]+/.exec(flags)?.[0] ?? flags.split(/[\s,]/)[0] ?? flags;
}

export function printError(error: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  const { message, exitCode } = describeError(error);
  stderr.write(`gamestash: ${redactText(message)}\n`);
  return exitCode;
}
