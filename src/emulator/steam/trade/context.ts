/**
 * @module emulator/steam/trade/context
 * Everything the trade routes share: the scenario, the people and their inventories,
 * sessions, accounts, offers, trades, the exchange, the clock, faults and counters.
 */
import type { Inventories } from '../inventories.js';
import type { People } from '../people/index.js';
import type { TradeAccounts } from './accounts.js';
import type { TradeClock } from './clock.js';
import type { Exchange } from './exchange.js';
import type { TradeFaults } from './faults.js';
import type { OfferStore } from './offers.js';
import type { SteamTradeScenario, TradeListFaultKind, TradeSendFaultKind } from './scenario.js';
import type { Sessions } from './sessions.js';
import type { TradeStore } from './trades.js';

export interface SteamTradeStats {
  /** `POST /tradeoffer/new/send` requests. */
  sends: number;
  offersCreated: number;
  /** Sends refused with a `strError` (faults included). */
  sendsRefused: number;
  /** Offers created by an account that had not acknowledged trade protection. */
  sendsBeforeAcknowledgement: number;
  accepts: number;
  declines: number;
  cancels: number;
  confirmations: number;
  acknowledgements: number;
  /** Community requests refused for their session (missing, expired, ended, wrong sessionid). */
  sessionRefused: number;
  /** Community POSTs without a `Referer` (refused) or without an `Origin` (served). */
  missingReferer: number;
  missingOrigin: number;
  /** Offer pages refused with 429 for the missing Referer or mobile user agent. */
  pageRefused: number;
  sendFaults: Record<TradeSendFaultKind, number>;
  listFaults: Record<TradeListFaultKind, number>;
}

export type TradeCounters = Omit<SteamTradeStats, 'sendFaults' | 'listFaults'>;

export function emptyCounters(): TradeCounters {
  return {
    sends: 0,
    offersCreated: 0,
    sendsRefused: 0,
    sendsBeforeAcknowledgement: 0,
    accepts: 0,
    declines: 0,
    cancels: 0,
    confirmations: 0,
    acknowledgements: 0,
    sessionRefused: 0,
    missingReferer: 0,
    missingOrigin: 0,
    pageRefused: 0,
  };
}

export interface TradeContext {
  config: SteamTradeScenario;
  people: People;
  inventories: Inventories;
  accounts: TradeAccounts;
  sessions: Sessions;
  offers: OfferStore;
  trades: TradeStore;
  exchange: Exchange;
  clock: TradeClock;
  sendFaults: TradeFaults<TradeSendFaultKind>;
  listFaults: TradeFaults<TradeListFaultKind>;
  counters: TradeCounters;
}
