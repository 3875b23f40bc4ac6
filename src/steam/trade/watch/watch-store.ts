/**
 * @module steam/trade/watch/watch-store
 * What the offer watcher keeps between polls and between processes, per account: the poll
 * cursor, every offer it knows with its last state (and, for accepted ones, the trade and
 * the reversal checks), and an outbox of events not yet acknowledged by their consumer. An
 * interface, so the watcher runs on SQLite or PostgreSQL through src/store/offer-watch.ts.
 *
 * One poll's changes are written by one `commit`: the offers' new states, the events they
 * make and the cursor, in one transaction. An offer is updated only if its stored state is
 * still the one the poll compared against, so two watchers racing on one account cannot both
 * record (and announce) the same change.
 */
import { GamestashError } from '../../../core/errors.js';

export interface WatchCursor {
  account: string;
  /** Steam's newest `time_updated` seen (epoch ms), or null before any offer was seen. */
  offersSince: number | null;
  /** When the first poll completed (epoch ms): before it, the watcher had no baseline. */
  baselineAt: number;
  polledAt: number;
  fullPolledAt: number | null;
}

export interface KnownOffer {
  offerId: string;
  isOurOffer: boolean;
  /** The last state seen (ETradeOfferState). */
  state: number;
  /** Steam's times (epoch ms), when it gave them. */
  createdAt: number | null;
  updatedAt: number | null;
  /** When the watcher first saw the offer (epoch ms, this machine's clock). */
  seenAt: number;
  tradeId: string | null;
  /** When it was accepted (Steam's `time_updated` at acceptance, epoch ms). */
  acceptedAt: number | null;
  /** The next reversal check (epoch ms); null when none is due (not accepted, reverted, window over). */
  reversalDueAt: number | null;
  /** Reversal checks run until this time (epoch ms): the end of the trade protection window. */
  reversalUntil: number | null;
  revertedAt: number | null;
}

/** An event as the outbox keeps it: its id, kind and the whole event as JSON. */
export interface StoredEvent {
  id: string;
  account: string;
  /** Order of recording, per account. */
  seq: number;
  kind: string;
  offerId: string;
  payload: string;
  recordedAt: number;
  deliveredAt: number | null;
}

export type NewStoredEvent = Omit<StoredEvent, 'seq' | 'deliveredAt' | 'account'>;

export interface OfferWrite {
  offer: KnownOffer;
  /**
   * The state the change was computed against: the row is written only if it still holds it.
   * `null`: a new row, written only if the offer is not known yet.
   */
  expectedState: number | null;
}

export interface WatchCommit {
  account: string;
  offers: OfferWrite[];
  events: NewStoredEvent[];
  /** The new cursor, or undefined to leave it as it is (a poll that may not advance it). */
  cursor?: WatchCursor | undefined;
}

export interface OfferWatchStore {
  cursor(account: string): Promise<WatchCursor | undefined>;
  /** The offers of `account` among `offerIds`, plus every one it knows in an active state. */
  knownOffers(
    account: string,
    offerIds: readonly string[],
    activeStates: readonly number[],
  ): Promise<KnownOffer[]>;
  /**
   * Writes a poll's outcome in one transaction. Throws {@link WatchConflictError} (and writes
   * nothing) when another writer changed one of the offers first.
   */
  commit(commit: WatchCommit): Promise<void>;
  /** Events recorded and not yet acknowledged, oldest first. */
  pendingEvents(account: string, limit: number): Promise<StoredEvent[]>;
  markDelivered(account: string, eventId: string, at: number): Promise<void>;
  /** Accepted offers whose reversal check is due at `now`, soonest first. */
  dueReversalChecks(account: string, now: number, limit: number): Promise<KnownOffer[]>;
  /** Schedules the next reversal check of an offer (null: no more checks). */
  scheduleReversalCheck(account: string, offerId: string, dueAt: number | null): Promise<void>;
  /** Forgets acknowledged events recorded before `before`; returns how many. */
  pruneEvents(account: string, before: number): Promise<number>;
}

/** Another writer changed an offer between this poll's read and its commit. */
export class WatchConflictError extends GamestashError {
  override readonly kind = 'watch_conflict';

  constructor(
    readonly account: string,
    readonly offerId: string,
  ) {
    super(
      `offer ${offerId} of ${account} changed in the store while this poll ran: is another watcher running for this account?`,
      { retryable: true },
    );
  }
}
