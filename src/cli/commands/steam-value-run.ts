/**
 * @module cli/commands/steam-value-run
 * `gamestash steam value <who>`: read the inventory, value it through the price store, print
 * the total and each line (quantity × unit price, source, the price's age), most valuable
 * first. `--snapshot` also stores a snapshot with this value, for `steam history`.
 */
import { resolveOptionsFromConfig, resolveSteamId } from '../../steam/ids/resolve.js';
import { createSteamInventoryClient } from '../../steam/community/inventory/from-config.js';
import { requireCurrency, type Currency } from '../../steam/market/currencies.js';
import type { Money } from '../../steam/market/money.js';
import { requireSourceId } from '../../steam/market/price-source.js';
import { formatMoney } from '../../steam/market/price-text.js';
import { valueInventory, type Valuation, type ValuationLine } from '../../steam/market/valuation.js';
import { recordSnapshot } from '../../steam/snapshots/record.js';
import { createProgress } from '../output/progress.js';
import { renderTable, type Column } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import { formatAge, printWarnings, withMarket, type MarketFlags } from './market-context.js';

export interface SteamValueOptions extends MarketFlags {
  app: string;
  context: string;
  currency: string;
  source: string;
  json?: boolean;
  /** Lines shown in the table (all with --json). */
  limit?: number;
  refresh?: boolean;
  snapshot?: boolean;
}

export async function steamValue(who: string, options: SteamValueOptions): Promise<void> {
  const currency = requireCurrency(options.currency);
  const source = requireSourceId(options.source);
  await withMarket(options, async ({ config, http, prices, snapshots, warnings }) => {
    const appid = Number(options.app);
    // An app or currency the source cannot price is bad input: said before any request.
    prices.source(source).check(appid, currency, { names: 0 });
    const { steamid64 } = await resolveSteamId(who, resolveOptionsFromConfig(config, http));
    const progress = createProgress('inventory');
    let valuation: Valuation;
    try {
      const items = await createSteamInventoryClient(config, http).fetchItems({
        steamid: steamid64,
        appid: options.app,
        contextid: options.context,
        all: true,
        onProgress: (done, total) => progress.update(done, total),
      });
      progress.stop();
      const pricing = createProgress('prices');
      valuation = await valueInventory(items, {
        currency,
        source,
        prices,
        appid,
        refresh: options.refresh ? 'force' : 'auto',
        onProgress: (done, total) => pricing.update(done, total),
      }).finally(() => pricing.stop());
      if (options.snapshot) {
        const info = await recordSnapshot(snapshots, {
          steamid: steamid64,
          appid,
          contextid: options.context,
          items,
          valuation,
        });
        process.stderr.write(`snapshot ${info.id} stored (${info.assetCount} assets)\n`);
      }
    } finally {
      progress.stop();
    }
    printWarnings([
      ...warnings,
      ...(valuation.staleReason ? [`stale prices: ${valuation.staleReason}`] : []),
    ]);
    if (options.json) return writeJson({ steamid: steamid64, contextid: options.context, ...valuation });
    writeLine(renderValuation(steamid64, options.context, valuation, currency, options.limit ?? 50));
  });
}

function renderValuation(
  steamid: string,
  contextid: string,
  v: Valuation,
  currency: Currency,
  limit: number,
): string {
  const money = (m: Money | null) => (m ? formatMoney(m, currency) : '—');
  const t = v.totals;
  const head =
    `${steamid} ${v.appid}/${contextid}: ${money(t.total)} (marketable now: ${money(t.marketableTotal)}), ` +
    `${t.quantity} items in ${t.lines} lines, ${t.missingQuantity} without a price` +
    (t.staleLines ? `, ${t.staleLines} stale` : '') +
    ` · ${v.source} prices in ${v.currency}, ${v.requests} price request${v.requests === 1 ? '' : 's'}`;
  if (v.lines.length === 0) return `${head}\nno items`;
  const now = v.valuedAt;
  const columns: Column<ValuationLine>[] = [
    { header: 'name', value: (l) => l.name || l.marketHashName },
    { header: 'qty', value: (l) => l.quantity, align: 'right' },
    { header: 'unit', value: (l) => money(l.unitPrice), align: 'right' },
    { header: 'total', value: (l) => money(l.total), align: 'right' },
    {
      header: 'age',
      value: (l) =>
        l.observedAt === null ? '' : formatAge(now - l.observedAt) + (l.stale ? ' (stale)' : ''),
    },
  ];
  const shown = v.lines.slice(0, limit);
  const more = v.lines.length - shown.length;
  return [
    head,
    renderTable(shown, columns),
    ...(more > 0 ? [`... ${more} more lines (--limit N, or --json for all)`] : []),
  ].join('\n');
}
