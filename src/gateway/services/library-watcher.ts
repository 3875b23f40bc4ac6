/**
 * @module gateway/services/library-watcher
 * The gateway's offer watchers are the trade library's (docs/trading.md, "Watching for
 * changes"), their state in the gateway's store, at the pace of GAMESTASH_OFFER_POLL_INTERVAL_MS
 * and friends. An event leaves the watcher's outbox only once the gateway's listener (which
 * publishes it) has returned, so a failed publish is handed over again later.
 */
import type { FastifyBaseLogger } from 'fastify';
import { watchOptionsFromConfig } from '../../steam/trade/watch/options.js';
import type { StoreDatabase } from '../../store/database.js';
import { OfferWatchStoreDb } from '../../store/offer-watch.js';
import type { GatewayConfig } from '../config.js';
import type { AccountWatcherFactory } from './offer-watchers.js';

export function libraryWatchers(
  config: GatewayConfig,
  database: StoreDatabase,
  log: FastifyBaseLogger,
): AccountWatcherFactory {
  const store = new OfferWatchStoreDb(database.db);
  const options = { ...watchOptionsFromConfig(config.core), language: config.core.steam.language };
  return (account) => {
    const watcher = account.trade.watch(store, options);
    watcher.on('warning', (warning) =>
      log.warn(
        { account: account.name, code: warning.code, offerId: warning.offerId },
        `offer watcher of "${account.name}": ${warning.message}`,
      ),
    );
    return {
      onEvent: (listener) => void watcher.on('event', (event) => listener(event)),
      onPollFailure: (listener) => void watcher.on('pollFailure', (event) => listener(event)),
      start: () => void watcher.start(),
      stop: () => watcher.stop(),
    };
  };
}
