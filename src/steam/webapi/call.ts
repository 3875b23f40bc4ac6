/**
 * @module steam/webapi/call
 * The one function every Web API call goes through, typed or generic: authentication (`key`
 * or `access_token`), the format, the arguments (plain or `input_json`), GET or POST, the
 * request through core/http (pacing, retries for GET only, redaction), the error mapping
 * (interpret.ts) and the parse into the JSON shape (formats/, shape.ts). The key travels in
 * the query string of a GET: the transport redacts it from every URL it reports.
 */
import { InvalidInputError, MalformedResponseError } from '../../core/errors.js';
import type { HttpClient, HttpResponse, PaceOptions } from '../../core/http/client.js';
import { redactedExcerpt, registerSecret } from '../../core/http/redact.js';
import { checkFormat, parseBody, type WebApiFormat } from './formats/index.js';
import { checkWebApiResponse, type CallContext } from './interpret.js';
import { isServiceInterface, type PrivacyAnswer, type WebApiAuth } from './methods.js';
import {
  encodeArguments,
  parseArguments,
  type CallArguments,
  type ParamSpec,
  type WebApiParams,
} from './params.js';
import { looseTree, normalizeResult, ShapeError, type ResultShape } from './shape.js';
import type { RawWebApiResponse } from './types.js';

/** What every call of one client shares. */
export interface WebApiContext {
  http: HttpClient;
  /** `https://api.steampowered.com` or the emulator; a path prefix is kept. */
  apiUrl: string;
  apiKey?: string | undefined;
  /** The session's access token (the JWT in `steamLoginSecure`), for calls made with `auth: 'token'`. */
  accessToken?: string | undefined;
  /** The Web API host's own pacing key, apart from the community host's. */
  pace?: PaceOptions | undefined;
}

/** Per-call options shared by the typed methods and the generic caller. */
export interface WebApiCallOptions {
  /** The wire format asked of Steam; the result is the same JSON shape whichever it is. */
  format?: WebApiFormat | string;
  /**
   * `key` (STEAM_API_KEY), `token` (the access token), or `none`. By default the method's own
   * need: a key when it has one (else the access token), nothing for keyless methods.
   */
  auth?: 'key' | 'token' | 'none';
  /** An access token for this call only (e.g. IEconService with the session's token). */
  accessToken?: string;
  signal?: AbortSignal;
}

/** One method as the call function needs it: a typed row, or one checked against the method list. */
export interface WebApiTarget {
  interface: string;
  method: string;
  version: number;
  http: 'GET' | 'POST';
  auth: WebApiAuth;
  privacy?: PrivacyAnswer | undefined;
  /** Parameter types from GetSupportedAPIList (generic calls), for encoding. */
  specs?: ReadonlyMap<string, ParamSpec> | undefined;
}

export interface SendOptions extends WebApiCallOptions {
  raw?: boolean;
  /** The answer's shape (typed methods); without one the tree comes back loosely converted. */
  shape?: ResultShape | undefined;
}

/** Sends one call; returns the parsed answer in the JSON shape, or Steam's body with `raw`. */
export async function callWebApi(
  ctx: WebApiContext,
  target: WebApiTarget,
  args: CallArguments,
  options: SendOptions = {},
): Promise<unknown> {
  const format = checkFormat(options.format);
  const path = `${target.interface}/${target.method}/v${target.version}`;
  const auth = chooseAuth(ctx, target, options, path);
  const fields: [string, string][] = [
    ...auth.fields,
    ['format', format],
    ...encodeArguments(isServiceInterface(target.interface), args, target.specs),
  ];
  const url = new URL(
    `${ctx.apiUrl.replace(/\/+$/, '')}/${target.interface}/${target.method}/v${target.version}/`,
  );
  const post = target.http === 'POST';
  if (!post) for (const [name, value] of fields) url.searchParams.append(name, value);
  const call: CallContext = { path, auth: auth.kind, privacy: target.privacy };
  return ctx.http.request(
    {
      service: 'steam-webapi',
      method: target.http,
      url,
      ...(post
        ? {
            body: new URLSearchParams(fields).toString(),
            headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
          }
        : {}),
      ...(ctx.pace ? { pace: ctx.pace } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    },
    (res) => {
      checkWebApiResponse(res, call);
      if (options.raw) return rawOf(res);
      return parseAnswer(res, format, options.shape, path);
    },
  );
}

function rawOf(res: HttpResponse): RawWebApiResponse {
  const type = res.headers['content-type'];
  return { status: res.status, contentType: Array.isArray(type) ? type[0] : type, body: res.body };
}

function parseAnswer(res: HttpResponse, format: WebApiFormat, shape: ResultShape | undefined, path: string) {
  let tree: unknown;
  try {
    tree = parseBody(format, res.body);
  } catch (error) {
    // Truncated bodies happen under load: a fresh GET usually succeeds (the core retries).
    throw new MalformedResponseError(
      `Steam sent ${format.toUpperCase()} for ${path} that does not parse: ${redactedExcerpt((error as Error).message, 200)}`,
      {
        service: 'steam-webapi',
        status: res.status,
        request: res.request,
        body: redactedExcerpt(res.body),
        retryable: true,
        cause: error,
      },
    );
  }
  if (!shape) return looseTree(tree, format);
  try {
    return normalizeResult(tree, shape, format);
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    throw new MalformedResponseError(`Steam's answer to ${path} is not what it should be: ${error.message}`, {
      service: 'steam-webapi',
      status: res.status,
      request: res.request,
      body: redactedExcerpt(res.body),
    });
  }
}

interface ChosenAuth {
  kind: 'key' | 'token' | 'none';
  fields: [string, string][];
}

function chooseAuth(
  ctx: WebApiContext,
  target: WebApiTarget,
  options: WebApiCallOptions,
  path: string,
): ChosenAuth {
  const token = options.accessToken ?? ctx.accessToken;
  const withKey = (): ChosenAuth => {
    if (!ctx.apiKey) {
      throw new InvalidInputError(`${path} needs a Steam Web API key: set STEAM_API_KEY`, 'key');
    }
    return { kind: 'key', fields: [['key', ctx.apiKey]] };
  };
  const withToken = (value: string | undefined): ChosenAuth => {
    if (!value) {
      throw new InvalidInputError(
        `${path} was asked to use an access token, but none was given (the token inside the steamLoginSecure cookie)`,
        'access_token',
      );
    }
    registerSecret(value);
    return { kind: 'token', fields: [['access_token', value]] };
  };
  if (options.accessToken !== undefined) return withToken(options.accessToken);
  if (options.auth === 'key') return withKey();
  if (options.auth === 'token') return withToken(token);
  if (options.auth === 'none' || target.auth === 'none') return { kind: 'none', fields: [] };
  if (ctx.apiKey) return withKey();
  if (token) return withToken(token);
  if (target.auth === 'optional') return { kind: 'none', fields: [] };
  return withKey();
}

/** The pacing of the Web API host: its own key (the community host has another), no spacing by default. */
export function webApiPace(apiUrl: string, options: Partial<Omit<PaceOptions, 'key'>> = {}): PaceOptions {
  return { key: `steam-webapi:${new URL(apiUrl).host}`, intervalMs: 0, ...options };
}

/** A typed row's call: the answer normalized to its shape, unwrapped from its root (`response`, …). */
export async function callTyped<T>(
  ctx: WebApiContext,
  row: WebApiTarget & { shape: ResultShape },
  params: WebApiParams,
  options: WebApiCallOptions = {},
): Promise<T> {
  const answer = await callWebApi(ctx, row, parseArguments(params), { ...options, shape: row.shape });
  return (row.shape.root === undefined ? answer : (answer as Record<string, unknown>)[row.shape.root]) as T;
}

/**
 * The checks a call makes before sending (format, credentials), for a caller that must fail
 * before its other requests: a typed method resolving vanity names first.
 */
export function preflight(ctx: WebApiContext, target: WebApiTarget, options: WebApiCallOptions = {}): void {
  checkFormat(options.format);
  chooseAuth(ctx, target, options, `${target.interface}/${target.method}/v${target.version}`);
}
