/**
 * @module gateway/plugins/errors
 * The one error handler: every failure becomes `{status, error: {code, message}}` with the
 * status a caller can act on. Typed library errors map by class; validation errors name the
 * parameter and what was expected; anything unforeseen is a 500 with no detail (the stack
 * goes to the log, never to the caller). Messages pass through redaction on the way out.
 * A store that is away (Redis, PostgreSQL) is a 503 `store_unavailable` naming the store and
 * nothing of its driver; every 503 carries `Retry-After`.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AuthenticationError,
  ConfirmationFailedError,
  ConnectionError,
  GamestashError,
  IdempotencyConflictError,
  InvalidInputError,
  MalformedResponseError,
  NoInventoryError,
  NotFoundError,
  PrivateError,
  QueueTimeoutError,
  RateLimitError,
  SessionExpiredError,
  StoreUnavailableError,
  TimeoutError,
  TradeOfferRefusedError,
  TradeOutcomeUnknownError,
  UpstreamInvalidRequestError,
} from '../../core/errors.js';
import { eresultInfo } from '../../core/eresult.js';
import { redactText } from '../../core/http/redact.js';
import { errorBody, GatewayProblem } from '../problem.js';
import { parameterHint } from '../schemas/common.js';

interface Mapped {
  status: number;
  code: string;
  message: string;
  parameter?: string;
  retryAfterSeconds?: number;
  allow?: string;
  /** Steam's EResult and the refusal's reason (trade refusals), or an idempotency conflict's reason. */
  eresult?: number;
  reason?: string;
}

/** What a 503 without a better estimate tells the caller: stores reconnect within seconds. */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;

const SECRET_PARAMETERS = new Set(['api_key', 'x-api-key', 'x-steam-cookie']);

/** The router's limit on one path segment (server.ts), named in the 414's message. */
export const MAX_PATH_SEGMENT_LENGTH = 256;

export function mapError(error: unknown, request: FastifyRequest): Mapped {
  if (error instanceof GatewayProblem) {
    return { status: error.httpStatus, code: error.problemCode, message: error.message, ...error.extra };
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation) return validationProblem(fastifyError as FastifyError, request);
  if (error instanceof StoreUnavailableError) return storeProblem(error);
  if (error instanceof GamestashError) return mapLibraryError(error);
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return frameworkProblem(fastifyError, status);
  return { status: 500, code: 'internal_error', message: 'internal error: the gateway log has the details' };
}

function mapLibraryError(error: GamestashError): Mapped {
  const m = (status: number, code: string, extra: Partial<Mapped> = {}) => ({
    status,
    code,
    message: error.message,
    ...extra,
  });
  if (error instanceof InvalidInputError)
    return m(400, 'invalid_input', error.parameter ? { parameter: error.parameter } : {});
  // Trade writes (docs/gateway.md, "Trading gateway"): Steam said no, or nobody can tell yet.
  if (error instanceof TradeOfferRefusedError)
    return m(422, 'trade_refused', {
      ...(error.eresult === undefined ? {} : { eresult: error.eresult }),
      ...(error.reason === undefined ? {} : { reason: error.reason }),
    });
  if (error instanceof TradeOutcomeUnknownError)
    return m(502, 'trade_outcome_unknown', {
      message: `${error.message} — read the offer (GET .../offers/{id}, or the sent offers) before trying again`,
    });
  if (error instanceof ConfirmationFailedError) return m(422, 'confirmation_failed');
  if (error instanceof IdempotencyConflictError)
    return m(409, 'idempotency_conflict', {
      reason: error.reason,
      ...(error.retryAfterMs === undefined
        ? {}
        : { retryAfterSeconds: Math.max(1, Math.ceil(error.retryAfterMs / 1000)) }),
    });
  const roblox = error.service === 'roblox';
  const webApi = error.service === 'steam-webapi';
  const upstream = roblox ? 'Roblox' : error.service === 'skinport' ? 'Skinport' : 'Steam';
  if (error instanceof PrivateError && roblox) return m(403, 'private_inventory');
  // A friend list, achievements or stats the profile hides (UPSTREAM.md): no cookie helps here.
  if (error instanceof PrivateError && webApi) return m(403, 'private');
  if (error instanceof PrivateError) {
    const message =
      'this inventory (or its profile) is private: only its owner can read it, by passing their own ' +
      'Steam session (the steamLoginSecure cookie) in the x-steam-cookie header';
    return m(403, 'private_inventory', { message });
  }
  // 404, not 422: the inventory asked for does not exist for this account, and a 404 tells
  // caches and clients alike not to ask again at once. The message says why (EResult 55).
  if (error instanceof NoInventoryError) return m(404, 'no_inventory');
  if (error instanceof NotFoundError) return m(404, roblox ? 'user_not_found' : 'profile_not_found');
  if (error instanceof SessionExpiredError) {
    // The library's wording names STEAM_COOKIES, which the gateway never reads.
    const message =
      "Steam wants a signed-in session for this inventory: pass the owner's current Steam session " +
      'in the x-steam-cookie header (an expired session must be renewed by signing in again)';
    return m(401, 'steam_session_expired', { message });
  }
  // The key is the operator's, not the caller's: say so, and whose move it is.
  if (error instanceof AuthenticationError && webApi)
    return m(502, 'upstream_auth_failed', {
      message:
        "Steam refused the gateway's own Web API key: nothing is wrong with your request; the gateway's operator must check its STEAM_API_KEY",
    });
  if (error instanceof AuthenticationError) return m(502, 'upstream_auth_failed');
  if (error instanceof UpstreamInvalidRequestError)
    return m(400, roblox ? 'roblox_rejected' : 'steam_rejected');
  if (error instanceof RateLimitError) {
    const retry =
      error.retryAfterMs === undefined
        ? {}
        : { retryAfterSeconds: Math.max(1, Math.ceil(error.retryAfterMs / 1000)) };
    return m(503, 'upstream_rate_limited', {
      message: `${upstream} is rate limiting the gateway: ${error.message}`,
      ...retry,
    });
  }
  if (error instanceof QueueTimeoutError) {
    const waitMs = error.waitMs;
    return m(503, 'upstream_busy', {
      message:
        waitMs === undefined
          ? `the gateway cannot pace requests to ${upstream} right now: ${error.message}`
          : `the next request to ${upstream} may only go out in ${Math.ceil(waitMs / 1000)} s (pacing, or a cool-down after a rate limit): retry then`,
      ...(waitMs === undefined ? {} : { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) }),
    });
  }
  // Not the library's wording: it names upstream URLs and egress proxies, which are the operator's business.
  if (error instanceof TimeoutError)
    return m(504, 'upstream_timeout', { message: `${upstream} did not answer in time: try again shortly` });
  if (error instanceof ConnectionError)
    return m(502, 'upstream_unreachable', {
      message: `the gateway could not reach ${upstream}: try again shortly`,
    });
  if (error instanceof MalformedResponseError) return m(502, 'bad_upstream_response');
  // A Steam EResult the table calls temporary (20 ServiceUnavailable, ...): the service is
  // down for now, not broken, so 503 with the table's wait, as for a rate limit.
  if (typeof error.code === 'number' && !roblox) {
    const info = eresultInfo(error.code);
    if (info.transient && info.retryAfterMs !== undefined) {
      return m(503, 'upstream_unavailable', {
        retryAfterSeconds: Math.max(1, Math.ceil(info.retryAfterMs / 1000)),
      });
    }
  }
  return m(502, error.kind === 'upstream_unavailable' ? 'upstream_unavailable' : 'upstream_error');
}

/**
 * The caller learns which store is away and when to come back; the reason and the store's
 * location stay in the log (they are the operator's business, and may be a driver's words).
 */
function storeProblem(error: StoreUnavailableError): Mapped {
  const message =
    error.code === 'pacer_unavailable'
      ? `the gateway cannot pace requests upstream while its shared store (${error.store}) is unavailable ` +
        `(cached inventories are still served): retry in ${DEFAULT_RETRY_AFTER_SECONDS} s`
      : `the gateway's store (${error.store}) is unavailable: retry in ${DEFAULT_RETRY_AFTER_SECONDS} s`;
  return { status: 503, code: 'store_unavailable', message, retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS };
}

/** Fastify's own 4xx errors (oversized path segment, bad URL, unsupported body) in our terms. */
function frameworkProblem(error: Partial<FastifyError>, status: number): Mapped {
  const code = (error.code ?? 'bad_request').replace(/^FST_ERR_(CTP_)?/, '').toLowerCase();
  if (code === 'max_param_length') {
    return {
      status,
      code: 'path_too_long',
      message: `a path segment is longer than ${MAX_PATH_SEGMENT_LENGTH} characters: check the ids (put a long URL in the steamid query parameter of /inventory instead)`,
    };
  }
  if (code === 'invalid_media_type')
    return {
      status,
      code,
      message: `the body's Content-Type is not one the gateway reads: send JSON with "Content-Type: application/json"`,
    };
  if (code === 'empty_json_body')
    return {
      status,
      code,
      message: 'the body is empty although Content-Type says JSON: send {} or leave the Content-Type out',
    };
  return { status, code, message: error.message ?? 'bad request' };
}

/** Names the parameter, shows what came (unless it is a secret) and what was expected. */
function validationProblem(error: FastifyError, request: FastifyRequest): Mapped {
  const first = error.validation?.[0];
  const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
  const parameter = (missing ?? first?.instancePath?.split('/')[1] ?? '').replace(/~1/g, '/') || 'request';
  if (parameter === 'request' && error.validationContext === 'body')
    return {
      status: 400,
      code: 'invalid_input',
      parameter: 'body',
      message: 'the body must be a JSON object (Content-Type: application/json)',
    };
  const hint = parameterHint(parameter, request.routeOptions?.url);
  const expected = hint ? `expected ${hint}` : (first?.message ?? 'invalid value');
  if (missing)
    return { status: 400, code: 'invalid_input', parameter, message: `${parameter} is missing: ${expected}` };
  const source = (
    error.validationContext === 'params'
      ? request.params
      : error.validationContext === 'headers'
        ? request.headers
        : request.query
  ) as Record<string, unknown>;
  const value = source?.[parameter];
  const shown = SECRET_PARAMETERS.has(parameter) || value === undefined ? '' : ` (got ${quote(value)})`;
  return {
    status: 400,
    code: 'invalid_input',
    parameter,
    message: `${parameter} is invalid${shown}: ${expected}`,
  };
}

function quote(value: unknown): string {
  if (Array.isArray(value)) return `${value.length} values; give it once`;
  // Checked whole, before any cut: a token cut short no longer has the shape that gives it away,
  // and a decoded value's secret may run past a space where free-text redaction stops.
  const text = String(value);
  if (redactText(text) !== text) return '[REDACTED]';
  const quoted = JSON.stringify(text);
  return quoted.length > 60 ? `${quoted.slice(0, 60)}…` : quoted;
}

export function sendProblem(reply: FastifyReply, mapped: Mapped): FastifyReply {
  // 503 means "come back later": say when, even without a better estimate.
  const retryAfter =
    mapped.retryAfterSeconds ?? (mapped.status === 503 ? DEFAULT_RETRY_AFTER_SECONDS : undefined);
  if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
  if (mapped.allow) reply.header('allow', mapped.allow);
  return reply
    .code(mapped.status)
    .type('application/json; charset=utf-8')
    .send(
      errorBody(mapped.status, mapped.code, redactText(mapped.message), mapped.parameter, {
        eresult: mapped.eresult,
        reason: mapped.reason,
      }),
    );
}

export function registerErrorHandling(fastify: FastifyInstance): void {
  fastify.setErrorHandler((error, request, reply) => {
    const mapped = mapError(error, request);
    if (mapped.status >= 500 && mapped.code === 'internal_error')
      request.log.error({ err: error }, 'unexpected failure');
    else if (error instanceof StoreUnavailableError)
      request.log.warn({ code: mapped.code, store: error.store, reason: error.reason }, 'store unavailable');
    // The gateway's own set-up (e.g. trading without GAMESTASH_SECRET_KEY) is not Steam's failure.
    else if (error instanceof GatewayProblem && mapped.status >= 500)
      request.log.warn({ code: mapped.code, message: redactText(mapped.message) }, 'cannot serve this now');
    else if (mapped.status >= 500)
      request.log.warn({ code: mapped.code, message: redactText(mapped.message) }, 'upstream failure');
    return sendProblem(reply, mapped);
  });
  fastify.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    return sendProblem(reply, {
      status: 404,
      code: 'route_not_found',
      message: `no route for ${request.method} ${path}: see /docs`,
    });
  });
}
