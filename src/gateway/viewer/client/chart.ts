/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/chart
 * The value over time of a watched inventory as an inline SVG line chart (no library): one
 * point per stored snapshot, oldest on the left, the first and last dates and the lowest and
 * highest values on the axes, each point's value in its tooltip. A table of the same points
 * follows for anyone who cannot see the chart.
 */
import { el, svg } from './dom.js';
import { date } from './format.js';

export interface ChartPoint {
  takenAt: string;
  amount: number;
  text: string;
  /** Priced when taken, or at today's prices. */
  atSnapshotTime: boolean;
}

const WIDTH = 480;
const HEIGHT = 200;
const PAD = { left: 92, right: 12, top: 14, bottom: 34 };

export function valueChart(points: ChartPoint[], money: (amount: number) => string): HTMLElement {
  const sorted = [...points].sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt));
  const times = sorted.map((p) => Date.parse(p.takenAt));
  const amounts = sorted.map((p) => p.amount);
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const [lo, hi] = [Math.min(...amounts), Math.max(...amounts)];
  const x = (t: number) =>
    PAD.left + (t1 === t0 ? 0.5 : (t - t0) / (t1 - t0)) * (WIDTH - PAD.left - PAD.right);
  const y = (a: number) =>
    HEIGHT - PAD.bottom - (hi === lo ? 0.5 : (a - lo) / (hi - lo)) * (HEIGHT - PAD.top - PAD.bottom);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const summary = `Value over time: ${first.text} on ${date(first.takenAt)}, ${last.text} on ${date(last.takenAt)}, ${sorted.length} snapshots.`;
  const path = sorted.map((p, i) => `${i ? 'L' : 'M'}${x(times[i]!).toFixed(1)},${y(p.amount).toFixed(1)}`);
  const area = `${path.join(' ')} L${x(t1).toFixed(1)},${HEIGHT - PAD.bottom} L${x(t0).toFixed(1)},${HEIGHT - PAD.bottom} Z`;
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': summary, class: 'chart' },
    svg('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(lo), y2: y(lo), class: 'grid-line' }),
    svg('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(hi), y2: y(hi), class: 'grid-line' }),
    svg('text', { x: PAD.left - 8, y: y(hi) + 4, class: 'axis', 'text-anchor': 'end' }, money(hi)),
    svg('text', { x: PAD.left - 8, y: y(lo) + 4, class: 'axis', 'text-anchor': 'end' }, money(lo)),
    svg('text', { x: x(t0), y: HEIGHT - 10, class: 'axis', 'text-anchor': 'start' }, date(first.takenAt)),
    svg('text', { x: x(t1), y: HEIGHT - 10, class: 'axis', 'text-anchor': 'end' }, date(last.takenAt)),
    svg('path', { d: area, class: 'area' }),
    svg('path', { d: path.join(' '), class: 'line' }),
    ...sorted.map((p, i) =>
      svg(
        'circle',
        { cx: x(times[i]!), cy: y(p.amount), r: 4, class: p.atSnapshotTime ? 'point' : 'point today' },
        svg('title', {}, `${date(p.takenAt)}: ${p.text}${p.atSnapshotTime ? '' : ' (at today’s prices)'}`),
      ),
    ),
  );
  const rows = [...sorted]
    .reverse()
    .map((p) =>
      el(
        'tr',
        {},
        el('td', {}, date(p.takenAt)),
        el('td', { class: 'num' }, p.text + (p.atSnapshotTime ? '' : ' *')),
      ),
    );
  const table = el(
    'details',
    { class: 'chart-table' },
    el('summary', {}, 'Snapshots as a table'),
    el(
      'table',
      {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Date'), el('th', { scope: 'col' }, 'Value'))),
      el('tbody', {}, ...rows),
    ),
    sorted.some((p) => !p.atSnapshotTime) ? el('p', { class: 'muted' }, '* valued at today’s prices') : null,
  );
  return el('figure', { class: 'chart-figure' }, chart, table);
}
