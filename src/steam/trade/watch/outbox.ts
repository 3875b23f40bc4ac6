/**
 * @module steam/trade/watch/outbox
 * Draining the store's outbox: recorded events in the order they were recorded, each handed
 * to `dispatch` and acknowledged (marked delivered) only once it returns true. The first event
 * nobody could take stops the round, so nothing overtakes it; the next round starts there.
 */
import type { OfferEvent } from './events.js';
import type { OfferWatchStore } from './watch-store.js';

/** Outbox rows read per round trip. */
const BATCH = 100;

export interface OutboxDrain {
  store: OfferWatchStore;
  account: string;
  now: () => number;
  /** Whether to go on (someone consumes events, the watcher is not stopping). */
  open: () => boolean;
  /** Delivers one event; true once it has been taken and may be acknowledged. */
  dispatch: (event: OfferEvent) => Promise<boolean>;
}

/** Delivers what the outbox holds; returns how many events were acknowledged. */
export async function drainOutbox(drain: OutboxDrain): Promise<number> {
  let acknowledged = 0;
  while (drain.open()) {
    const batch = await drain.store.pendingEvents(drain.account, BATCH);
    if (batch.length === 0) break;
    for (const stored of batch) {
      if (!drain.open()) return acknowledged;
      const event = JSON.parse(stored.payload) as OfferEvent;
      if (!(await drain.dispatch(event))) return acknowledged;
      await drain.store.markDelivered(drain.account, stored.id, drain.now());
      acknowledged++;
    }
  }
  return acknowledged;
}
