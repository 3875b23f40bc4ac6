/**
 * @module steam/webapi/generic
 * The generic caller: any method Steam lists, checked against GetSupportedAPIList (check.ts)
 * before anything is sent, then sent through the one call function. Methods of the typed
 * table come back in their JSON shape whatever the format.
 */
import { InvalidInputError } from '../../core/errors.js';
import type { SupportedApiCache } from './api-list.js';
import { callWebApi, type WebApiCallOptions, type WebApiContext, type WebApiTarget } from './call.js';
import { checkCall, parseMethodPath } from './check.js';
import { checkFormat } from './formats/index.js';
import { findTypedMethod } from './methods.js';
import { parseArguments, type CallArguments, type WebApiParams } from './params.js';

export interface GenericCallOptions extends WebApiCallOptions {
  /** Force GET or POST; by default the method list's `httpmethod`. */
  method?: 'GET' | 'POST';
  /** Steam's answer untouched: status, content type and body text. */
  raw?: boolean;
}

/** Where a checked call goes: exact names, version, and GET or POST. */
export type CheckedCall = Pick<WebApiTarget, 'interface' | 'method' | 'version' | 'http'>;

export class GenericCaller {
  constructor(
    private readonly ctx: WebApiContext,
    private readonly list: SupportedApiCache,
  ) {}

  /** Checks, then sends; the client's `call` documents the result. */
  async call(
    path: string,
    params?: readonly string[] | WebApiParams,
    options: GenericCallOptions = {},
  ): Promise<unknown> {
    const { method: _http, raw, ...callOptions } = options;
    const { target, args } = await this.checkCall(path, params, options);
    const typed = findTypedMethod(target.interface, target.method, target.version);
    return callWebApi(this.ctx, target, args, { ...callOptions, raw: raw ?? false, shape: typed?.shape });
  }

  /**
   * The generic caller's checks alone, sending nothing but (when not cached) the method list:
   * the exact interface, method, version and HTTP method a call would use. Front-ends use it
   * to refuse POST methods or to build cache keys before calling.
   */
  async check(
    path: string,
    params?: readonly string[] | WebApiParams,
    options: Pick<GenericCallOptions, 'method' | 'format'> = {},
  ): Promise<CheckedCall> {
    const { target } = await this.checkCall(path, params, options);
    return { interface: target.interface, method: target.method, version: target.version, http: target.http };
  }

  private async checkCall(
    path: string,
    params: readonly string[] | WebApiParams | undefined,
    { method: http, format }: Pick<GenericCallOptions, 'method' | 'format'>,
  ): Promise<{ target: WebApiTarget; args: CallArguments }> {
    checkFormat(format);
    if (http !== undefined && http !== 'GET' && http !== 'POST') {
      throw new InvalidInputError(
        `HTTP method "${String(http)}" is not one Steam takes: use GET or POST`,
        'method',
      );
    }
    const wanted = parseMethodPath(path);
    const args = parseArguments(params);
    const list = await this.list.get();
    const target = checkCall(list, wanted, args, { ...(http ? { http } : {}), withoutKey: !this.ctx.apiKey });
    return { target, args };
  }
}
