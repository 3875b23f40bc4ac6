/**
 * @module emulator/steam/trade/reversal
 * Reversing a completed trade, as trade protection allows since 2025-07 (UPSTREAM.md): within
 * the protection window (`protectionMs`, about 7 days from delivery) the items go back to
 * their givers at once, GetTradeStatus then reports status 12 (TradeProtectionRollback) with
 * `rollback_trade`, and the offer itself still says Accepted. Also `backdate`: a state change
 * stamped in the past, as Steam sometimes stamps them (UPSTREAM.md), for pollers to miss.
 */
import type { TradeContext } from './context.js';
import type { Offer } from './offers.js';
import { TradeStatus, type TradeRecord } from './trades.js';

export type ReverseOutcome =
  | { done: true; record: TradeRecord }
  | { failed: 'notFound' | 'notComplete' | 'windowOver' | 'itemsGone'; error: string };

export function reverseTrade(ctx: TradeContext, tradeid: string): ReverseOutcome {
  ctx.exchange.settle();
  const record = ctx.trades.get(tradeid);
  if (!record) return { failed: 'notFound', error: `no trade ${tradeid}` };
  if (record.status !== TradeStatus.Complete) {
    return {
      failed: 'notComplete',
      error: `trade ${tradeid} has status ${record.status}: only a completed trade (3) can be reversed`,
    };
  }
  // The window runs from delivery: the end of a hold, else the trade itself.
  const deliveredMs = (record.escrowEnd ?? record.timeInit) * 1000;
  if (ctx.clock.now() > deliveredMs + ctx.config.protectionMs) {
    return {
      failed: 'windowOver',
      error: `trade ${tradeid} is past its ${ctx.config.protectionMs} ms protection window: it can no longer be reversed`,
    };
  }
  if (!ctx.exchange.rollBack(record)) {
    return {
      failed: 'itemsGone',
      error: `some items of trade ${tradeid} are no longer where the trade put them: nothing was reversed`,
    };
  }
  return { done: true, record };
}

/** Stamps the offer's last change `ms` earlier than it happened (whole seconds, as Steam's times). */
export function backdate(offer: Offer, ms: number): void {
  offer.updated -= Math.floor(ms / 1000);
}
