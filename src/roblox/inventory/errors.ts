/**
 * @module roblox/inventory/errors
 * Turns one List Inventory Items response into a page body or a typed error. Roblox uses two
 * error shapes (UPSTREAM.md): the Open Cloud v2 one, `{"code": "INVALID_ARGUMENT", "message",
 * "details"}`, and the gateway's, `{"errors": [{"code": 0, "message": "Invalid API Key"}]}`
 * (401). Both are read; the HTTP status decides the error class.
 */
import {
  AuthenticationError,
  MalformedResponseError,
  NotFoundError,
  PrivateError,
  RateLimitError,
  UpstreamError,
  UpstreamInvalidRequestError,
  UpstreamUnavailableError,
  type GamestashErrorOptions,
} from '../../core/errors.js';
import { parseRetryAfter } from '../../core/http/backoff.js';
import type { HttpResponse } from '../../core/http/client.js';
import { redactedExcerpt, redactText } from '../../core/http/redact.js';
import type { RobloxRateLimitInfo, RawRobloxInventoryPage } from './types.js';

/** What the request was, so messages can name the likely cause. */
export interface InventoryRequestContext {
  userId: string;
  credential: 'apiKey' | 'oauthToken';
  filter: string;
  pageToken: string | undefined;
  needsInventoryRead: boolean;
}

/** Reads either error shape; both fields undefined when the body is neither. */
export function parseRobloxError(body: string): { code: string | undefined; message: string | undefined } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { code: undefined, message: undefined };
  }
  if (!parsed || typeof parsed !== 'object') return { code: undefined, message: undefined };
  const record = parsed as { code?: unknown; message?: unknown; errors?: unknown };
  if (Array.isArray(record.errors) && record.errors.length > 0) {
    const first = record.errors[0] as { code?: unknown; message?: unknown } | null;
    return {
      code: first?.code === undefined ? undefined : String(first.code),
      message: typeof first?.message === 'string' ? first.message : undefined,
    };
  }
  return {
    code: typeof record.code === 'string' ? record.code : undefined,
    message: typeof record.message === 'string' ? record.message : undefined,
  };
}

export function interpretInventoryResponse(
  res: HttpResponse,
  ctx: InventoryRequestContext,
): RawRobloxInventoryPage {
  if (res.status === 200) return parsePage(res, ctx);
  const { code, message } = parseRobloxError(res.body);
  const options: GamestashErrorOptions = {
    service: 'roblox',
    status: res.status,
    request: res.request,
    body: redactedExcerpt(res.body),
    ...(code === undefined ? {} : { code }),
  };
  const said = redactText(message ?? `HTTP ${res.status}`);
  const who = `Roblox user ${ctx.userId}'s inventory`;
  const envVar = ctx.credential === 'apiKey' ? 'ROBLOX_API_KEY' : 'ROBLOX_OAUTH_TOKEN';

  if (res.status === 401) {
    const what = ctx.credential === 'apiKey' ? 'API key' : 'OAuth2 token';
    return fail(new AuthenticationError(`Roblox refused the ${what} (${said}): check ${envVar}`, options));
  }
  if (res.status === 403) {
    const hint = ctx.needsInventoryRead
      ? `this filter (${ctx.filter}) needs Inventory read permission on user ${ctx.userId}`
      : 'the inventory is private: only a key or token the user granted Inventory read can see it';
    return fail(new PrivateError(`Roblox denied access to ${who} (${said}): ${hint}`, options));
  }
  if (res.status === 404) {
    return fail(new NotFoundError(`Roblox has no user ${ctx.userId} (${said})`, options));
  }
  if (res.status === 429) {
    // UPSTREAM.md: honour retry-after when present and non-zero, else back off exponentially.
    const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
    return fail(
      new RateLimitError(
        `Roblox rate limited this ${ctx.credential === 'apiKey' ? 'key owner' : 'token'} (${said})`,
        retryAfterMs,
        options,
      ),
    );
  }
  if (res.status === 400) {
    const hint = ctx.pageToken
      ? ': a page token only works with the exact query that produced it'
      : ctx.filter
        ? `: check the filter (${ctx.filter})`
        : '';
    return fail(
      new UpstreamInvalidRequestError(`Roblox rejected the request for ${who} (${said})${hint}`, options),
    );
  }
  if (res.status >= 500) {
    return fail(
      new UpstreamUnavailableError(`Roblox failed to list ${who} (${said})`, { ...options, retryable: true }),
    );
  }
  return fail(new UpstreamError(`Roblox answered ${res.status} for ${who} (${said})`, options));
}

/** `x-ratelimit-*` headers, as numbers where present. */
export function rateLimitInfo(res: HttpResponse): RobloxRateLimitInfo {
  const read = (name: string) => {
    const raw = res.headers[name];
    const value = Number(Array.isArray(raw) ? raw[0] : raw);
    return raw === undefined || !Number.isFinite(value) ? undefined : value;
  };
  return {
    limit: read('x-ratelimit-limit'),
    remaining: read('x-ratelimit-remaining'),
    resetSeconds: read('x-ratelimit-reset'),
  };
}

function parsePage(res: HttpResponse, ctx: InventoryRequestContext): RawRobloxInventoryPage {
  const options: GamestashErrorOptions = {
    service: 'roblox',
    status: res.status,
    request: res.request,
    body: redactedExcerpt(res.body),
  };
  let page: unknown;
  try {
    page = JSON.parse(res.body);
  } catch {
    // A truncated body is a transport accident: the same request usually succeeds.
    throw new MalformedResponseError(`Roblox sent unreadable JSON for user ${ctx.userId}`, {
      ...options,
      retryable: true,
    });
  }
  if (!page || typeof page !== 'object' || Array.isArray(page)) {
    throw new MalformedResponseError(`Roblox sent a non-object page for user ${ctx.userId}`, options);
  }
  const { inventoryItems, nextPageToken } = page as RawRobloxInventoryPage;
  if (inventoryItems !== undefined && !Array.isArray(inventoryItems)) {
    throw new MalformedResponseError(
      `Roblox sent inventoryItems that are not a list for user ${ctx.userId}`,
      options,
    );
  }
  if (nextPageToken !== undefined && nextPageToken !== null && typeof nextPageToken !== 'string') {
    throw new MalformedResponseError(
      `Roblox sent a nextPageToken that is not a string for user ${ctx.userId}`,
      options,
    );
  }
  return page as RawRobloxInventoryPage;
}

function fail(error: Error): never {
  throw error;
}
