/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/steam-tab
 * The Steam tab: look anyone up by any form the gateway takes, load the whole inventory page
 * by page (5,000 items a request; the grid shows the first page at once), then search,
 * filter and sort it locally; the value panel adds prices and the chart; an item opens in
 * the dialog. Everything the user chooses is written to the URL.
 */
import { apiGet, ViewerError } from './api.js';
import { closeDialog, openDialog } from './dialog.js';
import { byId, el, say } from './dom.js';
import { count, minorDigits, money, plural } from './format.js';
import { VirtualGrid } from './grid.js';
import { applyView, joinPrices, prepare, worth, type Entry, type Item } from './items.js';
import { priceBound, type SteamView } from './state.js';
import { fillSteamCell } from './steam-card.js';
import { steamFilters } from './steam-filters.js';
import { PRICE_ID, priceText, steamItemDetails } from './steam-item.js';
import { valuePanel } from './values.js';

/** The games offered, in this order (an object's numeric keys would sort themselves). */
const APP_LIST: [id: string, name: string, context: string][] = [
  ['730', 'Counter-Strike 2', '2'],
  ['440', 'Team Fortress 2', '2'],
  ['570', 'Dota 2', '2'],
  ['252490', 'Rust', '2'],
  ['753', 'Steam', '6'],
];
export const APPS = new Map(APP_LIST.map(([id, name, context]) => [id, { name, context }]));
const PAGE = 5000;

interface Page {
  steamid: string;
  total_inventory_count: number;
  items: Item[];
  next_cursor: string | null;
}

export interface SteamHost {
  view(): SteamView;
  /** Merge a change into the state and write the URL (push for a new lookup). */
  change(patch: Partial<SteamView>, push?: boolean): void;
  virtualize: boolean;
}

export function steamTab(host: SteamHost) {
  const form = byId<HTMLFormElement>('steam-lookup');
  const who = byId<HTMLInputElement>('who');
  const app = byId<HTMLSelectElement>('app');
  const context = byId<HTMLInputElement>('ctx');
  const error = byId('steam-error');
  const results = byId('steam-results');
  const heading = byId('steam-heading');
  const status = byId('steam-status');
  const shownLine = byId('steam-count');
  const values = valuePanel();
  byId('values-slot').append(values.element);

  let entries: Entry[] = [];
  let shown: Entry[] = [];
  let currency = 'USD';
  let controller: AbortController | undefined;
  let loaded: { who: string; app: string; context: string; steamid: string } | undefined;
  let complete = false;

  const grid = new VirtualGrid({
    element: byId('steam-grid'),
    minCellWidth: 156,
    rowHeight: 236,
    virtualize: host.virtualize,
    renderCell: (index, cell) => fillSteamCell(shown[index]!, cell),
    onOpen: (index) => openItem(shown[index]!, index),
  });

  for (const [id, name] of APP_LIST) app.append(el('option', { value: id }, `${name} (${id})`));
  app.value = host.view().app;
  app.addEventListener('change', () => {
    const defaults = APP_LIST.map(([, , c]) => c);
    if (!context.value || defaults.includes(context.value))
      context.value = APPS.get(app.value)?.context ?? '2';
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    host.change({ who: who.value.trim(), app: app.value, context: context.value.trim(), item: '' }, true);
    void lookup();
  });

  const filters = steamFilters(host, () => refresh());

  /** Applies search, filters and sort to the loaded items and redraws the grid. */
  function refresh(): void {
    const view = host.view();
    const digits = minorDigits(currency);
    shown = applyView(entries, {
      ...view,
      min: priceBound(view.min, digits),
      max: priceBound(view.max, digits),
    });
    grid.setCount(shown.length);
    const total = entries.reduce((n, e) => n + e.item.amount, 0);
    const value = worth(shown);
    const priced = entries.some((e) => e.price !== undefined);
    shownLine.textContent =
      `Showing ${plural(shown.length, 'item')} of ${count(entries.length)}` +
      (complete ? '' : ' loaded so far') +
      (total !== entries.length ? ` (${count(total)} counting stacks)` : '') +
      (priced
        ? `, worth ${money(value.amount, currency)}${value.unpriced ? ` (${count(value.unpriced)} without a price)` : ''}`
        : '');
  }

  function openItem(entry: Entry, index?: number): void {
    if (!loaded) return;
    host.change({ item: entry.item.assetid });
    const details = steamItemDetails(entry, {
      steamid: loaded.steamid,
      app: loaded.app,
      context: loaded.context,
    });
    openDialog(entry.item.name, details, () => {
      host.change({ item: '' });
      if (index !== undefined) grid.focusCell(index);
    });
  }

  async function lookup(): Promise<void> {
    const view = host.view();
    controller?.abort();
    const own = (controller = new AbortController());
    closeDialog();
    entries = [];
    shown = [];
    complete = false;
    loaded = undefined;
    values.clear();
    say(error, '');
    grid.setCount(0);
    results.hidden = true;
    if (!view.who) return;
    who.value = view.who;
    if (![...app.options].some((o) => o.value === view.app))
      app.append(el('option', { value: view.app }, `App ${view.app}`));
    app.value = view.app;
    context.value = view.context;
    status.textContent = `Looking up ${view.who}…`;
    const base = `/v1/steam/inventory/${encodeURIComponent(view.who)}/${view.app}/${view.context}`;
    const page = (cursor: string | null) =>
      apiGet<Page>(
        `${base}?limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        'steam',
        own.signal,
      );
    try {
      let next: Promise<{ body: Page }> | undefined = page(null);
      let drawnAt = 0;
      while (next) {
        const { body }: { body: Page } = await next;
        if (own.signal.aborted) return;
        // Ask for the next page before working on this one: the gateway serves it meanwhile.
        next = body.next_cursor ? page(body.next_cursor) : undefined;
        next?.catch(() => undefined);
        const first = entries.length === 0;
        entries.push(...prepare(body.items, entries.length));
        complete = next === undefined;
        if (first) {
          loaded = { who: view.who, app: view.app, context: view.context, steamid: body.steamid };
          heading.textContent = `${APPS.get(view.app)?.name ?? `App ${view.app}`} inventory of ${view.who}`;
          results.hidden = false;
          // Marks for the benchmark (bench/viewer.ts), taken at the next frame: once drawn.
          grid.onFirstCell = () => requestAnimationFrame(() => performance.mark('viewer:first-card'));
          values.load(
            `/v1/steam/inventory/${body.steamid}/${view.app}/${view.context}`,
            own.signal,
            (map, c) => {
              currency = c;
              joinPrices(entries, map);
              refresh();
              const open = entries.find((e) => e.item.assetid === host.view().item);
              const line = document.getElementById(PRICE_ID);
              if (open && line) line.textContent = priceText(open);
            },
          );
          void personaName(body.steamid, view.who, own.signal);
        }
        // While pages arrive, the view is redone at most once a second (each redo sorts all).
        if (first || complete || performance.now() - drawnAt > 1000) {
          filters.fillFacets(entries);
          filters.show();
          refresh();
          drawnAt = performance.now();
        }
        status.textContent = complete
          ? `${plural(entries.length, 'item')} (SteamID ${body.steamid}).`
          : `Loading… ${count(entries.length)} of ${count(body.total_inventory_count)} items.`;
      }
      requestAnimationFrame(() => performance.mark('viewer:loaded'));
      const wanted = host.view().item;
      const entry = wanted ? entries.find((e) => e.item.assetid === wanted) : undefined;
      if (entry) openItem(entry, shown.indexOf(entry));
      else if (wanted) host.change({ item: '' });
    } catch (caught) {
      if (own.signal.aborted) return;
      status.textContent = '';
      say(error, caught instanceof ViewerError ? caught.message : 'Something went wrong while loading.');
      if (entries.length > 0) refresh();
    }
  }

  async function personaName(steamid: string, asked: string, signal: AbortSignal): Promise<void> {
    try {
      const { body } = await apiGet<{ players: { personaname: string }[] }>(
        `/v1/steam/players/${steamid}`,
        'steam',
        signal,
      );
      const name = body.players[0]?.personaname;
      if (name && !signal.aborted)
        heading.textContent = heading.textContent!.replace(asked, `${name} (${asked})`);
    } catch {
      // The profile name is a nicety: a gateway without a Web API key simply has none.
    }
  }

  return {
    /** Brings the tab in line with the state (first load, Back/Forward). */
    sync(): void {
      const view = host.view();
      filters.show();
      const same =
        loaded && loaded.who === view.who && loaded.app === view.app && loaded.context === view.context;
      if (!same) {
        void lookup();
        return;
      }
      refresh();
    },
    focusLookup: () => who.focus(),
  };
}
