/**
 * Error mapping, no network: one line per failure, kind first, secrets and stacks left out.
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError, RateLimitError, UpstreamUnavailableError } from '../core/errors.js';
import { registerSecret } from '../core/http/redact.js';
import { describeToolError, toolError, withToolErrors } from './errors.js';

describe('describeToolError', () => {
  it('says when to retry after a rate limit', () => {
    const error = new RateLimitError('Steam rate limited this IP', 61_200, { service: 'steam-community' });
    expect(describeToolError(error)).toBe(
      'rate_limited: Steam rate limited this IP (steam-community); retry in 62s, not sooner',
    );
  });

  it('names the parameter of bad input and marks temporary failures', () => {
    expect(describeToolError(new InvalidInputError('limit must be above 0', 'limit'))).toBe(
      'invalid_input (limit): limit must be above 0',
    );
    expect(describeToolError(new UpstreamUnavailableError('Steam answered 502', { retryable: true }))).toBe(
      'upstream_unavailable: Steam answered 502 (temporary: retrying later may succeed)',
    );
  });

  it('keeps only the first line of an unexpected error, redacted', async () => {
    registerSecret('errors-test-secret-1234');
    const handler = withToolErrors(async () => {
      throw new Error('boom with errors-test-secret-1234\n    at x (/src/a.ts:1:2)');
    });
    const result = await handler();
    expect(result).toEqual({
      isError: true,
      content: [{ type: 'text', text: 'unexpected_failure: boom with [REDACTED]' }],
    });
    expect(toolError('plain').content).toEqual([{ type: 'text', text: 'unexpected_failure: plain' }]);
  });
});
