/**
 * @module store/accounts-schema
 * Table types of the trading gateway: Steam accounts registered by the operator (their
 * secrets sealed by store/secret-box.ts), and the scopes and accounts of gateway keys.
 */
import type { Millis } from './schema.js';

export interface SteamAccountsTable {
  /** The operator's name for the account, used in gateway paths (`/v1/steam/accounts/{name}/...`). */
  name: string;
  steamid: string;
  /** Cookies and Steam Guard secrets as sealed JSON (`gs1.…`, AES-256-GCM): never plaintext. */
  secrets: string;
  /** Which GAMESTASH_SECRET_KEY sealed them (an HMAC of the key, not the key). */
  key_id: string;
  /** Which secrets are present, comma-separated (`shared_secret,identity_secret,api_key`): names only. */
  present: string;
  /** When the session's access token expires (epoch ms), when it says. */
  session_expires_at: Millis | null;
  /** 1: the gateway watches this account's offers (one watcher across all instances). */
  watch: number;
  created_at: Millis;
  updated_at: Millis;
}

export interface AccountTables {
  steam_accounts: SteamAccountsTable;
}
