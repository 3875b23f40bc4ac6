/**
 * @module store/market-schema
 * Table types for prices and inventory snapshots (migration 003). Amounts are integer minor
 * units in BIGINT columns; like timestamps, PostgreSQL returns them as strings, so readers go
 * through `Number()`.
 */
import type { Generated } from 'kysely';
import type { Millis } from './schema.js';

export interface MarketPricesTable {
  source: string;
  appid: number;
  /** ISO 4217 code. */
  currency: string;
  market_hash_name: string;
  /** Minor units of one item; null: the source was asked and had no price. */
  price_minor: Millis | null;
  listings: number | null;
  observed_at: Millis;
}

/** One row per (source, app, currency) ever asked for: what the background refresh works through. */
export interface MarketPriceSetsTable {
  source: string;
  appid: number;
  currency: string;
  /** The last complete pass over the app: any name it did not price has no price. */
  refreshed_at: Millis | null;
  /** The last pass that failed, and why. */
  failed_at: Millis | null;
  last_error: string | null;
  /** The last time someone asked for these prices; the refresh keeps only asked-for sets warm. */
  requested_at: Millis | null;
  priced: number | null;
}

export interface SnapshotDescriptionsTable {
  appid: number;
  classid: string;
  instanceid: string;
  /** JSON: the description fields snapshots need (names, type, flags, icon). */
  body: string;
}

export interface InventorySnapshotsTable {
  id: Generated<number>;
  steamid: string;
  appid: number;
  contextid: string;
  taken_at: Millis;
  /** Asset entries, and the sum of their amounts. */
  asset_count: number;
  item_count: Millis;
  /** How `body` is encoded (see steam/snapshots/encode.ts). */
  encoding: string;
  /** The assets, compact: deflated varints. */
  body: Buffer;
}

export interface SnapshotValuesTable {
  snapshot_id: number;
  source: string;
  currency: string;
  total_minor: Millis;
  marketable_total_minor: Millis;
  missing_quantity: number;
  stale_lines: number;
  /** When the prices used were read. */
  priced_at: Millis;
}

export interface MarketTables {
  market_prices: MarketPricesTable;
  market_price_sets: MarketPriceSetsTable;
  snapshot_descriptions: SnapshotDescriptionsTable;
  inventory_snapshots: InventorySnapshotsTable;
  snapshot_values: SnapshotValuesTable;
}
