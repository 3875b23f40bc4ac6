/**
 * @module core/http/client
 * The one place requests leave gamestash: egress route choice, pacing (counted from when a
 * request reaches the wire), timeouts, retries with backoff, 429 cool-downs and redaction.
 * Services hand it a request plus an `interpret` function that turns a response into a value
 * or throws a typed error; the error's `retryable` flag (and the request's idempotency)
 * decide whether to try again.
 */
import { request as undiciRequest, errors as undiciErrors, type Dispatcher } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';
import { isAscii } from 'node:buffer';
import { setImmediate } from 'node:timers/promises';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate } from 'node:zlib';
import {
  ConnectionError,
  GamestashError,
  MalformedResponseError,
  RateLimitError,
  TimeoutError,
  type RequestSummary,
  type Service,
} from '../errors.js';
import { backoffDelay } from './backoff.js';
import { LocalPacer, sleep, type Pacer } from './pacer.js';
import { redactUrl } from './redact.js';
import { createRoutes, RoutePool } from './routes.js';
import { signalWhenSent } from './wire-time.js';

export interface PaceOptions {
  /** Requests with the same key share one spacing (e.g. the upstream host). */
  key: string;
  intervalMs: number;
  /** Wait after a 429 without Retry-After; doubles per consecutive 429 on the same key. */
  rateLimitCooldownMs?: number;
  /** Give up with QueueTimeoutError rather than wait longer than this for a slot. */
  maxWaitMs?: number;
}

export interface HttpRequest {
  service: Service;
  method?: 'GET' | 'POST';
  url: URL;
  headers?: Record<string, string>;
  body?: string;
  pace?: PaceOptions;
  /** Safe to send twice? Defaults to true for GET, false otherwise. Never retried if false. */
  idempotent?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
  /**
   * Sees each attempt's raw body before it is decoded and interpreted, e.g. to read the
   * next page's cursor and start that request while this body is still being parsed.
   * Returns true when it started a request: the event loop then turns before this body
   * is decoded, since undici writes to a reused keep-alive socket only from a check phase
   * (its idle-socket validation, GHSA-35p6-xmwp-9g52) and would otherwise wait for the parse.
   */
  onBody?: (bytes: Buffer, status: number) => boolean;
}

/** Which try an answer came from, for interpreters whose reading depends on it. */
export interface AttemptInfo {
  /** 0 for the first try. */
  attempt: number;
  /** No retry follows this one, whatever the interpreter throws. */
  last: boolean;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  request: RequestSummary;
  route: string;
}

export interface ResponseInfo {
  service: Service;
  method: string;
  url: string;
  status: number | undefined;
  durationMs: number;
  route: string;
  attempt: number;
  error?: GamestashError;
}

export interface HttpHooks {
  onResponse?(info: ResponseInfo): void;
  onRetry?(info: ResponseInfo & { delayMs: number }): void;
}

export interface HttpClientOptions {
  dispatcher?: Dispatcher;
  proxies?: string[];
  pacer?: Pacer;
  timeoutMs?: number;
  retries?: number;
  maxRetryWaitMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  userAgent?: string;
  hooks?: HttpHooks;
}

const MAX_COOLDOWN_MS = 30 * 60_000;

export class HttpClient {
  readonly pacer: Pacer;
  private readonly pool: RoutePool;
  private readonly consecutive429 = new Map<string, number>();
  private readonly options: Required<Omit<HttpClientOptions, 'dispatcher' | 'proxies' | 'pacer' | 'hooks'>>;
  private readonly hooks: HttpHooks;

  constructor(options: HttpClientOptions = {}) {
    this.pool = new RoutePool(createRoutes(options));
    this.pacer = options.pacer ?? new LocalPacer();
    this.hooks = options.hooks ?? {};
    this.options = {
      timeoutMs: options.timeoutMs ?? 30_000,
      retries: options.retries ?? 3,
      maxRetryWaitMs: options.maxRetryWaitMs ?? 15_000,
      baseDelayMs: options.baseDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 30_000,
      userAgent: options.userAgent ?? 'gamestash/0.1 (+https://github.com/gamestash/gamestash)',
    };
  }

  async request<T>(
    req: HttpRequest,
    interpret: (res: HttpResponse, attempt: AttemptInfo) => T | Promise<T>,
  ): Promise<T> {
    const idempotent = req.idempotent ?? (req.method ?? 'GET') === 'GET';
    for (let attempt = 0; ; attempt++) {
      const route = this.pool.pick();
      const paceKey = req.pace ? `${req.pace.key}@${route.id}` : undefined;
      const started = performance.now();
      let error: GamestashError;
      let status: number | undefined;
      try {
        if (req.pace && paceKey) {
          await this.pacer.acquire(paceKey, req.pace.intervalMs, {
            ...(req.pace.maxWaitMs === undefined ? {} : { maxWaitMs: req.pace.maxWaitMs }),
            ...(req.signal ? { signal: req.signal } : {}),
          });
        }
        const dispatcher =
          req.pace && paceKey && this.pacer.sent
            ? signalWhenSent(route.dispatcher, () => this.recordSent(paceKey, req.pace!.intervalMs))
            : route.dispatcher;
        const res = await this.send(req, dispatcher, route.id);
        status = res.status;
        const value = await interpret(res, { attempt, last: !idempotent || attempt >= this.options.retries });
        if (paceKey) this.consecutive429.delete(paceKey);
        this.hooks.onResponse?.(this.info(req, route.id, status, started, attempt));
        return value;
      } catch (caught) {
        if (!(caught instanceof GamestashError)) throw caught;
        error = caught;
      }
      const info = this.info(req, route.id, status, started, attempt, error);
      this.hooks.onResponse?.(info);

      let delayMs = backoffDelay(attempt, this.options);
      if (error instanceof RateLimitError) {
        delayMs = await this.coolDown(req, paceKey, route.id, error);
        if (!idempotent || attempt >= this.options.retries || delayMs > this.options.maxRetryWaitMs) {
          throw new RateLimitError(error.message, delayMs, errorOptions(error));
        }
      }
      if (!error.retryable || !idempotent || attempt >= this.options.retries) throw error;
      if (delayMs > this.options.maxRetryWaitMs) throw error;
      this.hooks.onRetry?.({ ...info, delayMs });
      // After a 429 the pacer already holds the key back; sleeping as well would double it.
      if (!(error instanceof RateLimitError && paceKey)) await sleep(delayMs, req.signal);
    }
  }

  /** The paced request is on the wire: the pacer counts the next spacing from now. */
  private recordSent(paceKey: string, intervalMs: number): void {
    // The slot's time is already recorded: if this later, truer one cannot be, pacing holds.
    void Promise.resolve(this.pacer.sent?.(paceKey, intervalMs)).catch(() => undefined);
  }

  /** Records a 429 against the key and route; returns how long to hold back. */
  private async coolDown(
    req: HttpRequest,
    paceKey: string | undefined,
    routeId: string,
    error: RateLimitError,
  ) {
    const count = (paceKey ? (this.consecutive429.get(paceKey) ?? 0) : 0) + 1;
    if (paceKey) this.consecutive429.set(paceKey, count);
    const base = req.pace?.rateLimitCooldownMs ?? this.options.baseDelayMs;
    const wait = error.retryAfterMs ?? Math.min(MAX_COOLDOWN_MS, base * 2 ** (count - 1));
    if (paceKey) await this.pacer.penalize(paceKey, wait);
    if (this.pool.routes.length > 1) this.pool.bench(routeId, wait);
    return wait;
  }

  /** One attempt, no retry: undici request with timeouts, body read as text. */
  private async send(req: HttpRequest, dispatcher: Dispatcher, routeId: string): Promise<HttpResponse> {
    const method = req.method ?? 'GET';
    const summary: RequestSummary = { method, url: redactUrl(req.url) };
    const timeout = req.timeoutMs ?? this.options.timeoutMs;
    try {
      const res = await undiciRequest(req.url, {
        method,
        dispatcher,
        headers: { 'user-agent': this.options.userAgent, ...req.headers },
        ...(req.body === undefined ? {} : { body: req.body }),
        headersTimeout: timeout,
        bodyTimeout: timeout,
        ...(req.signal ? { signal: req.signal } : {}),
      });
      const raw = Buffer.from(await res.body.arrayBuffer());
      const encoding = res.headers['content-encoding'];
      const bytes = encoding ? await decoded(raw, encoding, req.service, summary) : raw;
      if (req.onBody?.(bytes, res.statusCode)) await letDispatchesWrite();
      return {
        status: res.statusCode,
        headers: res.headers,
        body: decodeBody(bytes),
        request: summary,
        route: routeId,
      };
    } catch (cause) {
      throw transportError(cause, req.service, summary, timeout, routeId);
    }
  }

  private info(
    req: HttpRequest,
    route: string,
    status: number | undefined,
    started: number,
    attempt: number,
    error?: GamestashError,
  ): ResponseInfo {
    return {
      service: req.service,
      method: req.method ?? 'GET',
      url: redactUrl(req.url),
      status,
      durationMs: performance.now() - started,
      route,
      attempt,
      ...(error ? { error } : {}),
    };
  }

  async close(): Promise<void> {
    await this.pool.close();
    await this.pacer.close?.();
  }
}

/**
 * Two check phases: a request dispatched just now (after a pacing microtask) has its undici
 * write scheduled behind our first immediate, so the second one is what follows it.
 */
async function letDispatchesWrite(): Promise<void> {
  await setImmediate();
  await setImmediate();
}

const brotliDecompressAsync = promisify(brotliDecompress);
const gunzipAsync = promisify(gunzip);
const inflateAsync = promisify(inflate);

/**
 * undici's `request` hands bodies over as sent: a service that asks for compression (Skinport
 * answers only `Accept-Encoding: br`) gets its bytes decoded here, off the event loop.
 */
async function decoded(
  bytes: Buffer,
  encoding: string | string[],
  service: Service,
  request: RequestSummary,
): Promise<Buffer> {
  const name = (Array.isArray(encoding) ? encoding[0] : encoding)?.trim().toLowerCase();
  const decode =
    name === 'br'
      ? brotliDecompressAsync
      : name === 'gzip' || name === 'x-gzip'
        ? gunzipAsync
        : name === 'deflate'
          ? inflateAsync
          : undefined;
  if (!decode || bytes.length === 0) return bytes;
  try {
    return await decode(bytes);
  } catch (cause) {
    throw new MalformedResponseError(`${service} sent a ${name} body that does not decompress`, {
      service,
      request,
      retryable: true,
      cause,
    });
  }
}

/** UTF-8 without a BOM; an all-ASCII body (JSON with escaped text) takes V8's fast one-byte path. */
function decodeBody(bytes: Buffer): string {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  return isAscii(body) ? body.toString('latin1') : body.toString('utf8');
}

function errorOptions(error: GamestashError) {
  return {
    service: error.service,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.code === undefined ? {} : { code: error.code }),
    ...(error.request ? { request: error.request } : {}),
    ...(error.body === undefined ? {} : { body: error.body }),
  };
}

function transportError(
  cause: unknown,
  service: Service,
  request: RequestSummary,
  timeoutMs: number,
  routeId: string,
) {
  if (cause instanceof GamestashError) return cause;
  // A dead egress proxy looks like a dead upstream: name the proxy (its id is already redacted).
  const via = routeId === 'direct' ? '' : ` via proxy ${routeId}`;
  const isTimeout =
    cause instanceof undiciErrors.HeadersTimeoutError ||
    cause instanceof undiciErrors.BodyTimeoutError ||
    cause instanceof undiciErrors.ConnectTimeoutError;
  if (isTimeout) {
    return new TimeoutError(`${service} did not answer within ${timeoutMs} ms (${request.url}${via})`, {
      service,
      request,
      retryable: true,
      cause,
    });
  }
  if (cause instanceof Error && cause.name === 'AbortError') {
    return new ConnectionError(`request to ${service} was aborted`, { service, request, cause });
  }
  const reason =
    cause instanceof Error ? ((cause as NodeJS.ErrnoException).code ?? cause.message) : String(cause);
  return new ConnectionError(`could not reach ${service} (${reason}) at ${request.url}${via}`, {
    service,
    request,
    retryable: true,
    cause,
  });
}
