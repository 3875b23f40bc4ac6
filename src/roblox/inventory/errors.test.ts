import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  MalformedResponseError,
  NotFoundError,
  PrivateError,
  RateLimitError,
  UpstreamError,
  UpstreamInvalidRequestError,
  UpstreamUnavailableError,
} from '../../core/errors.js';
import type { HttpResponse } from '../../core/http/client.js';
import { registerSecret } from '../../core/http/redact.js';
import {
  interpretInventoryResponse,
  parseRobloxError,
  rateLimitInfo,
  type InventoryRequestContext,
} from './errors.js';

const ctx: InventoryRequestContext = {
  userId: '42',
  credential: 'apiKey',
  filter: '',
  pageToken: undefined,
  needsInventoryRead: false,
};

function response(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return {
    status,
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    request: { method: 'GET', url: 'http://roblox.test/cloud/v2/users/42/inventory-items' },
    route: 'direct',
  };
}

function thrown(res: HttpResponse, context = ctx): Error {
  try {
    interpretInventoryResponse(res, context);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('parseRobloxError', () => {
  it('reads the Open Cloud v2 shape', () => {
    expect(
      parseRobloxError(
        '{"code":"INVALID_ARGUMENT","message":"The provided filter is invalid.","details":[]}',
      ),
    ).toEqual({ code: 'INVALID_ARGUMENT', message: 'The provided filter is invalid.' });
  });

  it('reads the gateway shape', () => {
    expect(parseRobloxError('{"errors":[{"code":0,"message":"Invalid API Key"}]}')).toEqual({
      code: '0',
      message: 'Invalid API Key',
    });
  });

  it('shrugs at anything else', () => {
    for (const body of ['', 'null', '<html>', '[]', '{"errors":[]}']) {
      expect(parseRobloxError(body)).toEqual({ code: undefined, message: undefined });
    }
  });
});

describe('interpretInventoryResponse', () => {
  it('maps each status to its error class', () => {
    const gateway = { errors: [{ code: 0, message: 'Invalid API Key' }] };
    const auth = thrown(response(401, gateway));
    expect(auth).toBeInstanceOf(AuthenticationError);
    expect(auth.message).toMatch(/refused the API key \(Invalid API Key\): check ROBLOX_API_KEY/);
    const oauth = thrown(response(401, gateway), { ...ctx, credential: 'oauthToken' });
    expect(oauth.message).toMatch(/OAuth2 token .*ROBLOX_OAUTH_TOKEN/);

    const denied = thrown(response(403, { code: 'PERMISSION_DENIED', message: 'no' }));
    expect(denied).toBeInstanceOf(PrivateError);
    expect(denied.message).toMatch(/inventory is private/);
    const needsRead = thrown(response(403, { code: 'PERMISSION_DENIED', message: 'no' }), {
      ...ctx,
      filter: 'privateServers=true',
      needsInventoryRead: true,
    });
    expect(needsRead.message).toMatch(/needs Inventory read permission/);

    expect(thrown(response(404, { code: 'NOT_FOUND', message: 'User not found.' }))).toBeInstanceOf(
      NotFoundError,
    );
    const bad = thrown(
      response(400, { code: 'INVALID_ARGUMENT', message: 'The provided filter is invalid.' }),
    );
    expect(bad).toBeInstanceOf(UpstreamInvalidRequestError);
    expect((bad as UpstreamInvalidRequestError).code).toBe('INVALID_ARGUMENT');
    const token = thrown(response(400, { code: 'INVALID_ARGUMENT', message: 'x' }), {
      ...ctx,
      pageToken: 'abc',
    });
    expect(token.message).toMatch(/page token only works with the exact query/);

    for (const [status, code] of [
      [500, 'INTERNAL'],
      [503, 'UNAVAILABLE'],
    ] as const) {
      const error = thrown(response(status, { code, message: 'oops' }));
      expect(error).toBeInstanceOf(UpstreamUnavailableError);
      expect((error as UpstreamUnavailableError).retryable).toBe(true);
    }
    expect(thrown(response(418, 'teapot'))).toBeInstanceOf(UpstreamError);
  });

  it('reads retry-after on 429, treating zero and missing as unknown (so the client backs off)', () => {
    const body = { code: 'RESOURCE_EXHAUSTED', message: 'Too many requests.' };
    const withHint = thrown(response(429, body, { 'retry-after': '3' })) as RateLimitError;
    expect(withHint).toBeInstanceOf(RateLimitError);
    expect(withHint.retryAfterMs).toBe(3000);
    expect(withHint.retryable).toBe(true);
    expect(
      (thrown(response(429, body, { 'retry-after': '0' })) as RateLimitError).retryAfterMs,
    ).toBeUndefined();
    expect((thrown(response(429, body)) as RateLimitError).retryAfterMs).toBeUndefined();
  });

  it('treats unreadable JSON as retryable and wrong shapes as malformed', () => {
    const truncated = thrown(response(200, '{"inventoryItems": [{"pa'));
    expect(truncated).toBeInstanceOf(MalformedResponseError);
    expect((truncated as MalformedResponseError).retryable).toBe(true);
    expect(thrown(response(200, 'null'))).toBeInstanceOf(MalformedResponseError);
    expect(thrown(response(200, { inventoryItems: {} }))).toBeInstanceOf(MalformedResponseError);
    expect(thrown(response(200, { inventoryItems: [], nextPageToken: 5 }))).toBeInstanceOf(
      MalformedResponseError,
    );
  });

  it('accepts a page with the list left out (proto3 JSON omits empty lists)', () => {
    expect(interpretInventoryResponse(response(200, {}), ctx)).toEqual({});
  });

  it('never repeats a registered secret from the body', () => {
    registerSecret('super-secret-roblox-key');
    const error = thrown(
      response(401, { errors: [{ code: 0, message: 'bad key super-secret-roblox-key' }] }),
    );
    expect(error.message).not.toContain('super-secret-roblox-key');
    expect((error as AuthenticationError).body).not.toContain('super-secret-roblox-key');
  });
});

describe('rateLimitInfo', () => {
  it('reads the x-ratelimit headers as numbers', () => {
    const res = response(
      200,
      {},
      { 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '99', 'x-ratelimit-reset': '1' },
    );
    expect(rateLimitInfo(res)).toEqual({ limit: 100, remaining: 99, resetSeconds: 1 });
    expect(rateLimitInfo(response(200, {}))).toEqual({
      limit: undefined,
      remaining: undefined,
      resetSeconds: undefined,
    });
  });
});
