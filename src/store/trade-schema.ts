/**
 * @module store/trade-schema
 * Table types of the trade client's state (steam/trade/state-store.ts): idempotency records
 * of sends, and the accounts that acknowledged trade protection.
 */
import type { Millis } from './schema.js';

export interface TradeSendsTable {
  idempotency_key: string;
  /** The sending account's SteamID64. */
  sender: string;
  /** SHA-256 (hex) of the request: the same key with another request is refused. */
  fingerprint: string;
  /** The request without its trade token, as JSON. */
  request: string;
  /** `pending` until the offer id is known, then `sent`. */
  status: string;
  started_at: Millis;
  lease_until: Millis;
  offer_id: string | null;
  /** The send's result as JSON. */
  result: string | null;
  completed_at: Millis | null;
}

export interface TradeAcknowledgementsTable {
  steamid: string;
  acknowledged_at: Millis;
}

export interface TradeTables {
  trade_sends: TradeSendsTable;
  trade_acknowledgements: TradeAcknowledgementsTable;
}
