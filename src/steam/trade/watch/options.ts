/**
 * @module steam/trade/watch/options
 * The offer watcher's options, their defaults (node-steam-tradeoffer-manager's where it has
 * one: a poll every 30 s, a full poll every 2 minutes, a 30-minute window for backdated
 * changes) and their checks, made before the first request.
 */
import type { GamestashConfig } from '../../../core/config.js';
import { InvalidInputError } from '../../../core/errors.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface OfferWatchOptions {
  /** Between the end of one poll and the start of the next (GAMESTASH_OFFER_POLL_INTERVAL_MS; 30 s). */
  intervalMs?: number;
  /** A full poll (active offers plus a day of history) at least this often (2 min); the first poll is one. */
  fullPollIntervalMs?: number;
  /**
   * Polls ask for offers updated since Steam's newest change seen minus this (30 min):
   * Steam backdates some state changes (UPSTREAM.md; node-steam-tradeoffer-manager's buffer).
   */
  historicalWindowMs?: number;
  /** How far back a full poll reaches (1 day). */
  fullPollLookbackMs?: number;
  /** Known active offers missing from an answer are read one by one, at most this many a poll (10). */
  maxLookupsPerPoll?: number;
  /** Between two GetTradeStatus checks of one accepted trade (GAMESTASH_REVERSAL_CHECK_INTERVAL_MS; 1 h). */
  reversalCheckIntervalMs?: number;
  /** How long after acceptance a trade is checked for a reversal (8 days: trade protection's 7, and a day). */
  reversalWindowMs?: number;
  /** GetTradeStatus checks per poll at most (10); the rest wait for the next poll. */
  maxReversalChecksPerPoll?: number;
  /** Cancel our Active offers not answered this long after they were sent (or confirmed). */
  cancelAfterMs?: number;
  /** Cancel our offers still awaiting confirmation (state 9) this long after they were made. */
  pendingCancelAfterMs?: number;
  /** Keep at most this many of our offers Active: the oldest beyond it are cancelled. */
  cancelOfferCount?: number;
  /** ...but only those at least this old (0). */
  cancelOfferCountMinAgeMs?: number;
  /** Item names and icons in the events' offers (true); false saves bytes, not calls. */
  descriptions?: boolean;
  language?: string;
  /** Acknowledged events are kept this long in the store, then forgotten (7 days). */
  eventRetentionMs?: number;
  /** The clock (epoch ms) for ages and reversal checks; tests pass the emulator's. */
  now?: () => number;
  /** Aborting stops the watcher, cutting the poll in flight short (nothing of it is recorded). */
  signal?: AbortSignal;
}

export interface ResolvedWatchOptions {
  intervalMs: number;
  fullPollIntervalMs: number;
  historicalWindowMs: number;
  fullPollLookbackMs: number;
  maxLookupsPerPoll: number;
  reversalCheckIntervalMs: number;
  reversalWindowMs: number;
  maxReversalChecksPerPoll: number;
  cancelAfterMs: number | undefined;
  pendingCancelAfterMs: number | undefined;
  cancelOfferCount: number | undefined;
  cancelOfferCountMinAgeMs: number;
  descriptions: boolean;
  language: string | undefined;
  eventRetentionMs: number;
  now: () => number;
}

export const DEFAULT_WATCH_OPTIONS = {
  intervalMs: 30_000,
  fullPollIntervalMs: 2 * MINUTE,
  historicalWindowMs: 30 * MINUTE,
  fullPollLookbackMs: DAY,
  maxLookupsPerPoll: 10,
  reversalCheckIntervalMs: 60 * MINUTE,
  reversalWindowMs: 8 * DAY,
  maxReversalChecksPerPoll: 10,
  cancelOfferCountMinAgeMs: 0,
  eventRetentionMs: 7 * DAY,
} as const;

function check(name: string, value: number | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new InvalidInputError(`${name} ${value} is not a whole number of ${min} or more`, name);
  }
  return value;
}

export function resolveWatchOptions(options: OfferWatchOptions = {}): ResolvedWatchOptions {
  const d = DEFAULT_WATCH_OPTIONS;
  const ms = (name: keyof typeof d, min = 1) =>
    check(name, options[name] as number | undefined, min) ?? (d[name] as number);
  return {
    intervalMs: ms('intervalMs'),
    fullPollIntervalMs: ms('fullPollIntervalMs', 0),
    historicalWindowMs: ms('historicalWindowMs', 0),
    fullPollLookbackMs: ms('fullPollLookbackMs', 0),
    maxLookupsPerPoll: ms('maxLookupsPerPoll', 0),
    reversalCheckIntervalMs: ms('reversalCheckIntervalMs'),
    reversalWindowMs: ms('reversalWindowMs', 0),
    maxReversalChecksPerPoll: ms('maxReversalChecksPerPoll', 0),
    cancelAfterMs: check('cancelAfterMs', options.cancelAfterMs, 1),
    pendingCancelAfterMs: check('pendingCancelAfterMs', options.pendingCancelAfterMs, 1),
    cancelOfferCount: check('cancelOfferCount', options.cancelOfferCount, 1),
    cancelOfferCountMinAgeMs: ms('cancelOfferCountMinAgeMs', 0),
    descriptions: options.descriptions ?? true,
    language: options.language,
    eventRetentionMs: ms('eventRetentionMs', 0),
    now: options.now ?? Date.now,
  };
}

/** The intervals the configuration sets (GAMESTASH_OFFER_POLL_INTERVAL_MS and friends). */
export function watchOptionsFromConfig(config: Pick<GamestashConfig, 'tradeWatch'>): OfferWatchOptions {
  return {
    intervalMs: config.tradeWatch.offerPollIntervalMs,
    fullPollIntervalMs: config.tradeWatch.offerFullPollIntervalMs,
    reversalCheckIntervalMs: config.tradeWatch.reversalCheckIntervalMs,
  };
}
