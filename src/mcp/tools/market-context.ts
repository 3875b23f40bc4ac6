/**
 * @module mcp/tools/market-context
 * The store the value and history tools read and write (prices, snapshots), opened on first
 * use so the other tools work without one, and closed with the server.
 */
import type { GamestashConfig } from '../../core/config.js';
import type { HttpClient } from '../../core/http/client.js';
import { createPriceService } from '../../steam/market/from-config.js';
import type { PriceService } from '../../steam/market/price-service.js';
import { openDatabase, type StoreDatabase, type StoreOptions } from '../../store/database.js';
import { storeOptions } from '../../store/from-config.js';
import { PriceStore } from '../../store/prices.js';
import { SnapshotStore } from '../../store/snapshots.js';

export interface MarketTools {
  prices: PriceService;
  snapshots: SnapshotStore;
}

export interface LazyMarket {
  get(): Promise<MarketTools>;
  close(): Promise<void>;
}

export function lazyMarket(config: GamestashConfig, http: HttpClient, store?: StoreOptions): LazyMarket {
  let opening: Promise<{ database: StoreDatabase; tools: MarketTools }> | undefined;
  return {
    async get() {
      opening ??= (async () => {
        const database = await openDatabase(store ?? storeOptions(config));
        const prices = createPriceService(config, http, new PriceStore(database.db));
        return { database, tools: { prices, snapshots: new SnapshotStore(database.db) } };
      })();
      // A store that failed to open is tried again on the next call.
      return (
        await opening.catch((error: unknown) => {
          opening = undefined;
          throw error;
        })
      ).tools;
    },
    async close() {
      const opened = await opening?.catch(() => undefined);
      await opened?.database.close();
    },
  };
}
