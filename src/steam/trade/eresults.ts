/**
 * @module steam/trade/eresults
 * What an EResult means when Steam answers a trade action with it. The rows have the shape
 * of core/eresult's table (name, meaning, transient) but their meanings are the trade ones:
 * 15 on a send is nearly always the partner's token or standing, not "access denied" in
 * general (UPSTREAM.md; node-steam-tradeoffer-manager and ASF read them the same way).
 */

export interface TradeEResultRow {
  name: string;
  /** What it means for a trade offer, for people. */
  meaning: string;
  /** Whether the same action may succeed later. */
  transient: boolean;
}

/** UPSTREAM.md's trade EResults, and the ones client trackers report on sends and accepts. */
export const TRADE_ERESULTS: Readonly<Record<number, TradeEResultRow>> = {
  2: { name: 'Fail', meaning: 'Steam failed to process the trade offer', transient: true },
  8: {
    name: 'InvalidParam',
    meaning:
      'Steam rejected part of the request (the partner, an item, or an offer that is not yours to act on)',
    transient: false,
  },
  10: { name: 'Busy', meaning: 'Steam is busy', transient: true },
  11: {
    name: 'InvalidState',
    meaning: 'the offer is no longer active, or an item is not in a state that can be traded',
    transient: false,
  },
  15: {
    name: 'AccessDenied',
    meaning:
      "the partner's trade URL token is wrong or they cannot trade (trade ban, full or private inventory, or a trade hold)",
    transient: false,
  },
  16: {
    name: 'Timeout',
    meaning: 'Steam timed out; the offer may still have been created',
    transient: true,
  },
  20: {
    name: 'ServiceUnavailable',
    meaning: "Steam or the game's item server is temporarily unavailable",
    transient: true,
  },
  24: {
    name: 'InsufficientPrivilege',
    meaning: 'this account cannot trade yet (Steam Guard, a new device or a recent change)',
    transient: false,
  },
  25: {
    name: 'LimitExceeded',
    meaning: 'too many active offers (to this partner or in total): cancel some before sending more',
    transient: false,
  },
  26: {
    name: 'Revoked',
    meaning: "an item is no longer in its owner's inventory (traded, sold or moved)",
    transient: false,
  },
  28: {
    name: 'AlreadyRedeemed',
    meaning: 'Steam says this was already done',
    transient: false,
  },
  29: {
    name: 'DuplicateRequest',
    meaning: 'Steam saw this request twice; the first one may have gone through',
    transient: true,
  },
};

export function tradeEResult(code: number): TradeEResultRow | undefined {
  return TRADE_ERESULTS[code];
}

/** `EResult 15 AccessDenied` or `EResult 99`. */
export function eresultLabel(code: number): string {
  const row = TRADE_ERESULTS[code];
  return row ? `EResult ${code} ${row.name}` : `EResult ${code}`;
}
