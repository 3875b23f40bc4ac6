/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/trade-picker
 * One side of an offer being composed: a tradable inventory (the account's own through its
 * session, or the partner's public one), searched locally, items picked with toggle buttons,
 * and the running value of what is picked from the unit prices (`prices=1`). The chosen
 * items stay on top; at most SHOWN others are drawn (search narrows the rest).
 */
import { apiCall, ViewerError, type Wording } from './api.js';
import { el, icon, say } from './dom.js';
import { count, money, plural } from './format.js';
import { sideValue, type PickItem } from './trade-value.js';

interface InventoryAnswer {
  items: PickItem[];
  total_inventory_count: number;
}

const SHOWN = 60;

export interface PickerOptions {
  id: string;
  title: string;
  searchLabel: string;
  /** "You give" / "You receive": the summary line's start. */
  verb: string;
  changed(): void;
}

export interface Picker {
  element: HTMLElement;
  load(path: string, words: Wording, signal: AbortSignal): Promise<boolean>;
  chosen(): PickItem[];
  unchoose(): void;
  clear(): void;
}

export function picker(options: PickerOptions): Picker {
  const headingId = `${options.id}-title`;
  const summary = el('p', { class: 'side-value', 'aria-live': 'polite', id: `${options.id}-value` });
  const search = el('input', {
    id: `${options.id}-q`,
    type: 'search',
    maxlength: '100',
    spellcheck: 'false',
  });
  const error = el('p', { class: 'error', role: 'alert', hidden: '' });
  const note = el('p', { class: 'muted' });
  const list = el('ul', { class: 'pick-list', 'aria-labelledby': headingId });
  const element = el(
    'section',
    { class: 'side panel', 'aria-labelledby': headingId, id: options.id },
    el('h3', { id: headingId }, options.title),
    summary,
    el('div', { class: 'field' }, el('label', { for: search.id }, options.searchLabel), search),
    error,
    list,
    note,
  );
  let items: PickItem[] = [];
  const chosen = new Map<string, PickItem>();

  search.addEventListener('input', () => draw());

  function toggle(item: PickItem, button: HTMLButtonElement): void {
    if (chosen.has(item.assetid)) chosen.delete(item.assetid);
    else chosen.set(item.assetid, item);
    button.setAttribute('aria-pressed', String(chosen.has(item.assetid)));
    summarize();
    options.changed();
  }

  function summarize(): void {
    const picked = [...chosen.values()];
    const value = sideValue(picked);
    summary.textContent =
      `${options.verb}: ${plural(picked.length, 'item')}` +
      (picked.length ? `, worth ${money(value.amount, value.currency)}` : '') +
      (value.unpriced ? ` (${count(value.unpriced)} without a price)` : '');
  }

  function draw(): void {
    const q = search.value.trim().toLowerCase();
    const matches = items.filter(
      (i) =>
        !chosen.has(i.assetid) && (!q || `${i.name} ${i.exterior ?? ''} ${i.type}`.toLowerCase().includes(q)),
    );
    const shown = [...chosen.values(), ...matches.slice(0, SHOWN)];
    list.replaceChildren(
      ...shown.map((item) => {
        const button = el(
          'button',
          {
            type: 'button',
            class: 'pick',
            'aria-pressed': String(chosen.has(item.assetid)),
            'data-asset': `${item.appid}/${item.contextid}/${item.assetid}`,
          },
          icon(item.iconUrl, '64fx48f', 64, 48),
          el(
            'span',
            { class: 'pick-name' },
            item.name,
            item.exterior ? el('small', {}, ` ${item.exterior}`) : null,
          ),
          el('span', { class: 'pick-price' }, item.price ? item.price.unit.text : 'No price'),
        );
        button.addEventListener('click', () => toggle(item, button));
        return el('li', {}, button);
      }),
    );
    note.textContent =
      matches.length > SHOWN
        ? `${count(SHOWN)} of ${plural(matches.length, 'matching item')} shown: search to narrow.`
        : items.length === 0
          ? ''
          : `${plural(matches.length + chosen.size, 'item')}.`;
  }

  return {
    element,
    async load(path, words, signal) {
      items = [];
      chosen.clear();
      say(error, '');
      note.textContent = 'Loading…';
      list.replaceChildren();
      summarize();
      try {
        const { body } = await apiCall<InventoryAnswer>(path, 'steam', { signal, words });
        if (signal.aborted) return false;
        items = body.items.filter((i) => i.tradable);
        draw();
        return true;
      } catch (caught) {
        if (signal.aborted) return false;
        note.textContent = '';
        say(error, caught instanceof ViewerError ? caught.message : 'The inventory could not be read.');
        return false;
      }
    },
    chosen: () => [...chosen.values()],
    unchoose() {
      chosen.clear();
      summarize();
      draw();
    },
    clear() {
      items = [];
      chosen.clear();
      search.value = '';
      say(error, '');
      note.textContent = '';
      summary.textContent = '';
      list.replaceChildren();
    },
  };
}
