/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/steam-filters
 * The Steam tab's search, filters and sort: each labelled control mirrors one field of the
 * URL state; a change writes the state and asks for a refresh (local, no request). The type,
 * rarity and exterior lists offer the values the loaded inventory has.
 */
import { byId, el } from './dom.js';
import { facets, type Entry } from './items.js';
import type { SteamView } from './state.js';

const FIELDS: [keyof SteamView, string][] = [
  ['q', 'q'],
  ['tradable', 'f-tradable'],
  ['marketable', 'f-marketable'],
  ['type', 'f-type'],
  ['rarity', 'f-rarity'],
  ['exterior', 'f-exterior'],
  ['min', 'f-min'],
  ['max', 'f-max'],
  ['sort', 'f-sort'],
];

const CLEARED: Partial<SteamView> = {
  q: '',
  tradable: '',
  marketable: '',
  type: '',
  rarity: '',
  exterior: '',
  min: '',
  max: '',
};

export interface FilterHost {
  view(): SteamView;
  change(patch: Partial<SteamView>): void;
}

export function steamFilters(host: FilterHost, changed: () => void) {
  const form = byId<HTMLFormElement>('steam-filters');
  const field = <T extends HTMLInputElement | HTMLSelectElement>(id: string) => byId<T>(id);

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('input', () => {
    const patch: Partial<SteamView> = {};
    for (const [key, id] of FIELDS) {
      const input = field(id);
      // A price being typed ("1.") waits until it is a price.
      if (input instanceof HTMLInputElement && !input.validity.valid) continue;
      (patch as Record<string, string>)[key] = input.value;
    }
    host.change(patch);
    changed();
  });
  byId('f-clear').addEventListener('click', () => {
    host.change(CLEARED);
    show();
    changed();
    field('q').focus();
  });

  /** Sets every control from the state (a value the lists lack is added, so a link keeps it). */
  function show(): void {
    const view = host.view();
    for (const [key, id] of FIELDS) {
      const input = field(id);
      const value = String(view[key]);
      if (input instanceof HTMLSelectElement && value && ![...input.options].some((o) => o.value === value)) {
        input.append(el('option', { value }, value));
      }
      input.value = value;
    }
  }

  function fillFacets(entries: readonly Entry[]): void {
    const f = facets(entries);
    const view = host.view();
    for (const [id, list, current] of [
      ['f-type', f.types, view.type],
      ['f-rarity', f.rarities, view.rarity],
      ['f-exterior', f.exteriors, view.exterior],
    ] as const) {
      const select = field<HTMLSelectElement>(id);
      const options = [...new Set([...list, ...(current ? [current] : [])])];
      select.replaceChildren(
        el('option', { value: '' }, 'Any'),
        ...options.map((v) => el('option', { value: v }, v)),
      );
      select.value = current;
    }
  }

  return { show, fillFacets };
}
