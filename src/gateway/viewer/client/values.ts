/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/values
 * The value panel of a Steam inventory: the total and the marketable total from the gateway's
 * `/value` (unit prices by market hash name, joined onto the items for price sorting and
 * filtering), and the value over time from `/history` as a chart. Each part says in words
 * what went wrong in its own place; the items stay usable without prices.
 */
import { apiGet, ViewerError } from './api.js';
import { valueChart, type ChartPoint } from './chart.js';
import { el, say } from './dom.js';
import { age, count, money, plural } from './format.js';
import type { Money, UnitPrice } from './items.js';

interface ValueAnswer {
  currency: string;
  source: string;
  valued_at: string;
  stale: boolean;
  totals: {
    total: Money;
    marketableTotal: Money;
    quantity: number;
    missingQuantity: number;
    lines: number;
    missingLines: number;
  };
  count: number;
  lines: {
    marketHashName: string;
    unitPrice: Money | null;
    observedAt: string | null;
    source: string;
    stale: boolean;
  }[];
}

interface HistoryAnswer {
  snapshots: { takenAt: string; value?: { total: Money; atSnapshotTime: boolean } }[];
}

export interface ValuePanel {
  element: HTMLElement;
  /** Asks for the value and the history; `prices` gets the unit prices when they come. */
  load(
    base: string,
    signal: AbortSignal,
    prices: (map: Map<string, UnitPrice | null>, currency: string) => void,
  ): void;
  clear(): void;
}

/** The value route answers at most this many lines (most valuable first). */
const MAX_LINES = 5000;

export function valuePanel(): ValuePanel {
  const totals = el('div', { class: 'totals', 'aria-live': 'polite' });
  const valueError = el('p', { class: 'error', role: 'alert', hidden: '' });
  const chart = el('div', { class: 'chart-box' });
  const historyError = el('p', { class: 'error', role: 'alert', hidden: '' });
  const element = el(
    'section',
    { class: 'values panel', 'aria-labelledby': 'values-title' },
    el('div', { class: 'values-now' }, el('h2', { id: 'values-title' }, 'Value'), totals, valueError),
    el('div', { class: 'values-history' }, el('h3', {}, 'Value over time'), chart, historyError),
  );

  return {
    element,
    clear() {
      totals.replaceChildren();
      chart.replaceChildren();
      say(valueError, '');
      say(historyError, '');
    },
    load(base, signal, prices) {
      this.clear();
      totals.append(el('p', { class: 'muted' }, 'Pricing the inventory…'));
      void (async () => {
        try {
          const { body } = await apiGet<ValueAnswer>(`${base}/value?limit=${MAX_LINES}`, 'value', signal);
          const map = new Map<string, UnitPrice | null>();
          for (const line of body.lines) {
            map.set(
              line.marketHashName,
              line.unitPrice
                ? {
                    unit: line.unitPrice,
                    observedAt: line.observedAt,
                    source: line.source,
                    stale: line.stale,
                  }
                : null,
            );
          }
          totals.replaceChildren(...totalParts(body));
          prices(map, body.currency);
        } catch (error) {
          if (signal.aborted) return;
          totals.replaceChildren();
          say(valueError, error instanceof ViewerError ? error.message : 'The value could not be read.');
        }
      })();
      void (async () => {
        try {
          const { body } = await apiGet<HistoryAnswer>(`${base}/history?limit=60`, 'history', signal);
          const points: ChartPoint[] = body.snapshots.flatMap((s) =>
            s.value
              ? [
                  {
                    takenAt: s.takenAt,
                    amount: s.value.total.amount,
                    text: s.value.total.text,
                    atSnapshotTime: s.value.atSnapshotTime,
                  },
                ]
              : [],
          );
          const currency = body.snapshots.find((s) => s.value)?.value?.total.currency ?? 'USD';
          if (points.length === 0) {
            chart.replaceChildren(
              el(
                'p',
                { class: 'muted' },
                'No snapshots of this inventory yet: `gamestash steam inventory <who> --snapshot` stores one.',
              ),
            );
          } else chart.replaceChildren(valueChart(points, (amount) => money(amount, currency)));
        } catch (error) {
          if (signal.aborted) return;
          say(historyError, error instanceof ViewerError ? error.message : 'The history could not be read.');
        }
      })();
    },
  };
}

function totalParts(body: ValueAnswer): HTMLElement[] {
  const t = body.totals;
  const source = body.source === 'skinport' ? 'Skinport' : 'the Steam market';
  const parts = [
    el(
      'p',
      { class: 'total' },
      el('span', { class: 'total-label' }, 'Total '),
      el('strong', { id: 'value-total' }, t.total.text),
      el('span', { class: 'muted' }, ` · marketable now ${t.marketableTotal.text}`),
    ),
    el(
      'p',
      { class: 'muted' },
      `${plural(t.quantity - t.missingQuantity, 'item')} priced from ${source} (${age(body.valued_at)})` +
        (t.missingQuantity ? `; ${count(t.missingQuantity)} without a price` : '') +
        (body.stale ? '; some prices are stale' : ''),
    ),
  ];
  if (t.lines > body.count) {
    parts.push(
      el(
        'p',
        { class: 'muted' },
        `Unit prices shown for the ${count(body.count)} most valuable names of ${count(t.lines)}.`,
      ),
    );
  }
  return parts;
}
