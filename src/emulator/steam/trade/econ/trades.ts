/**
 * @module emulator/steam/trade/econ/trades
 * IEconService/GetTradeStatus v1 (one trade: `{"response":{"trades":[…]}}`, as
 * node-steam-tradeoffer-manager's getExchangeDetails reads it) and GetTradeHistory v1 (the
 * caller's trades, newest first, paged by `start_after_time` + `start_after_tradeid` and
 * `navigating_back`, `more` while more remain, `total_trades` with `include_total`; failed
 * trades only with `include_failed`). Parameters and their descriptions are Steam's.
 */
import type { WebApiMethod, WebApiParameter } from '../../webapi/registry.js';
import type { TradeContext } from '../context.js';
import { compareIds, type TradeRecord } from '../trades.js';
import { econCaller } from './caller.js';
import { DescriptionSet } from './offer-json.js';
import { tradeJson } from './trade-json.js';

const param = (name: string, type: string, description = ''): WebApiParameter => ({
  name,
  type,
  optional: false,
  description,
});

/** ETradeStatus 4 (Failed): left out of the history unless asked for. */
const FAILED = 4;
/** The most trades one history page returns (not documented; the emulator's cap). */
const MAX_TRADES = 500;

export function getTradeStatus(ctx: TradeContext): WebApiMethod {
  return {
    interface: 'IEconService',
    method: 'GetTradeStatus',
    version: 1,
    httpMethod: 'GET',
    needsKey: true,
    description: 'Gets status for a specific trade',
    parameters: [
      param('tradeid', 'uint64'),
      param(
        'get_descriptions',
        'bool',
        'If set, the item display data for the items included in the returned trades will also be returned',
      ),
      param('language', 'string', 'The language to use when loading item display data'),
    ],
    handle(call) {
      const viewer = econCaller(ctx, call).steamid;
      const record = ctx.trades.get(call.params.uint64('tradeid') ?? '');
      if (!record || !viewer || !record.parties.includes(viewer)) return { root: 'response', value: {} };
      const descriptions = call.params.bool('get_descriptions') ? new DescriptionSet() : undefined;
      const trade = tradeJson(record, viewer, descriptions);
      return { root: 'response', value: { trades: [trade], descriptions: descriptions?.value() } };
    },
  };
}

export function getTradeHistory(ctx: TradeContext): WebApiMethod {
  return {
    interface: 'IEconService',
    method: 'GetTradeHistory',
    version: 1,
    httpMethod: 'GET',
    needsKey: true,
    description: 'Gets a history of trades',
    parameters: [
      param('max_trades', 'uint32', 'The number of trades to return information for'),
      param(
        'start_after_time',
        'uint32',
        'The time of the last trade shown on the previous page of results, or the time of the first trade if navigating back',
      ),
      param(
        'start_after_tradeid',
        'uint64',
        'The tradeid shown on the previous page of results, or the ID of the first trade if navigating back',
      ),
      param(
        'navigating_back',
        'bool',
        'The user wants the previous page of results, so return the previous max_trades trades before the start time and ID',
      ),
      param(
        'get_descriptions',
        'bool',
        'If set, the item display data for the items included in the returned trades will also be returned',
      ),
      param('language', 'string', 'The language to use when loading item display data'),
      param('include_failed', 'bool'),
      param(
        'include_total',
        'bool',
        'If set, the total number of trades the account has participated in will be included in the response',
      ),
    ],
    handle(call) {
      const viewer = econCaller(ctx, call).steamid;
      const { params } = call;
      const includeFailed = params.bool('include_failed');
      const all = (viewer ? ctx.trades.forAccount(viewer) : []).filter(
        (record) => includeFailed || record.status !== FAILED,
      );
      const max = Math.min(params.uint('max_trades', 0), MAX_TRADES);
      const { page, more } = pageOf(all, {
        max,
        time: params.uint('start_after_time', 0),
        tradeid: params.uint64('start_after_tradeid'),
        back: params.bool('navigating_back'),
      });
      const descriptions = params.bool('get_descriptions') ? new DescriptionSet() : undefined;
      const trades = page.map((record) => tradeJson(record, viewer as string, descriptions));
      return {
        root: 'response',
        value: {
          total_trades: params.bool('include_total') ? all.length : undefined,
          trades: trades.length > 0 ? trades : undefined,
          descriptions: descriptions?.value(),
          more,
        },
      };
    },
  };
}

interface PageRequest {
  max: number;
  time: number;
  tradeid: string | undefined;
  back: boolean;
}

/** `all` is newest first; the page starts after (or, going back, ends before) the given trade. */
function pageOf(all: TradeRecord[], request: PageRequest): { page: TradeRecord[]; more: boolean } {
  const { max, time, tradeid, back } = request;
  const older = (record: TradeRecord) =>
    record.timeInit < time ||
    (record.timeInit === time && tradeid !== undefined && compareIds(record.tradeid, tradeid) < 0);
  if (!back) {
    const from = time > 0 ? all.findIndex(older) : 0;
    const start = from < 0 ? all.length : from;
    const page = all.slice(start, start + max);
    return { page, more: start + page.length < all.length };
  }
  // Going back: the `max` trades just newer than the start point, still newest first.
  let end = time > 0 ? all.findIndex(older) : all.length;
  if (end < 0) end = all.length;
  const newer = all
    .slice(0, end)
    .filter((record) => !(record.timeInit === time && record.tradeid === tradeid));
  const page = newer.slice(Math.max(0, newer.length - max));
  return { page, more: newer.length > page.length };
}
