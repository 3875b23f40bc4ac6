/**
 * @module mcp/tools/trade-context
 * The trade client the offer tools share: the server's transport and Web API client, the
 * session from STEAM_COOKIES / STEAM_SESSION_ID (read when first needed, so the other tools
 * work without one), and the server's store for idempotency keys and the trade protection
 * acknowledgement — opened only when a write first needs it, so the read tools work without a
 * writable store. Library warnings go to stderr (stdout carries the protocol).
 */
import type { GamestashConfig } from '../../core/config.js';
import type { HttpClient } from '../../core/http/client.js';
import { redactText } from '../../core/http/redact.js';
import {
  createSteamTradeClient,
  type SteamTradeClient,
  type TradeStateStore,
} from '../../steam/trade/index.js';
import type { SteamWebApiClient } from '../../steam/webapi/index.js';
import { TradeStateStoreDb } from '../../store/trade-state.js';
import type { LazyDatabase } from './store-context.js';

export function lazyTrade(
  config: GamestashConfig,
  http: HttpClient,
  webapi: SteamWebApiClient,
  database: LazyDatabase,
): () => SteamTradeClient {
  let client: SteamTradeClient | undefined;
  return () =>
    (client ??= createSteamTradeClient(config, http, {
      store: storeOpenedOnUse(database),
      webapi,
      onWarning: (warning) =>
        process.stderr.write(`gamestash mcp: warning: ${redactText(warning.message)}\n`),
    }));
}

/** The trade state store over the server's database, opened by the first call that needs it. */
function storeOpenedOnUse(database: LazyDatabase): TradeStateStore {
  const store = async () => new TradeStateStoreDb((await database.get()).db);
  return {
    beginSend: async (record) => (await store()).beginSend(record),
    takeOverSend: async (key, expected, until) => (await store()).takeOverSend(key, expected, until),
    completeSend: async (key, done) => (await store()).completeSend(key, done),
    releaseSend: async (key) => (await store()).releaseSend(key),
    getSend: async (key) => (await store()).getSend(key),
    acknowledgedAt: async (steamid) => (await store()).acknowledgedAt(steamid),
    markAcknowledged: async (steamid, at) => (await store()).markAcknowledged(steamid, at),
  };
}
