/**
 * @module store/watch-schema
 * Table types of the offer watcher's state (steam/trade/watch/watch-store.ts): the poll
 * cursor per account, the offers it knows, and the outbox of events.
 */
import type { Millis } from './schema.js';

export interface OfferWatchCursorsTable {
  account: string;
  /** Steam's newest `time_updated` seen, or null before any offer. */
  offers_since: Millis | null;
  baseline_at: Millis;
  polled_at: Millis;
  full_polled_at: Millis | null;
}

export interface OfferWatchOffersTable {
  account: string;
  offer_id: string;
  /** 1 when this account sent it. */
  is_our_offer: number;
  state: number;
  created_at: Millis | null;
  updated_at: Millis | null;
  seen_at: Millis;
  trade_id: string | null;
  accepted_at: Millis | null;
  reversal_due_at: Millis | null;
  /** Reversal checks run until then (the end of the trade protection window). */
  reversal_until: Millis | null;
  reverted_at: Millis | null;
}

export interface OfferWatchEventsTable {
  /** The event's stable id (`<account>:<offer>:<state>` or `<account>:<offer>:reverted`). */
  id: string;
  account: string;
  seq: Millis;
  kind: string;
  offer_id: string;
  /** The whole event as JSON. */
  payload: string;
  recorded_at: Millis;
  delivered_at: Millis | null;
}

export interface WatchTables {
  offer_watch_cursors: OfferWatchCursorsTable;
  offer_watch_offers: OfferWatchOffersTable;
  offer_watch_events: OfferWatchEventsTable;
}
