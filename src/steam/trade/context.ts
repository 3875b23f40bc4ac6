/**
 * @module steam/trade/context
 * What every part of the trade client shares: the Web API client (IEconService), the
 * community host (its pacing key shared with the inventory client), the state store, the
 * session (read when first needed, checked for expiry before every use), the clock, and the
 * tuning of reconciliation and read retries.
 */
import {
  InvalidInputError,
  MalformedResponseError,
  SessionExpiredError,
  UpstreamUnavailableError,
} from '../../core/errors.js';
import { sleep } from '../../core/http/pacer.js';
import type { ResolvedSteamId } from '../ids/resolve.js';
import { assertSessionFresh, type SteamSession } from '../session/session.js';
import type { WebApiCallOptions } from '../webapi/call.js';
import type { SteamWebApiClient } from '../webapi/client.js';
import type { WebApiMethod } from '../webapi/methods.js';
import type { WebApiParams } from '../webapi/params.js';
import { sessionExpired, type CommunityContext } from './community.js';
import type { WarningHook } from './model.js';
import type { TradeStateStore } from './state-store.js';

export interface TradeTuning {
  /** Wait before the second look among the sent offers after an ambiguous send (default 2 s). */
  reconcileDelayMs: number;
  /** Wait between reads of a glitched or EResult 16/29 answer (default 2 s, as ASF). */
  readRetryDelayMs: number;
  /** Reads of one page before a glitched answer is reported (default 3). */
  readAttempts: number;
  /** Clock difference allowed between this machine and Steam when matching creation times (default 2 min). */
  clockSlackMs: number;
  /** How long a send under an idempotency key holds its record before another process may take it over (default 5 min). */
  sendLeaseMs: number;
}

export const DEFAULT_TRADE_TUNING: TradeTuning = {
  reconcileDelayMs: 2_000,
  readRetryDelayMs: 2_000,
  readAttempts: 3,
  clockSlackMs: 120_000,
  sendLeaseMs: 300_000,
};

export interface TradeContextOptions {
  webapi: SteamWebApiClient;
  community: CommunityContext;
  store: TradeStateStore;
  /** The session, or a function that reads it when first needed (a bad cookie fails then, not at start). */
  session?: SteamSession | (() => SteamSession | undefined) | undefined;
  /** This account when there is no session (STEAM_ID), for key-only reads. */
  steamId?: string | undefined;
  resolve: (who: string) => Promise<ResolvedSteamId>;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  onWarning?: WarningHook | undefined;
  tuning?: Partial<TradeTuning>;
  /** Language of item names in reads (default english). */
  language?: string | undefined;
}

export class TradeContext {
  readonly webapi: SteamWebApiClient;
  readonly community: CommunityContext;
  readonly store: TradeStateStore;
  readonly resolve: (who: string) => Promise<ResolvedSteamId>;
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly onWarning: WarningHook | undefined;
  readonly tuning: TradeTuning;
  readonly language: string;
  private readonly steamId: string | undefined;
  private sessionSource: TradeContextOptions['session'];
  private keyOnlyWarned = false;
  private cached: SteamSession | undefined;

  constructor(options: TradeContextOptions) {
    this.webapi = options.webapi;
    this.community = options.community;
    this.store = options.store;
    this.resolve = options.resolve;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? sleep;
    this.onWarning = options.onWarning;
    this.tuning = { ...DEFAULT_TRADE_TUNING, ...options.tuning };
    this.language = options.language ?? 'english';
    this.steamId = options.steamId;
    this.sessionSource = options.session;
  }

  /** The configured community host (the emulator's in tests): its trade URLs are accepted like Steam's. */
  get communityHost(): string {
    return new URL(this.community.communityUrl).host;
  }

  /** The session if one is configured (checked for expiry), else undefined. */
  session(): SteamSession | undefined {
    if (!this.cached && this.sessionSource !== undefined) {
      this.cached = typeof this.sessionSource === 'function' ? this.sessionSource() : this.sessionSource;
      this.sessionSource = undefined;
    }
    if (this.cached) assertSessionFresh(this.cached, this.now());
    return this.cached;
  }

  /** The session, or an InvalidInputError saying what `what` needs. */
  requireSession(what: string): SteamSession {
    const session = this.session();
    if (!session) {
      throw new InvalidInputError(
        `${what} needs a logged-in Steam session: set STEAM_COOKIES to your steamLoginSecure cookie (and STEAM_SESSION_ID if it lacks sessionid)`,
        'STEAM_COOKIES',
      );
    }
    return session;
  }

  /** This account: the session's, or STEAM_ID for key-only reads. */
  me(): string | undefined {
    return this.session()?.steamid ?? this.steamId;
  }

  /**
   * An IEconService call with the access token (UPSTREAM.md: a key hides CS2 offers since
   * 2024-04), the key only when there is no session. A refused token is an expired session.
   */
  async econ<T>(
    row: WebApiMethod,
    params: WebApiParams,
    options: { signal?: AbortSignal | undefined } = {},
  ): Promise<T> {
    const session = this.session();
    if (!session && !this.webapi.hasApiKey) {
      throw new InvalidInputError(
        `IEconService/${row.method} needs a Steam session or a Web API key: set STEAM_COOKIES (preferred: a key hides CS2 offers) or STEAM_API_KEY`,
        'STEAM_COOKIES',
      );
    }
    if (!session && !this.keyOnlyWarned) {
      // Said once per client: an empty list would otherwise read as "no offers".
      this.keyOnlyWarned = true;
      this.warn({
        code: 'key_only_read',
        message:
          'offers read with STEAM_API_KEY alone: Steam leaves CS2 offers (and their trades) out of such reads; set STEAM_COOKIES to see them all',
      });
    }
    const callOptions: WebApiCallOptions = session ? { accessToken: session.accessToken } : { auth: 'key' };
    if (options.signal) callOptions.signal = options.signal;
    try {
      return await this.webapi.callMethod<T>(row, params, callOptions);
    } catch (error) {
      if (error instanceof SessionExpiredError) {
        throw sessionExpired(`the Web API refused the access token for IEconService/${row.method}`, {
          service: error.service,
          ...(error.status === undefined ? {} : { status: error.status }),
          ...(error.request ? { request: error.request } : {}),
          cause: error,
        });
      }
      throw error;
    }
  }

  /**
   * Runs a read again after a glitched answer (MalformedResponseError) or EResult 16/29,
   * waiting `readRetryDelayMs` like ASF; the transport has already retried plain 5xx.
   */
  async readWithRetry<T>(read: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await read();
      } catch (error) {
        if (!isRereadable(error) || attempt >= this.tuning.readAttempts) throw error;
        await this.sleep(this.tuning.readRetryDelayMs, signal);
      }
    }
  }

  warn(warning: Parameters<WarningHook>[0], hook?: WarningHook): void {
    (hook ?? this.onWarning)?.(warning);
  }
}

/** Answers worth reading again after a short wait (UPSTREAM.md: glitched lists, EResult 16 and 29). */
export function isRereadable(error: unknown): boolean {
  if (error instanceof MalformedResponseError) return error.retryable;
  if (error instanceof UpstreamUnavailableError) return error.code === 16 || error.code === 29;
  return false;
}
