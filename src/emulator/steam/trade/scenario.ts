/**
 * @module emulator/steam/trade/scenario
 * What a scenario can say about trading: offer lifetime, the trade-protection window, the
 * acknowledgement default, active-offer caps, GetTradeOffers' page size, the offer page's
 * mobile-agent requirement and injected faults (`steam.trade`), plus each account's trade
 * settings (`steam.users[id].trade`).
 */
import { defined } from '../../../core/env.js';

/**
 * Ways a send can fail. The first group answers a `strError` and creates nothing; the
 * `…AfterCreate` kinds create the offer first (UPSTREAM.md: after EResult 16 the offer may
 * exist); `sessionExpired` answers as an expired session does.
 */
export const TRADE_SEND_FAULT_KINDS = [
  'eresult11',
  'eresult15',
  'eresult16',
  'eresult20',
  'eresult26',
  'eresult28',
  'tooManyOffers',
  'tradeBan',
  'newDevice',
  'targetCannotTrade',
  'itemServer',
  'eresult16AfterCreate',
  'dropAfterCreate',
  'status500AfterCreate',
  'hangAfterCreate',
  'sessionExpired',
] as const;

/**
 * Glitched GetTradeOffers answers while offers exist (UPSTREAM.md: poll lists can be malformed).
 * `listNothing` is the subtle one: a well-formed empty list, which only a poller that remembers
 * its active offers can tell from the truth.
 */
export const TRADE_LIST_FAULT_KINDS = [
  'listEmpty',
  'listMalformed',
  'listFail',
  'listUnavailable',
  'listNothing',
] as const;

export type TradeSendFaultKind = (typeof TRADE_SEND_FAULT_KINDS)[number];
export type TradeListFaultKind = (typeof TRADE_LIST_FAULT_KINDS)[number];

export interface TradeFaultPlan<K extends string> {
  /** Probability (0..1) that a request gets a fault drawn from `kinds`. */
  rate: number;
  kinds: K[];
  seed: number;
  /** Forced faults by request number (1-based: sends, or GetTradeOffers calls, since start or reset). */
  script: Record<string, K>;
}

export interface SteamTradeFaultScenario {
  send: TradeFaultPlan<TradeSendFaultKind>;
  list: TradeFaultPlan<TradeListFaultKind>;
}

export interface SteamTradeScenario {
  /** How long an offer stays active before it expires (Steam: 14 days). */
  offerTtlMs: number;
  /** How long received items stay trade-protected in context 16 (UPSTREAM.md: about 7 days). */
  protectionMs: number;
  /** Apps whose received items wait in context 16 (trade protection covers CS2 only so far). */
  protectedApps: number[];
  /** Accounts start with trade protection acknowledged unless their `trade.acknowledged` says otherwise. */
  acknowledgedByDefault: boolean;
  /** Active offers one account may have out to one partner before EResult 25. */
  maxActivePerPartner: number;
  /** Active offers one account may have out in all before EResult 25. */
  maxActiveTotal: number;
  /** Offers per GetTradeOffers page (`cursor` is a start index). */
  offersPageSize: number;
  /** UPSTREAM.md (2026-07): the offer page answers 429 without a Referer and the mobile user agent. */
  offerPageNeedsMobileAgent: boolean;
  faults: SteamTradeFaultScenario;
}

/** One account's trade settings; everything is optional. */
export interface SteamTradeUserScenario {
  /** The trade URL token (8 characters of [A-Za-z0-9_-]); derived from the SteamID when absent. */
  token?: string;
  /** Has the Steam Guard mobile authenticator: offers that give items wait for its confirmation (state 9). */
  mobileAuthenticator?: boolean;
  /** Trade hold days this account adds to its trades (GetTradeHoldDurations, escrow). */
  escrowDays?: number;
  /** Trade banned: others' sends to it fail ("…because they have a trade ban."), its own with (15). */
  tradeBan?: boolean;
  /** Logged in from a new device: its sends and accepts fail with Steam's new-device text. */
  newDevice?: boolean;
  /** Not available to trade (Steam Guard, password reset…): sends to it fail. */
  unavailable?: boolean;
  /** Shown as `g_bTradePartnerProbation` on offer pages. */
  probation?: boolean;
  /** Trade protection acknowledged (`POST /trade/new/acknowledge`); default from `acknowledgedByDefault`. */
  acknowledged?: boolean;
}

export type SteamTradeScenarioInput = Partial<Omit<SteamTradeScenario, 'faults'>> & {
  faults?: {
    send?: Partial<TradeFaultPlan<TradeSendFaultKind>>;
    list?: Partial<TradeFaultPlan<TradeListFaultKind>>;
  };
};

const DAY_MS = 86_400_000;

export function resolveTradeScenario(input: SteamTradeScenarioInput = {}): SteamTradeScenario {
  const faults = input.faults ?? {};
  return {
    offerTtlMs: input.offerTtlMs ?? 14 * DAY_MS,
    protectionMs: input.protectionMs ?? 7 * DAY_MS,
    protectedApps: input.protectedApps ?? [730],
    acknowledgedByDefault: input.acknowledgedByDefault ?? true,
    maxActivePerPartner: input.maxActivePerPartner ?? 30,
    maxActiveTotal: input.maxActiveTotal ?? 1000,
    offersPageSize: input.offersPageSize ?? 100,
    offerPageNeedsMobileAgent: input.offerPageNeedsMobileAgent ?? true,
    faults: {
      send: { rate: 0, kinds: ['eresult16AfterCreate'], seed: 1, script: {}, ...defined(faults.send) },
      list: { rate: 0, kinds: ['listEmpty'], seed: 1, script: {}, ...defined(faults.list) },
    },
  };
}
