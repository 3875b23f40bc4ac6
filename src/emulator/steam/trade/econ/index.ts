/**
 * @module emulator/steam/trade/econ
 * The IEconService methods the trade module registers with the Web API emulator.
 */
import type { WebApiMethod } from '../../webapi/registry.js';
import type { TradeContext } from '../context.js';
import { cancelTradeOffer, declineTradeOffer } from './act.js';
import { getTradeHoldDurations } from './holds.js';
import { getTradeOffer, getTradeOffers } from './list-offers.js';
import { getTradeOffersSummary } from './summary.js';
import { getTradeHistory, getTradeStatus } from './trades.js';

export function econServiceMethods(ctx: TradeContext): WebApiMethod[] {
  return [
    getTradeOffers(ctx),
    getTradeOffer(ctx),
    getTradeOffersSummary(ctx),
    cancelTradeOffer(ctx),
    declineTradeOffer(ctx),
    getTradeHistory(ctx),
    getTradeStatus(ctx),
    getTradeHoldDurations(ctx),
  ];
}
