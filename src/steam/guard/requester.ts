/**
 * @module steam/guard/requester
 * One keyed request to Steam's mobile confirmation endpoints for the session's account: the
 * identity secret and the session checked before anything is sent, a time of Steam's clock
 * claimed in the time store (never used twice), the key made with steam-totp for it, and the
 * request (mobileconf.ts). A refused key after an offset kept from earlier asks Steam's clock
 * again and tries once more (this machine's clock may have jumped). Also the trade protection
 * acknowledgement, remembered per account.
 */
import SteamTotp from 'steam-totp';
import { ConfirmationKeyRefusedError, InvalidInputError } from '../../core/errors.js';
import type { HttpClient } from '../../core/http/client.js';
import { sleep as defaultSleep } from '../../core/http/pacer.js';
import { communityPace } from '../community/pace.js';
import { assertSessionFresh, type SteamSession } from '../session/session.js';
import type { TradeStateStore } from '../trade/state-store.js';
import { acknowledgeTradeProtection } from './acknowledge.js';
import {
  MOBILE_APP_USER_AGENT,
  mobileconfRequest,
  type MobileconfContext,
  type MobileconfEndpoint,
} from './mobileconf.js';
import { requireSecret } from './secrets.js';
import type { SteamServerClock } from './server-clock.js';
import {
  processConfirmationTimes,
  reserveConfirmationTime,
  type ConfirmationTimeStore,
} from './time-ledger.js';

export interface SteamConfirmationsOptions {
  http: HttpClient;
  /** `https://steamcommunity.com` or the emulator. */
  communityUrl: string;
  /** Spacing between community requests (one key per host, shared with inventory reads). */
  communityIntervalMs?: number | undefined;
  rateLimitCooldownMs?: number | undefined;
  maxQueueWaitMs?: number | undefined;
  timeoutMs?: number | undefined;
  /** STEAM_IDENTITY_SECRET; checked when first needed. */
  identitySecret: string | undefined;
  /** STEAM_DEVICE_ID; steam-totp's `getDeviceID(steamid)` by default. */
  deviceId?: string | undefined;
  /** The session, or a function that reads it when first needed. */
  session: SteamSession | (() => SteamSession | undefined) | undefined;
  /** Steam's clock (QueryTime offset). */
  clock: SteamServerClock;
  /** Where used times are kept: the database to share them across processes; this process's memory by default. */
  times?: ConfirmationTimeStore | undefined;
  /** The Steam app's by default; another one earns 429s since 2026-07. */
  userAgent?: string | undefined;
  /** How far past Steam's now a time may be taken before waiting (default 30 s). */
  maxLeadSeconds?: number | undefined;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * The trade client's state store: an acknowledgement sent here is recorded there, so the
   * trade client does not send it again.
   */
  tradeState?: Pick<TradeStateStore, 'markAcknowledged'> | undefined;
}

export class MobileconfRequester {
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly ctx: MobileconfContext;
  private readonly clock: SteamServerClock;
  private readonly times: ConfirmationTimeStore;
  private readonly acknowledgedAccounts = new Set<string>();
  private sessionSource: SteamConfirmationsOptions['session'];
  private cached: SteamSession | undefined;

  constructor(private readonly options: SteamConfirmationsOptions) {
    this.ctx = {
      http: options.http,
      communityUrl: options.communityUrl,
      pace: communityPace({
        communityUrl: options.communityUrl,
        intervalMs: options.communityIntervalMs ?? 0,
        rateLimitCooldownMs: options.rateLimitCooldownMs,
        maxQueueWaitMs: options.maxQueueWaitMs,
      }),
      userAgent: options.userAgent ?? MOBILE_APP_USER_AGENT,
      timeoutMs: options.timeoutMs,
    };
    this.clock = options.clock;
    this.times = options.times ?? processConfirmationTimes;
    this.sleep = options.sleep ?? defaultSleep;
    this.sessionSource = options.session;
  }

  /** One request with a fresh key; a refused key after a kept offset asks Steam's clock again, once. */
  async call(
    endpoint: MobileconfEndpoint,
    tag: string,
    fields: [string, string][],
    what: string,
    signal?: AbortSignal,
  ): Promise<Record<string, unknown>> {
    const session = this.session('mobile confirmations');
    const identitySecret = this.identitySecret();
    for (let attempt = 0; ; attempt++) {
      const time = await reserveConfirmationTime(this.times, session.steamid, tag, {
        serverSeconds: () => this.clock.seconds(signal),
        maxLeadSeconds: this.options.maxLeadSeconds,
        sleep: this.sleep,
        signal,
      });
      // Asked of Steam within the last minute: a refusal is not the clock's fault.
      const offsetWasFresh = this.clock.isFresh(60_000);
      const params: [string, string][] = [
        ...fields,
        ['p', this.options.deviceId ?? SteamTotp.getDeviceID(session.steamid)],
        ['a', session.steamid],
        ['k', SteamTotp.getConfirmationKey(identitySecret, time, tag)],
        ['t', String(time)],
        ['m', 'react'],
        ['tag', tag],
      ];
      try {
        return await mobileconfRequest(this.ctx, { endpoint, params, session, what, signal });
      } catch (error) {
        if (error instanceof ConfirmationKeyRefusedError && attempt === 0 && !offsetWasFresh) {
          this.clock.invalidate();
          continue;
        }
        throw error;
      }
    }
  }

  /** Checks what every call needs before any request: the identity secret and the session. */
  prepare(what: string): void {
    this.identitySecret(what);
    this.session(what);
  }

  identitySecret(what = 'mobile confirmations'): string {
    return requireSecret(this.options.identitySecret, 'STEAM_IDENTITY_SECRET', what);
  }

  session(what: string): SteamSession {
    if (!this.cached && this.sessionSource !== undefined) {
      this.cached = typeof this.sessionSource === 'function' ? this.sessionSource() : this.sessionSource;
      this.sessionSource = undefined;
    }
    if (!this.cached) {
      throw new InvalidInputError(
        `${what} needs a logged-in Steam session: set STEAM_COOKIES to your steamLoginSecure cookie (and STEAM_SESSION_ID if it lacks sessionid)`,
        'STEAM_COOKIES',
      );
    }
    assertSessionFresh(this.cached);
    return this.cached;
  }

  /** Whether this client acknowledged trade protection for the account already. */
  hasAcknowledged(steamid: string): boolean {
    return this.acknowledgedAccounts.has(steamid);
  }

  async acknowledge(signal?: AbortSignal): Promise<void> {
    const session = this.session('acknowledging trade protection');
    await acknowledgeTradeProtection(this.ctx, session, { signal, tradeState: this.options.tradeState });
    this.acknowledgedAccounts.add(session.steamid);
  }
}
