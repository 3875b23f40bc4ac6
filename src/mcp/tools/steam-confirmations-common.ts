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
import { openDatabase, type StoreDatabase, type StoreOptions } from '../../store/database.js';
import { storeOptions } from '../../store/from-config.js';
import { TradeStateStoreDb } from '../../store/trade-state.js';

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

/** The server's confirmations client and the store under it, made when a confirmation tool first runs. */
export class ConfirmationsHolder {
  private opened: Promise<{ client: SteamConfirmations; database: StoreDatabase }> | undefined;

  constructor(
    private readonly config: GamestashConfig,
    private readonly http: HttpClient,
    /** Where the times live (default: GAMESTASH_DATABASE_URL or the SQLite file), as for the market tools. */
    private readonly store?: StoreOptions,
  ) {}

  async get(): Promise<SteamConfirmations> {
    // Missing secrets or session say so each time, before the store is opened.
    requireSecret(this.config.steam.identitySecret, 'STEAM_IDENTITY_SECRET', 'mobile confirmations');
    const session = sessionFromConfig(this.config);
    this.opened ??= openDatabase(this.store ?? storeOptions(this.config))
      .then((database) => ({
        database,
        client: createSteamConfirmations(this.config, this.http, {
          session,
          times: new ConfirmationTimeStoreDb(database.db),
          tradeState: new TradeStateStoreDb(database.db),
        }),
      }))
      .catch((error: unknown) => {
        this.opened = undefined;
        throw error;
      });
    return (await this.opened).client;
  }

  async close(): Promise<void> {
    const opened = await this.opened?.catch(() => undefined);
    await opened?.database.close();
  }
}
