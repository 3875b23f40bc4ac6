/**
 * @module steam/market/refresh
 * Keeps asked-for prices warm: every set (source, app, currency) someone asked for recently is
 * refreshed shortly before its prices reach their maximum age, one set at a time, so a
 * valuation finds them fresh and costs no upstream request. A set that failed waits a while
 * before it is tried again. Who calls this, and how often, is the caller's choice (the gateway:
 * a timer, or a BullMQ job when several instances share Redis).
 */
import { GamestashError, InvalidInputError } from '../../core/errors.js';
import type { PriceSetRecord, PriceStore } from '../../store/prices.js';
import { currencyByCode } from './currencies.js';
import type { PriceService } from './price-service.js';
import { PRICE_SOURCE_IDS, type PriceSourceId } from './price-source.js';

export interface RefreshDueOptions {
  /** Sets asked for longer ago than this are left to go cold (default 7 days). */
  keepWarmMs?: number;
  /** Refresh once prices are this share of their maximum age old (default 0.8). */
  ahead?: number;
  now?: number;
  signal?: AbortSignal;
}

export interface RefreshReport {
  refreshed: string[];
  failed: { set: string; reason: string }[];
  skipped: string[];
}

export async function refreshDuePrices(
  prices: PriceService,
  store: PriceStore,
  options: RefreshDueOptions = {},
): Promise<RefreshReport> {
  const now = options.now ?? Date.now();
  const maxAge = prices.maxAgeMs;
  const report: RefreshReport = { refreshed: [], failed: [], skipped: [] };
  const sets = await store.requestedSets(now - (options.keepWarmMs ?? 7 * 86_400_000));
  for (const set of sets) {
    if (options.signal?.aborted) break;
    const name = `${set.source}/${set.appid}/${set.currency}`;
    if (!isDue(set, now, maxAge, options.ahead ?? 0.8)) continue;
    try {
      await refreshSet(prices, store, set, options.signal);
      report.refreshed.push(name);
    } catch (error) {
      if (error instanceof InvalidInputError) report.skipped.push(name);
      else if (error instanceof GamestashError) report.failed.push({ set: name, reason: error.message });
      else throw error;
    }
  }
  return report;
}

function isDue(set: PriceSetRecord, now: number, maxAge: number, ahead: number): boolean {
  // After a failure, wait a quarter of the maximum age (at least a minute) before trying again.
  if (set.failedAt !== undefined && now - set.failedAt < Math.max(60_000, maxAge / 4)) return false;
  return set.refreshedAt === undefined || now - set.refreshedAt >= maxAge * ahead;
}

/** The whole app when the source can price it in one pass; else the names the set holds. */
async function refreshSet(
  prices: PriceService,
  store: PriceStore,
  set: PriceSetRecord,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (!(PRICE_SOURCE_IDS as readonly string[]).includes(set.source)) return;
  const source = prices.source(set.source as PriceSourceId);
  const currency = currencyByCode(set.currency);
  if (!currency) return;
  let names: string[] | undefined;
  try {
    source.check(set.appid, currency);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    // The Steam market prices other currencies name by name: refresh the names already known.
    names = [...(await store.read(set)).keys()];
    source.check(set.appid, currency, { names: names.length });
  }
  await prices.refresh(source, currency, { appid: set.appid, names, signal });
}

/** Runs `refreshDuePrices` on a timer in this process; ticks never overlap. */
export class PriceRefreshTimer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly abort = new AbortController();

  constructor(
    private readonly run: (signal: AbortSignal) => Promise<void>,
    private readonly everyMs: number,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.everyMs);
    this.timer.unref();
  }

  tick(): Promise<void> {
    this.running ??= this.run(this.abort.signal).finally(() => (this.running = undefined));
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.abort.abort();
    await this.running?.catch(() => undefined);
  }
}
