/**
 * A failure handed from the instance that led a fetch to those that waited: the same class,
 * message and upstream, so each instance answers with the same status and code.
 */
import { describe, expect, it } from 'vitest';
import { AuthenticationError, PrivateError, RateLimitError } from '../../core/errors.js';
import { describeFailure, rebuildFailure } from './failure-record.js';

const roundTrip = (error: unknown) => rebuildFailure(JSON.parse(JSON.stringify(describeFailure(error))));

describe('failure records', () => {
  it('keep the upstream service (a private friend list is not a private inventory)', () => {
    const rebuilt = roundTrip(new PrivateError('the friend list is private', { service: 'steam-webapi' }));
    expect(rebuilt).toBeInstanceOf(PrivateError);
    expect((rebuilt as PrivateError).service).toBe('steam-webapi');
    expect((roundTrip(new PrivateError('private')) as PrivateError).service).toBe('gamestash');
  });

  it('rebuild a refused key as such, and a rate limit with its wait', () => {
    const auth = roundTrip(
      new AuthenticationError('Steam refused the key', { service: 'steam-webapi', status: 403 }),
    );
    expect(auth).toBeInstanceOf(AuthenticationError);
    expect((auth as AuthenticationError).status).toBe(403);
    const limited = roundTrip(new RateLimitError('slow down', 12_000, { service: 'steam-webapi' }));
    expect((limited as RateLimitError).retryAfterMs).toBe(12_000);
  });
});
