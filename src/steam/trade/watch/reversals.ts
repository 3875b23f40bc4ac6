/**
 * @module steam/trade/watch/reversals
 * Trade protection reversals (UPSTREAM.md, 2025-07): a trade can be taken back for about 7
 * days, and the offer still says Accepted afterwards, so offer polls never show it. Each
 * accepted offer's trade is asked about (GetTradeStatus) every `reversalCheckIntervalMs`
 * until its window ends, a few per poll. A rollback status (12 TradeProtectionRollback, or a
 * support or escrow rollback) or a `rollback_trade` records `offerReverted` once, with the
 * offer marked reverted in the same transaction; checks then stop for it.
 */
import { offerEventId, type OfferRevertedEvent } from './events.js';
import { storedEvent, type PollContext } from './poll.js';
import type { KnownOffer } from './watch-store.js';

export interface ReversalOutcome {
  checked: number;
  events: OfferRevertedEvent[];
  failures: { offerId: string; message: string }[];
}

/** When to look again after a check at `now`: the window's end is the last look. */
export function nextReversalCheck(offer: KnownOffer, now: number, intervalMs: number): number | null {
  const until = offer.reversalUntil ?? now;
  return now >= until ? null : Math.min(now + intervalMs, until);
}

export async function checkReversals(ctx: PollContext): Promise<ReversalOutcome> {
  const { store, account, options, trade, signal } = ctx;
  const outcome: ReversalOutcome = { checked: 0, events: [], failures: [] };
  if (options.maxReversalChecksPerPoll === 0) return outcome;
  const due = await store.dueReversalChecks(account, options.now(), options.maxReversalChecksPerPoll);
  for (const offer of due) {
    if (signal.aborted || !offer.tradeId) break;
    const now = options.now();
    try {
      outcome.checked++;
      const status = await trade.tradeStatus(offer.tradeId, { signal, descriptions: options.descriptions });
      if (!status.rolledBack && status.rollbackTrade === null) {
        await store.scheduleReversalCheck(
          account,
          offer.offerId,
          nextReversalCheck(offer, now, options.reversalCheckIntervalMs),
        );
        continue;
      }
      const current = await trade.get(offer.offerId, { signal, descriptions: options.descriptions });
      const event: OfferRevertedEvent = {
        event: 'offerReverted',
        id: offerEventId(account, offer.offerId, 'reverted'),
        account,
        offerId: offer.offerId,
        at: new Date(now).toISOString(),
        offer: current,
        tradeId: offer.tradeId,
        trade: status,
      };
      await store.commit({
        account,
        offers: [{ offer: { ...offer, revertedAt: now, reversalDueAt: null }, expectedState: offer.state }],
        events: [storedEvent(event)],
      });
      outcome.events.push(event);
    } catch (error) {
      if (signal.aborted) break;
      outcome.failures.push({
        offerId: offer.offerId,
        message: `could not check trade ${offer.tradeId} of offer ${offer.offerId} for a reversal: ${(error as Error).message}`,
      });
      // Not again before the next interval (a trade Steam cannot show should not cost a call
      // every poll), but a failed last look gets one more.
      const until = (offer.reversalUntil ?? now) + options.reversalCheckIntervalMs;
      const retry = now >= until ? null : now + options.reversalCheckIntervalMs;
      await store.scheduleReversalCheck(account, offer.offerId, retry).catch(() => undefined);
    }
  }
  return outcome;
}
