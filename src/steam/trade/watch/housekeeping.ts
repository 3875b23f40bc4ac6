/**
 * @module steam/trade/watch/housekeeping
 * What follows a recorded poll: cancelling our offers nobody answered (cancel.ts), the
 * reversal checks that are due (reversals.ts) and, on full polls, forgetting acknowledged
 * events past their retention. Failures are returned as warnings; none undoes the poll.
 */
import { cancelOffers, offersToCancel } from './cancel.js';
import type { WatchWarningCode } from './events.js';
import type { PollContext, PollOutcome } from './poll.js';
import { checkReversals } from './reversals.js';

export interface HousekeepingWarning {
  code: WatchWarningCode;
  message: string;
  offerId?: string;
}

export async function housekeeping(
  ctx: PollContext,
  outcome: PollOutcome,
  stopping: () => boolean,
): Promise<HousekeepingWarning[]> {
  const { options } = ctx;
  const warnings: HousekeepingWarning[] = [];
  const picks = offersToCancel(outcome.known.values(), options.now(), options);
  if (picks.length > 0) {
    const cancelled = await cancelOffers(ctx, picks, outcome.polled);
    for (const { message, offerId } of cancelled.failures)
      warnings.push({ code: 'cancel_failed', message, offerId });
  }
  if (stopping()) return warnings;
  const reversals = await checkReversals(ctx);
  for (const { message, offerId } of reversals.failures) {
    warnings.push({ code: 'reversal_check_failed', message, offerId });
  }
  if (outcome.full && options.eventRetentionMs > 0) {
    try {
      await ctx.store.pruneEvents(ctx.account, options.now() - options.eventRetentionMs);
    } catch (error) {
      warnings.push({
        code: 'prune_failed',
        message: `could not forget old events: ${(error as Error).message}`,
      });
    }
  }
  return warnings;
}
