/**
 * @module mcp/tools/market-context
 * What the value and history tools read and write (prices, snapshots), over the server's
 * one lazily opened store (store-context.ts), built on first use.
 */
import type { GamestashConfig } from '../../core/config.js';
import type { HttpClient } from '../../core/http/client.js';
import { createPriceService } from '../../steam/market/from-config.js';
import type { PriceService } from '../../steam/market/price-service.js';
import { PriceStore } from '../../store/prices.js';
import { SnapshotStore } from '../../store/snapshots.js';
import type { LazyDatabase } from './store-context.js';

export interface MarketTools {
  prices: PriceService;
  snapshots: SnapshotStore;
}

export function lazyMarket(
  config: GamestashConfig,
  http: HttpClient,
  database: LazyDatabase,
): () => Promise<MarketTools> {
  let tools: Promise<MarketTools> | undefined;
  return () =>
    (tools ??= database.get().then(
      (db) => ({
        prices: createPriceService(config, http, new PriceStore(db.db)),
        snapshots: new SnapshotStore(db.db),
      }),
      (error: unknown) => {
        // A store that failed to open is tried again on the next call.
        tools = undefined;
        throw error;
      },
    ));
}
