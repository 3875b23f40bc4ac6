/**
 * @module cli/commands/steam-offers-common
 * What every `gamestash steam offers ...` body shares: the trade client from the config (the
 * session from STEAM_COOKIES / STEAM_SESSION_ID, never from flags; `--community-url` and
 * `--api-url` over the environment), the CLI store for the writes that remember something
 * (idempotency keys, the trade protection acknowledgement), and the library's warnings on
 * stderr. Transport and store are closed when the command ends, whatever happens.
 */
import { loadConfig } from '../../core/config.js';
import { createHttpClient } from '../../core/http/from-config.js';
import {
  createSteamTradeClient,
  MemoryTradeStateStore,
  type SteamTradeClient,
  type TradeStateStore,
  type TradeWarning,
} from '../../steam/trade/index.js';
import { createSteamWebApiClient } from '../../steam/webapi/from-config.js';
import type { StoreDatabase } from '../../store/database.js';
import { createConfirmer } from '../../steam/guard/from-config.js';
import { ConfirmationTimeStoreDb } from '../../store/confirmation-times.js';
import { TradeStateStoreDb } from '../../store/trade-state.js';
import { openCliStore } from '../store.js';
import { printWarnings } from './market-context.js';

/** The options of every offers command. */
export interface OfferCommandOptions {
  /** The result as JSON (the library's model) instead of a table or a line. */
  json?: boolean;
  communityUrl?: string;
  apiUrl?: string;
}

/**
 * Runs `body` with a trade client. `remembers`: the command writes to the store (send and
 * accept: idempotency records, the acknowledgement); reads and the Web API writes need none,
 * so they work without a writable data directory.
 */
export async function withTrade<T>(
  options: OfferCommandOptions & { confirm?: boolean },
  remembers: boolean,
  body: (trade: SteamTradeClient) => Promise<T>,
): Promise<T> {
  const trim = (url: string | undefined) => url?.replace(/\/+$/, '');
  const config = loadConfig(process.env, {
    steam: { communityUrl: trim(options.communityUrl), apiUrl: trim(options.apiUrl) },
  });
  const http = createHttpClient(config);
  let database: StoreDatabase | undefined;
  const warnings: TradeWarning[] = [];
  try {
    let store: TradeStateStore = new MemoryTradeStateStore();
    if (remembers) {
      database = await openCliStore(config);
      store = new TradeStateStoreDb(database.db);
    }
    const webapi = createSteamWebApiClient(config, http);
    // --confirm: mobile confirmations with the account's identity secret, their times in the
    // same store as every other process's (never one time twice).
    const confirmer =
      options.confirm && config.steam.identitySecret
        ? createConfirmer(config, http, database ? new ConfirmationTimeStoreDb(database.db) : undefined)
        : undefined;
    const trade = createSteamTradeClient(config, http, {
      store,
      webapi,
      confirmer,
      onWarning: (warning) => warnings.push(warning),
    });
    return await body(trade);
  } finally {
    printWarnings(warnings.map((w) => w.message));
    await database?.close();
    await http.close();
  }
}
