/**
 * @module steam/trade/read-trades
 * Completed trades: GetTradeHistory as an async iterator over its pages (`start_after_time`
 * + `start_after_tradeid`, `navigating_back`, `more`), and GetTradeStatus for one trade with
 * its status named (12 TradeProtectionRollback included, UPSTREAM.md) and `rollback_trade`.
 */
import { InvalidInputError, MalformedResponseError, NotFoundError } from '../../core/errors.js';
import type { RawDescription } from '../community/inventory/types.js';
import type { TradeContext } from './context.js';
import { ECON_METHODS } from './econ-methods.js';
import type { RawTrade, Trade, WarningHook } from './model.js';
import { indexDescriptions, normalizeTrade } from './normalize.js';

export interface TradeHistoryOptions {
  /** Trades per request (Steam's `max_trades`), 1 to 500; default 100. */
  maxTrades?: number;
  /** Start after this trade time (or, going back, before it). */
  startAfterTime?: Date | undefined;
  startAfterTradeId?: string | undefined;
  /** Walk towards newer trades from the start point. */
  navigatingBack?: boolean;
  /** Include failed trades (default false). */
  includeFailed?: boolean;
  language?: string;
  descriptions?: boolean;
  /** Stop after this many trades. */
  limit?: number | undefined;
  signal?: AbortSignal | undefined;
  onWarning?: WarningHook | undefined;
}

interface RawHistory {
  trades?: RawTrade[];
  descriptions?: RawDescription[];
  more?: boolean;
  total_trades?: number;
}

const ID = /^\d{1,20}$/;

function checkHistoryOptions(options: TradeHistoryOptions) {
  const maxTrades = options.maxTrades ?? 100;
  if (!Number.isInteger(maxTrades) || maxTrades < 1 || maxTrades > 500) {
    throw new InvalidInputError(`maxTrades ${maxTrades} is out of range: use 1 to 500`, 'maxTrades');
  }
  if (options.startAfterTradeId !== undefined && !ID.test(options.startAfterTradeId)) {
    throw new InvalidInputError(
      `startAfterTradeId "${options.startAfterTradeId}" is not a trade id`,
      'startAfterTradeId',
    );
  }
  if (options.startAfterTime !== undefined && Number.isNaN(options.startAfterTime.getTime())) {
    throw new InvalidInputError('startAfterTime is not a valid date', 'startAfterTime');
  }
  if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 0)) {
    throw new InvalidInputError(`limit ${options.limit} is not a whole number of 0 or more`, 'limit');
  }
  return maxTrades;
}

/** Trades newest first (or, navigating back, each page newest first), to the end or `limit`. */
export async function* tradeHistory(
  ctx: TradeContext,
  options: TradeHistoryOptions = {},
): AsyncGenerator<Trade> {
  const maxTrades = checkHistoryOptions(options);
  const limit = options.limit ?? Infinity;
  if (limit <= 0) return;
  const hook = options.onWarning ?? ctx.onWarning;
  const me = ctx.me();
  const back = options.navigatingBack ?? false;
  let time = options.startAfterTime === undefined ? 0 : Math.floor(options.startAfterTime.getTime() / 1000);
  let tradeId = options.startAfterTradeId;
  const seen = new Set<string>();
  let count = 0;
  for (;;) {
    const page = await ctx.readWithRetry(
      () =>
        ctx.econ<RawHistory>(
          ECON_METHODS.getTradeHistory,
          {
            max_trades: Math.min(maxTrades, limit - count),
            start_after_time: time || undefined,
            start_after_tradeid: tradeId,
            navigating_back: back,
            get_descriptions: options.descriptions ?? true,
            language: options.language ?? ctx.language,
            include_failed: options.includeFailed ?? false,
            include_total: false,
          },
          { signal: options.signal },
        ),
      options.signal,
    );
    const trades = page?.trades ?? [];
    const descriptions = indexDescriptions(page?.descriptions);
    let fresh = 0;
    for (const raw of trades) {
      const trade = normalizeTrade(raw, { descriptions, me, onWarning: hook });
      if (seen.has(trade.tradeId)) continue;
      seen.add(trade.tradeId);
      fresh++;
      yield trade;
      if (++count >= limit) return;
    }
    if (!page?.more || trades.length === 0) return;
    if (fresh === 0) {
      throw new MalformedResponseError('Steam repeated a page of the trade history', {
        service: 'steam-webapi',
        retryable: true,
      });
    }
    // Forward: after the oldest trade of the page; back: before its newest.
    const edge = back ? trades[0]! : trades[trades.length - 1]!;
    time = Number(edge.time_init ?? 0);
    tradeId = String(edge.tradeid);
  }
}

/** GetTradeStatus: one trade with its status (12 TradeProtectionRollback typed) and rollback. */
export async function tradeStatus(
  ctx: TradeContext,
  tradeId: string,
  options: { language?: string; descriptions?: boolean; signal?: AbortSignal; onWarning?: WarningHook } = {},
): Promise<Trade> {
  const id = String(tradeId).trim();
  if (!ID.test(id) || /^0+$/.test(id)) {
    throw new InvalidInputError(`trade id "${id}" is not a trade id (a positive number)`, 'tradeId');
  }
  const answer = await ctx.readWithRetry(
    () =>
      ctx.econ<{ trades?: RawTrade[]; descriptions?: RawDescription[] }>(
        ECON_METHODS.getTradeStatus,
        {
          tradeid: id,
          get_descriptions: options.descriptions ?? true,
          language: options.language ?? ctx.language,
        },
        options.signal ? { signal: options.signal } : {},
      ),
    options.signal,
  );
  const raw = answer?.trades?.[0];
  if (!raw) {
    throw new NotFoundError(`no trade ${id} visible to this account`, {
      service: 'steam-webapi',
      code: 'trade_not_found',
    });
  }
  return normalizeTrade(raw, {
    descriptions: indexDescriptions(answer?.descriptions),
    me: ctx.me(),
    onWarning: options.onWarning ?? ctx.onWarning,
  });
}
