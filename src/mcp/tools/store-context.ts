/**
 * @module mcp/tools/store-context
 * The store the value, history and trade tools share (prices, snapshots, idempotency keys,
 * trade protection acknowledgements): opened on first use, so the other tools work without
 * one, tried again after a failed open, and closed with the server.
 */
import type { GamestashConfig } from '../../core/config.js';
import { openDatabase, type StoreDatabase, type StoreOptions } from '../../store/database.js';
import { storeOptions } from '../../store/from-config.js';

export interface LazyDatabase {
  get(): Promise<StoreDatabase>;
  close(): Promise<void>;
}

export function lazyDatabase(config: GamestashConfig, store?: StoreOptions): LazyDatabase {
  let opening: Promise<StoreDatabase> | undefined;
  return {
    async get() {
      opening ??= openDatabase(store ?? storeOptions(config));
      return opening.catch((error: unknown) => {
        opening = undefined;
        throw error;
      });
    },
    async close() {
      const opened = await opening?.catch(() => undefined);
      await opened?.close();
    },
  };
}
