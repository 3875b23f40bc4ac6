/**
 * @module store/guard-schema
 * Table types of Steam Guard's state (steam/guard/time-ledger.ts): the confirmation times
 * each account has used, so that no two processes sharing the store send the same one.
 */
import type { Millis } from './schema.js';

export interface SteamConfirmationTimesTable {
  /** The account's SteamID64. */
  steamid: string;
  /** The confirmation key's time (Steam's clock, Unix seconds). */
  time: Millis;
  /** The tag the key was made for (`list`, `accept`, `reject`…), for people reading the table. */
  tag: string;
  /** When it was claimed (epoch ms, this machine's clock). */
  used_at: Millis;
}
