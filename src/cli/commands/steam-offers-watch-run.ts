/**
 * @module cli/commands/steam-offers-watch-run
 * `gamestash steam offers watch`: the library's offer watcher on the CLI's store (the SQLite
 * file in GAMESTASH_DATA_DIR, or GAMESTASH_DATABASE_URL), each event a JSON line on stdout,
 * warnings on stderr. SIGINT or SIGTERM stops it cleanly: the poll in flight finishes and is
 * recorded, and the command exits 0; events not printed yet come out on the next run. A
 * session Steam no longer accepts, or a configuration that cannot work, ends it with an error.
 */
import { loadConfig } from '../../core/config.js';
import { InvalidInputError, SessionExpiredError } from '../../core/errors.js';
import { createHttpClient } from '../../core/http/from-config.js';
import { createSteamTradeClient } from '../../steam/trade/from-config.js';
import type { PollFailureEvent } from '../../steam/trade/watch/events.js';
import { watchOptionsFromConfig, type OfferWatchOptions } from '../../steam/trade/watch/options.js';
import { createSteamWebApiClient } from '../../steam/webapi/from-config.js';
import { OfferWatchStoreDb } from '../../store/offer-watch.js';
import { TradeStateStoreDb } from '../../store/trade-state.js';
import { openCliStore } from '../store.js';

export interface SteamOffersWatchOptions {
  intervalMs?: number;
  fullEveryMs?: number;
  cancelAfter?: number;
  pendingCancelAfter?: number;
  cancelOfferCount?: number;
}

/** Poll failures that the next poll cannot cure. */
const FATAL_KINDS = new Set(['session_expired', 'invalid_input', 'authentication_failed']);

export async function steamOffersWatch(options: SteamOffersWatchOptions): Promise<void> {
  const config = loadConfig(process.env);
  const http = createHttpClient(config);
  const database = await openCliStore(config);
  try {
    const webapi = createSteamWebApiClient(config, http, { cacheDir: config.dataDir });
    const trade = createSteamTradeClient(config, http, { store: new TradeStateStoreDb(database.db), webapi });
    const watchOptions: OfferWatchOptions = {
      ...watchOptionsFromConfig(config),
      ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
      ...(options.fullEveryMs === undefined ? {} : { fullPollIntervalMs: options.fullEveryMs }),
      cancelAfterMs: options.cancelAfter,
      pendingCancelAfterMs: options.pendingCancelAfter,
      cancelOfferCount: options.cancelOfferCount,
    };
    const watcher = trade.watch(new OfferWatchStoreDb(database.db), watchOptions);
    watcher.on('warning', (warning) => process.stderr.write(`gamestash: ${warning.message}\n`));
    let fatal: PollFailureEvent | undefined;
    const stop = () => void watcher.stop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      for await (const event of watcher) {
        process.stdout.write(`${JSON.stringify(event)}\n`);
        if (event.event === 'pollFailure' && FATAL_KINDS.has(event.error.kind)) {
          fatal = event;
          break;
        }
      }
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await watcher.stop();
    }
    if (fatal) {
      const Fatal = fatal.error.kind === 'invalid_input' ? InvalidInputError : SessionExpiredError;
      throw new Fatal(fatal.error.message);
    }
  } finally {
    await database.close();
    await http.close();
  }
}
