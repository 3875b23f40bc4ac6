/**
 * @module steam/guard/from-config
 * Steam Guard from the loaded config: STEAM_SHARED_SECRET, STEAM_IDENTITY_SECRET,
 * STEAM_DEVICE_ID, the session from STEAM_COOKIES, the community host and its pacing, and
 * Steam's clock through the Web API client (QueryTime needs no key).
 */
import { steamQueueWaitLimitMs, type GamestashConfig } from '../../core/config.js';
import type { HttpClient } from '../../core/http/client.js';
import { sessionFromConfig } from '../session/from-config.js';
import type { SteamSession } from '../session/session.js';
import type { SteamWebApiClient } from '../webapi/client.js';
import { createSteamWebApiClient } from '../webapi/from-config.js';
import { generateLoginCode, type LoginCode } from './codes.js';
import { SteamConfirmations, type SteamConfirmationsOptions } from './confirmations.js';
import type { OfferConfirmer } from './model.js';
import { requireSecret } from './secrets.js';
import { SteamServerClock } from './server-clock.js';
import type { ConfirmationTimeStore } from './time-ledger.js';

export interface SteamGuardExtras extends Partial<
  Omit<SteamConfirmationsOptions, 'http' | 'clock' | 'session' | 'times'>
> {
  /** Where used confirmation times are kept (the database's `ConfirmationTimeStoreDb` to share them across processes). */
  times?: ConfirmationTimeStore | undefined;
  /** The session; read from STEAM_COOKIES / STEAM_SESSION_ID when first needed otherwise. */
  session?: SteamSession | undefined;
  /** Steam's clock; one is made on the Web API client otherwise. */
  clock?: SteamServerClock | undefined;
  webapi?: SteamWebApiClient | undefined;
}

/** Steam's clock through `ITwoFactorService/QueryTime` (kept 12 hours). */
export function createServerClock(
  config: GamestashConfig,
  http: HttpClient,
  webapi?: SteamWebApiClient,
): SteamServerClock {
  const api = webapi ?? createSteamWebApiClient(config, http);
  return new SteamServerClock({
    query: async (signal) => (await api.queryTime(signal ? { signal } : {})).server_time,
  });
}

/** The mobile confirmations client of the configured account. */
export function createSteamConfirmations(
  config: GamestashConfig,
  http: HttpClient,
  extras: SteamGuardExtras = {},
): SteamConfirmations {
  const { session, clock, webapi, times, ...rest } = extras;
  return new SteamConfirmations({
    http,
    communityUrl: config.steam.communityUrl,
    communityIntervalMs: config.steam.communityIntervalMs,
    rateLimitCooldownMs: config.steam.rateLimitCooldownMs,
    maxQueueWaitMs: steamQueueWaitLimitMs(config),
    identitySecret: config.steam.identitySecret,
    deviceId: config.steam.deviceId,
    session: session ?? (config.steam.cookies ? () => sessionFromConfig(config) : undefined),
    clock: clock ?? createServerClock(config, http, webapi),
    times,
    ...rest,
  });
}

/**
 * What the trade client's `send({ confirm: true })` takes: `confirmOffer(offerId)`. Pass the
 * database's time store so that processes sharing it never reuse a confirmation time.
 */
export function createConfirmer(
  config: GamestashConfig,
  http: HttpClient,
  times?: ConfirmationTimeStore,
): OfferConfirmer {
  return createSteamConfirmations(config, http, { times });
}

/** The login code from STEAM_SHARED_SECRET at Steam's time (the secret is checked before QueryTime). */
export async function loginCodeFromConfig(
  config: GamestashConfig,
  http: HttpClient,
  options: { clock?: SteamServerClock; signal?: AbortSignal } = {},
): Promise<LoginCode> {
  const secret = requireSecret(config.steam.sharedSecret, 'STEAM_SHARED_SECRET', 'a Steam Guard login code');
  const clock = options.clock ?? createServerClock(config, http);
  return generateLoginCode(secret, { offsetSeconds: await clock.offset(options.signal) });
}
