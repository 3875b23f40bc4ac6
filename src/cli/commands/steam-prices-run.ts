/**
 * @module cli/commands/steam-prices-run
 * `gamestash steam prices <app>`: every cached price of an app from one source in one
 * currency, refreshed from the source first when they are older than their maximum age (or
 * with `--refresh`), most expensive first.
 */
import { InvalidInputError } from '../../core/errors.js';
import { requireCurrency } from '../../steam/market/currencies.js';
import { requireSourceId } from '../../steam/market/price-source.js';
import { formatMoney } from '../../steam/market/price-text.js';
import type { StoredPrice } from '../../store/prices.js';
import { createProgress } from '../output/progress.js';
import { renderTable } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import { ago, formatAge, printWarnings, withMarket, type MarketFlags } from './market-context.js';

export interface SteamPricesOptions extends MarketFlags {
  source: string;
  currency: string;
  refresh?: boolean;
  name?: string;
  json?: boolean;
  limit?: number;
}

export async function steamPrices(app: string, options: SteamPricesOptions): Promise<void> {
  const currency = requireCurrency(options.currency);
  const sourceId = requireSourceId(options.source);
  if (!/^\d{1,10}$/.test(app.trim()) || Number(app) <= 0) {
    throw new InvalidInputError(`app id must be a positive number (CS2 is 730), got "${app}"`, 'appid');
  }
  const appid = Number(app);
  await withMarket(options, async ({ prices, priceStore, warnings }) => {
    const source = prices.source(sourceId);
    source.check(appid, currency);
    const key = { source: sourceId, appid, currency: currency.code };
    await priceStore.markRequested(key, Date.now());
    const set = await priceStore.set(key);
    const fresh = set?.refreshedAt !== undefined && Date.now() - set.refreshedAt < prices.maxAgeMs;
    let requests = 0;
    if (options.refresh || !fresh) {
      const progress = createProgress('prices');
      try {
        const outcome = await prices.refresh(source, currency, {
          appid,
          onProgress: (done, total) => progress.update(done, total),
        });
        requests = outcome.batch.requests;
      } catch (error) {
        // Old prices still say something: show them, marked, with why they are old.
        if (!set?.refreshedAt) throw error;
        warnings.push(
          `showing prices from ${ago(Date.now() - set.refreshedAt)}: ${(error as Error).message}`,
        );
      } finally {
        progress.stop();
      }
    }
    const refreshed = (await priceStore.set(key))?.refreshedAt;
    const needle = options.name?.toLowerCase();
    const rows = [...(await priceStore.read(key)).values()]
      .filter((p) => !needle || p.marketHashName.toLowerCase().includes(needle))
      .sort(
        (a, b) => (b.amount ?? -1) - (a.amount ?? -1) || a.marketHashName.localeCompare(b.marketHashName),
      );
    printWarnings(warnings);
    if (options.json) {
      return writeJson({
        source: sourceId,
        appid,
        currency: currency.code,
        refreshedAt: refreshed ?? null,
        requests,
        prices: rows.map((p) => ({
          marketHashName: p.marketHashName,
          price: p.amount === undefined ? null : { amount: p.amount, currency: currency.code },
          listings: p.listings ?? null,
          observedAt: p.observedAt,
        })),
      });
    }
    const shown = rows.slice(0, options.limit ?? 50);
    const now = Date.now();
    writeLine(
      [
        `${source.label}, app ${appid}, ${currency.code}: ${rows.filter((p) => p.amount !== undefined).length} prices` +
          (refreshed ? `, refreshed ${ago(now - refreshed)}` : '') +
          ` (${requests} request${requests === 1 ? '' : 's'} now)`,
        renderTable(shown, [
          { header: 'name', value: (p: StoredPrice) => p.marketHashName },
          {
            header: 'price',
            value: (p: StoredPrice) =>
              p.amount === undefined
                ? '—'
                : formatMoney({ amount: p.amount, currency: currency.code }, currency),
            align: 'right',
          },
          { header: 'listings', value: (p: StoredPrice) => p.listings, align: 'right' },
          { header: 'age', value: (p: StoredPrice) => formatAge(now - p.observedAt) },
        ]),
        ...(rows.length > shown.length
          ? [`... ${rows.length - shown.length} more (--limit N, --name TEXT, or --json)`]
          : []),
      ].join('\n'),
    );
  });
}
