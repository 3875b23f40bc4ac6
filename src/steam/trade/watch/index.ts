/**
 * @module steam/trade/watch
 * The offer watcher: events for every offer change and trade reversal, exactly once across
 * restarts (at least once, with stable ids), its state in the store.
 */
export { createOfferWatcher, OfferWatcher, type WatcherStatus } from './watcher.js';
export * from './events.js';
export {
  DEFAULT_WATCH_OPTIONS,
  resolveWatchOptions,
  watchOptionsFromConfig,
  type OfferWatchOptions,
  type ResolvedWatchOptions,
} from './options.js';
export { InconsistentListError, type PollOutcome, type WatchedTradeClient } from './poll.js';
export { offersToCancel, type CancelPick } from './cancel.js';
export * from './watch-store.js';
