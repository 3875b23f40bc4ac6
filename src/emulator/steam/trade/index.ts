/**
 * @module emulator/steam/trade
 * The emulated Steam trade offers (community endpoints, IEconService methods, control).
 */
export { createSteamTradeModule, type SteamTradeModule, type SteamTradeOptions } from './module.js';
export type { SteamTradeControl, ControlResult, CounterInput, TradeFaultControl } from './control-api.js';
export type { SteamTradeStats } from './context.js';
export type { MintedSession } from './sessions.js';
export type { AccountView, OfferView, TradeView, ItemView } from './views.js';
export type { TradeAccountPatch } from './accounts.js';
export { OfferState, offerStateName, type OfferStateValue } from './states.js';
export { TRADE_CONTROL_PREFIX } from './control-routes.js';
