/**
 * @module steam/trade/eresults
 * EResults as a trade answer reads them: the one table's (core/eresult.ts) name, its trade
 * meaning where it has one, and whether trying later may help.
 */
import { eresultInfo } from '../../core/eresult.js';

export interface TradeEResultReading {
  name: string;
  /** What it means for a trade offer, for people. */
  meaning: string;
  transient: boolean;
  known: boolean;
}

export function tradeEResult(code: number): TradeEResultReading {
  const info = eresultInfo(code);
  return {
    name: info.name,
    meaning: info.trade ?? info.meaning,
    transient: info.transient,
    known: info.known,
  };
}

/** `EResult 15 AccessDenied`, or `EResult 99` for a code the table lacks. */
export function eresultLabel(code: number): string {
  const info = eresultInfo(code);
  return info.known ? `EResult ${code} ${info.name}` : `EResult ${code}`;
}
