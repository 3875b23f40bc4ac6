/**
 * @module store/schema
 * Table types for Kysely. Timestamps are epoch milliseconds in BIGINT columns: PostgreSQL's
 * driver returns BIGINT as a string, SQLite as a number, so readers go through `Number()`.
 */
import type { Generated } from 'kysely';
import type { MarketTables } from './market-schema.js';
import type { TradeTables } from './trade-schema.js';
import type { SteamConfirmationTimesTable } from './guard-schema.js';
import type { WatchTables } from './watch-schema.js';
import type { WebhookTables } from './webhook-schema.js';
import type { AccountTables } from './accounts-schema.js';

export type Millis = number | string | bigint;

export interface ApiKeysTable {
  id: string;
  name: string;
  /** sha256 of the secret: keys are random and high-entropy, so no slow hash is needed. */
  key_hash: string;
  /** The first characters of the secret, shown by `keys list` to tell keys apart. */
  key_prefix: string;
  quota_per_minute: number | null;
  created_at: Millis;
  revoked_at: Millis | null;
  last_used_at: Millis | null;
  request_count: Generated<Millis>;
  /** Comma-separated scopes (store/key-scopes.ts); null on rows written before scopes: the read scopes. */
  scopes: string | null;
  /** Comma-separated account names the key may use, `*` for all; null or empty: none. */
  accounts: string | null;
}

export interface ApiKeyUsageTable {
  key_id: string;
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  requests: Millis;
  cache_hits: Millis;
}

export interface CacheEntriesTable {
  cache_key: string;
  /** The serialized upstream document (Steam's merged inventory JSON). */
  body: string;
  stored_at: Millis;
}

export interface Database extends TradeTables, MarketTables, WatchTables, WebhookTables, AccountTables {
  api_keys: ApiKeysTable;
  api_key_usage: ApiKeyUsageTable;
  cache_entries: CacheEntriesTable;
  steam_confirmation_times: SteamConfirmationTimesTable;
}
