/**
 * @module mcp/tools/trade-context
 * The trade client the offer tools share: the server's transport and Web API client, the
 * session from STEAM_COOKIES / STEAM_SESSION_ID (read when first needed, so the other tools
 * work without one), and the server's store for idempotency keys and the trade protection
 * acknowledgement. Library warnings go to stderr (stdout carries the protocol).
 */
import type { GamestashConfig } from '../../core/config.js';
import type { HttpClient } from '../../core/http/client.js';
import { redactText } from '../../core/http/redact.js';
import { createSteamTradeClient, type SteamTradeClient } from '../../steam/trade/index.js';
import type { SteamWebApiClient } from '../../steam/webapi/index.js';
import { TradeStateStoreDb } from '../../store/trade-state.js';
import type { LazyDatabase } from './store-context.js';

export function lazyTrade(
  config: GamestashConfig,
  http: HttpClient,
  webapi: SteamWebApiClient,
  database: LazyDatabase,
): () => Promise<SteamTradeClient> {
  let client: Promise<SteamTradeClient> | undefined;
  return () =>
    (client ??= database.get().then(
      (db) =>
        createSteamTradeClient(config, http, {
          store: new TradeStateStoreDb(db.db),
          webapi,
          onWarning: (warning) =>
            process.stderr.write(`gamestash mcp: warning: ${redactText(warning.message)}\n`),
        }),
      (error: unknown) => {
        client = undefined;
        throw error;
      },
    ));
}
