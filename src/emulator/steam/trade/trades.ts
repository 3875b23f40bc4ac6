/**
 * @module emulator/steam/trade/trades
 * Completed exchanges (what GetTradeStatus and GetTradeHistory report): which assets went
 * from whom to whom and the ids they got on arrival (`new_assetid`, `new_contextid`). Kept
 * per trade so a later reversal (trade protection, 2025-07) can move each asset back.
 */
import type { RawDescription } from '../../../steam/community/inventory/types.js';

/** Steam's ETradeStatus values the emulator produces (UPSTREAM.md lists them all). */
export const TradeStatus = { Complete: 3, InEscrow: 10, TradeProtectionRollback: 12 } as const;

export interface TradeAsset {
  from: string;
  to: string;
  appid: number;
  contextid: string;
  assetid: string;
  classid: string;
  instanceid: string;
  amount: string;
  newAssetid: string;
  newContextid: string;
  description: RawDescription;
  /** Where the asset went back to when the trade was reversed (its giver's inventory). */
  rollbackAssetid?: string;
  rollbackContextid?: string;
}

export interface TradeRecord {
  tradeid: string;
  offerId: string;
  /** The offer's sender and recipient. */
  parties: [string, string];
  /** Unix seconds. */
  timeInit: number;
  status: number;
  /** Unix seconds, for trades that waited out a hold. */
  escrowEnd?: number;
  assets: TradeAsset[];
  /** The trade that reversed this one (trade protection, 2025-07): GetTradeStatus' `rollback_trade`. */
  rollbackTrade?: string;
}

/** Trade ids are 64-bit (above 2^53: clients must keep them as strings). */
const FIRST_TRADE_ID = 5_600_000_000_000_000_001n;

export class TradeStore {
  private readonly byId = new Map<string, TradeRecord>();
  private readonly byAccount = new Map<string, TradeRecord[]>();
  private nextId = FIRST_TRADE_ID;

  newId(): string {
    return String(this.nextId++);
  }

  add(record: TradeRecord): void {
    this.byId.set(record.tradeid, record);
    for (const steamid of record.parties) {
      let list = this.byAccount.get(steamid);
      if (!list) this.byAccount.set(steamid, (list = []));
      list.push(record);
    }
  }

  get(tradeid: string): TradeRecord | undefined {
    return this.byId.get(tradeid);
  }

  /** An account's trades, newest first (by time, then id). */
  forAccount(steamid: string): TradeRecord[] {
    return [...(this.byAccount.get(steamid) ?? [])].sort(
      (a, b) => b.timeInit - a.timeInit || compareIds(b.tradeid, a.tradeid),
    );
  }

  clear(): void {
    this.byId.clear();
    this.byAccount.clear();
  }
}

export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
