/**
 * @module steam/market/valuation
 * What an inventory is worth: items grouped by market hash name, each group priced once,
 * lines of quantity × unit price with the price's source, age and staleness, most valuable
 * first, and totals with and without the items that cannot be sold on the market now.
 * A name without a price is a missing line, never a line worth 0.
 */
import { InvalidInputError } from '../../core/errors.js';
import type { Currency } from './currencies.js';
import { money, multiplyMoney, type Money } from './money.js';
import type { PriceLookup, PriceService, RefreshMode } from './price-service.js';
import type { PriceSourceId } from './price-source.js';

/** What valuation reads of an item (normalized inventory items have all of it). */
export interface ValuedItem {
  appid: number;
  marketHashName: string;
  /** What a person reads: the market name (with the exterior, without an app prefix), else the name. */
  marketName?: string;
  name?: string;
  amount: number;
  marketable: boolean;
}

export interface ValuationLine {
  marketHashName: string;
  name: string;
  quantity: number;
  /** Of `quantity`, how many can be listed on the market now. */
  marketableQuantity: number;
  unitPrice: Money | null;
  total: Money | null;
  observedAt: number | null;
  source: PriceSourceId;
  stale: boolean;
  missing: boolean;
}

export interface ValuationTotals {
  /** Every priced item, marketable now or not (trade holds, protected items: by their name's price). */
  total: Money;
  /** Only items that can be listed now. */
  marketableTotal: Money;
  quantity: number;
  pricedQuantity: number;
  missingQuantity: number;
  lines: number;
  missingLines: number;
  staleLines: number;
}

export interface Valuation {
  appid: number;
  currency: string;
  source: PriceSourceId;
  /** When the valuation was made. */
  valuedAt: number;
  lines: ValuationLine[];
  totals: ValuationTotals;
  /** Upstream price requests it cost (0 with a warm cache). */
  requests: number;
  /** Why some prices are stale or missing, when a refresh failed. */
  staleReason: string | undefined;
  warnings: string[];
}

export interface ValueInventoryOptions {
  currency: Currency;
  source: PriceSourceId;
  prices: PriceService;
  /** The app the items belong to (default: the first item's). */
  appid?: number;
  refresh?: RefreshMode;
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number | undefined) => void) | undefined;
  now?: () => number;
}

interface Group {
  name: string;
  quantity: number;
  marketableQuantity: number;
}

/** Items by market hash name, in one pass (50,000 items: a few milliseconds). */
export function groupByName(
  items: Iterable<ValuedItem>,
  appid?: number,
): { appid: number; groups: Map<string, Group> } {
  const groups = new Map<string, Group>();
  let app = appid;
  for (const item of items) {
    app ??= item.appid;
    if (item.appid !== app) {
      throw new InvalidInputError(
        `items of apps ${app} and ${item.appid} cannot be valued together`,
        'appid',
      );
    }
    const key = item.marketHashName || item.name || '';
    let group = groups.get(key);
    if (!group) {
      group = { name: item.marketName || item.name || key, quantity: 0, marketableQuantity: 0 };
      groups.set(key, group);
    }
    group.quantity += item.amount;
    if (item.marketable) group.marketableQuantity += item.amount;
  }
  return { appid: app ?? 0, groups };
}

export async function valueInventory(
  items: Iterable<ValuedItem>,
  options: ValueInventoryOptions,
): Promise<Valuation> {
  const { appid, groups } = groupByName(items, options.appid);
  const names = [...groups.keys()].filter(Boolean);
  const lookup = await options.prices.lookup({
    source: options.source,
    appid,
    currency: options.currency,
    names,
    refresh: options.refresh,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  return buildValuation(groups, lookup, options.currency, (options.now ?? Date.now)());
}

/** Lines and totals from grouped items and their prices (pure: no I/O). */
export function buildValuation(
  groups: Map<string, Group>,
  lookup: PriceLookup,
  currency: Currency,
  valuedAt: number,
): Valuation {
  const lines: ValuationLine[] = [];
  let total = 0;
  let marketableTotal = 0;
  const totals = { quantity: 0, pricedQuantity: 0, missingQuantity: 0, missingLines: 0, staleLines: 0 };
  for (const [marketHashName, group] of groups) {
    const resolved = lookup.prices.get(marketHashName);
    const unit = resolved?.price;
    const line: ValuationLine = {
      marketHashName,
      name: group.name,
      quantity: group.quantity,
      marketableQuantity: group.marketableQuantity,
      unitPrice: unit ?? null,
      total: unit ? multiplyMoney(unit, group.quantity) : null,
      observedAt: resolved?.observedAt ?? null,
      source: lookup.source,
      stale: resolved?.stale ?? false,
      missing: unit === undefined,
    };
    totals.quantity += group.quantity;
    if (unit) {
      total += unit.amount * group.quantity;
      marketableTotal += unit.amount * group.marketableQuantity;
      totals.pricedQuantity += group.quantity;
    } else {
      totals.missingQuantity += group.quantity;
      totals.missingLines++;
    }
    if (line.stale) totals.staleLines++;
    lines.push(line);
  }
  lines.sort(byValue);
  return {
    appid: lookup.appid,
    currency: currency.code,
    source: lookup.source,
    valuedAt,
    lines,
    totals: {
      total: money(total, currency.code),
      marketableTotal: money(marketableTotal, currency.code),
      lines: lines.length,
      ...totals,
    },
    requests: lookup.requests,
    staleReason: lookup.staleReason,
    warnings: lookup.warnings,
  };
}

/** Most valuable first; missing prices last, most plentiful first; then by name. */
function byValue(a: ValuationLine, b: ValuationLine): number {
  if (a.total && b.total)
    return b.total.amount - a.total.amount || a.marketHashName.localeCompare(b.marketHashName);
  if (a.total) return -1;
  if (b.total) return 1;
  return b.quantity - a.quantity || a.marketHashName.localeCompare(b.marketHashName);
}
