/**
 * @module mcp/tools/steam-confirmations-common
 * What the confirmation tools share: the confirmations client (built on first use, so a
 * server without STEAM_IDENTITY_SECRET still serves everything else; on the configured store,
 * so that no confirmation time is used twice with the CLI or another server), the
 * confirmation's schema and its one-line rendering.
 */
import { z } from 'zod';
import type { GamestashConfig } from '../../core/config.js';
import type { HttpClient } from '../../core/http/client.js';
import {
  createSteamConfirmations,
  requireSecret,
  type Confirmation,
  type SteamConfirmations,
} from '../../steam/guard/index.js';
import { sessionFromConfig } from '../../steam/session/from-config.js';
import { ConfirmationTimeStoreDb } from '../../store/confirmation-times.js';
import { TradeStateStoreDb } from '../../store/trade-state.js';
import type { LazyDatabase } from './store-context.js';

export const confirmationSchema = z.object({
  id: z.string(),
  type: z.number().describe('2 trade offer, 3 market listing'),
  typeName: z.string(),
  creatorId: z.string().describe('the offer id (type 2) or listing id (type 3)'),
  offerId: z.string().nullable(),
  nonce: z.string(),
  headline: z.string().describe("for trades, the partner's persona name"),
  summary: z.array(z.string()),
  created: z.string().nullable(),
});

export function renderConfirmation(conf: Confirmation): string {
  const what = conf.offerId
    ? `offer ${conf.offerId}`
    : `${conf.typeName || `type ${conf.type}`} ${conf.creatorId}`;
  return `${conf.id}: ${what}${conf.headline ? ` with ${conf.headline}` : ''}${conf.summary.length ? ` — ${conf.summary.join('; ')}` : ''}`;
}

/**
 * The server's confirmations client, made when a confirmation tool first runs, over the
 * server's one store (store-context.ts): confirmation times and the trade protection
 * acknowledgement are shared with the trade tools, the CLI and any other process on it.
 */
export function lazyConfirmations(
  config: GamestashConfig,
  http: HttpClient,
  database: LazyDatabase,
): () => Promise<SteamConfirmations> {
  let client: Promise<SteamConfirmations> | undefined;
  return async () => {
    // Missing secrets or session say so each time, before the store is opened.
    requireSecret(config.steam.identitySecret, 'STEAM_IDENTITY_SECRET', 'mobile confirmations');
    const session = sessionFromConfig(config);
    client ??= database.get().then(
      (db) =>
        createSteamConfirmations(config, http, {
          session,
          times: new ConfirmationTimeStoreDb(db.db),
          tradeState: new TradeStateStoreDb(db.db),
        }),
      (error: unknown) => {
        // A store that failed to open is tried again on the next call.
        client = undefined;
        throw error;
      },
    );
    return client;
  };
}
