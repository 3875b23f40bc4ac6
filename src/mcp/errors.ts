/**
 * @module mcp/errors
 * Library errors become MCP tool errors: `isError: true` and one line an agent can act on
 * (the kind, the parameter at fault, when to retry). Never a stack trace, never a secret:
 * the SDK would otherwise turn a thrown error into its raw message, unredacted.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { GamestashError, InvalidInputError, QueueTimeoutError, RateLimitError } from '../core/errors.js';
import { redactText } from '../core/http/redact.js';

export function describeToolError(error: unknown): string {
  if (error instanceof RateLimitError) {
    const wait = error.retryAfterMs === undefined ? 'later' : `in ${seconds(error.retryAfterMs)}`;
    return `rate_limited: ${error.message} (${error.service}); retry ${wait}, not sooner`;
  }
  if (error instanceof QueueTimeoutError && error.waitMs !== undefined) {
    // A cool-down after a 429 (or a long queue): the wait is known, so say it instead of hanging.
    return `rate_limited: requests upstream are held back (a cool-down after a rate limit, or a long queue); retry in ${seconds(error.waitMs)}, not sooner`;
  }
  if (error instanceof InvalidInputError) {
    return `invalid_input${error.parameter ? ` (${error.parameter})` : ''}: ${error.message}`;
  }
  if (error instanceof GamestashError) {
    // Retryable failures say so: an agent should not give up on a 503, nor loop on a 404.
    // EResult messages carry their own advice (core/eresult.ts): say it once.
    const hint =
      error.retryable && !/\bretry/i.test(error.message) ? ' (temporary: retrying later may succeed)' : '';
    return `${error.kind}: ${error.message}${hint}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `unexpected_failure: ${message.split('\n')[0] ?? ''}`;
}

export function toolError(error: unknown): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: redactText(describeToolError(error)) }] };
}

/** Wraps a tool handler so that whatever it throws comes back as a tool error. */
export function withToolErrors<A extends unknown[]>(
  handler: (...args: A) => Promise<CallToolResult>,
): (...args: A) => Promise<CallToolResult> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      return toolError(error);
    }
  };
}

function seconds(ms: number): string {
  return ms < 1000 ? '1s' : `${Math.ceil(ms / 1000)}s`;
}
