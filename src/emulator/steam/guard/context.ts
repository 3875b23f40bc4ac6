/**
 * @module emulator/steam/guard/context
 * What the guard routes share: the scenario (changeable while running), the accounts'
 * authenticators, the confirmations, the trade world they act on, and counters.
 */
import type { TradeContext } from '../trade/context.js';
import type { GuardAccounts } from './accounts.js';
import type { ConfirmationBook } from './confirmations.js';
import type { SteamGuardScenario } from './scenario.js';

export interface SteamGuardStats {
  /** `/mobileconf/getlist`, `ajaxop` and `multiajaxop` requests. */
  lists: number;
  ajaxops: number;
  multiajaxops: number;
  /** Confirmations confirmed and refused (one per confirmation, multiajaxop included). */
  accepted: number;
  cancelled: number;
  /** Acts the trade side refused (state, trade protection not acknowledged, unknown id or nonce). */
  actionsRefused: number;
  /** Keys refused: wrong key, a time used before, a time too far from the server's. */
  keysRefused: number;
  reusedTimes: number;
  timesOutOfRange: number;
  /** Requests without a logged-in session (`needauth`). */
  needAuth: number;
  /** Requests refused for their headers: 429 without the mobile user agent, 403 without Origin. */
  missingMobileAgent: number;
  missingOrigin: number;
  queryTimes: number;
}

export function emptyGuardStats(): SteamGuardStats {
  return {
    lists: 0,
    ajaxops: 0,
    multiajaxops: 0,
    accepted: 0,
    cancelled: 0,
    actionsRefused: 0,
    keysRefused: 0,
    reusedTimes: 0,
    timesOutOfRange: 0,
    needAuth: 0,
    missingMobileAgent: 0,
    missingOrigin: 0,
    queryTimes: 0,
  };
}

export interface GuardContext {
  /** The scenario's `steam.guard`, as changed by the control endpoint since. */
  config: SteamGuardScenario;
  accounts: GuardAccounts;
  book: ConfirmationBook;
  trade: TradeContext;
  stats: SteamGuardStats;
}

/** The emulated Steam server's clock, Unix seconds: the trade clock plus the scenario's skew. */
export function serverSeconds(ctx: GuardContext): number {
  return ctx.trade.clock.seconds() + ctx.config.timeSkewSeconds;
}
