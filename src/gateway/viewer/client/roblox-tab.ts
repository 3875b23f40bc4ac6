/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/roblox-tab
 * The Roblox tab: a user id, every inventory item through the gateway (`all=1`), the same
 * grid and dialog as Steam's, collectibles with their serial number and state.
 */
import { apiGet, ViewerError } from './api.js';
import { closeDialog, openDialog } from './dialog.js';
import { append, byId, el, say } from './dom.js';
import { count, date, plural } from './format.js';
import { VirtualGrid } from './grid.js';
import { filterRoblox, robloxEntries, robloxTypes, type RobloxEntry, type RobloxItem } from './roblox.js';
import type { RobloxView } from './state.js';

export interface RobloxHost {
  view(): RobloxView;
  change(patch: Partial<RobloxView>, push?: boolean): void;
  virtualize: boolean;
}

export function robloxTab(host: RobloxHost) {
  const form = byId<HTMLFormElement>('roblox-lookup');
  const user = byId<HTMLInputElement>('rbx-user');
  const error = byId('roblox-error');
  const results = byId('roblox-results');
  const status = byId('roblox-status');
  const shownLine = byId('roblox-count');
  const q = byId<HTMLInputElement>('rq');
  const type = byId<HTMLSelectElement>('r-type');
  const collectibles = byId<HTMLInputElement>('r-collectibles');
  let entries: RobloxEntry[] = [];
  let shown: RobloxEntry[] = [];
  let loadedUser = '';
  let controller: AbortController | undefined;

  const grid = new VirtualGrid({
    element: byId('roblox-grid'),
    minCellWidth: 156,
    rowHeight: 112,
    virtualize: host.virtualize,
    renderCell: (index, cell) => fillCell(shown[index]!, cell),
    onOpen: (index) => open(shown[index]!, index),
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    host.change({ user: user.value.trim(), item: '' }, true);
    void lookup();
  });
  byId<HTMLFormElement>('roblox-filters').addEventListener('submit', (event) => event.preventDefault());
  byId<HTMLFormElement>('roblox-filters').addEventListener('input', () => {
    host.change({ q: q.value, type: type.value, collectibles: collectibles.checked });
    refresh();
  });

  function refresh(): void {
    shown = filterRoblox(entries, host.view());
    grid.setCount(shown.length);
    const owned = entries.filter((e) => e.collectible).length;
    shownLine.textContent = `Showing ${plural(shown.length, 'item')} of ${count(entries.length)} (${plural(owned, 'collectible')}).`;
  }

  function open(entry: RobloxEntry, index?: number): void {
    host.change({ item: entry.key });
    const facts = el('dl', { class: 'facts' });
    const add = (term: string, value: string | undefined) => {
      if (value !== undefined && value !== '') facts.append(el('dt', {}, term), el('dd', {}, value));
    };
    add('Kind', entry.kind);
    add('Type', entry.type);
    add(`${entry.kind} id`, entry.id);
    add('Collectible', entry.collectible ? 'Yes' : 'No');
    add('Serial number', entry.serial === undefined ? undefined : `#${entry.serial}`);
    add('State', entry.state);
    add('Collectible item id', entry.collectibleItemId);
    add('Instance id', entry.instanceId);
    add('Added', entry.addTime ? date(entry.addTime) : undefined);
    openDialog(entry.name, el('div', { class: 'item-details' }, facts), () => {
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
    loadedUser = view.user;
    say(error, '');
    results.hidden = true;
    grid.setCount(0);
    if (!view.user) return;
    user.value = view.user;
    status.textContent = `Looking up Roblox user ${view.user}…`;
    try {
      const { body } = await apiGet<{ inventoryItems: RobloxItem[]; complete?: boolean }>(
        `/v1/roblox/users/${view.user}/inventory-items?all=1&limit=10000`,
        'roblox',
        own.signal,
      );
      if (own.signal.aborted) return;
      entries = robloxEntries(body.inventoryItems);
      const current = host.view().type;
      type.replaceChildren(
        el('option', { value: '' }, 'Any'),
        ...robloxTypes(entries).map((t) => el('option', { value: t }, t)),
      );
      type.value = current;
      q.value = host.view().q;
      collectibles.checked = host.view().collectibles;
      results.hidden = false;
      status.textContent = `Roblox user ${view.user}: ${plural(entries.length, 'item')}${body.complete === false ? ' (the first 10,000)' : ''}.`;
      refresh();
      const wanted = host.view().item;
      const entry = wanted ? entries.find((e) => e.key === wanted) : undefined;
      if (entry) open(entry, shown.indexOf(entry));
    } catch (caught) {
      if (own.signal.aborted) return;
      status.textContent = '';
      say(error, caught instanceof ViewerError ? caught.message : 'Something went wrong while loading.');
    }
  }

  return {
    sync(): void {
      const view = host.view();
      // A lookup that failed (no key yet, say) is tried again.
      if (view.user !== loadedUser || entries.length === 0) void lookup();
      else if (entries.length) {
        q.value = view.q;
        type.value = view.type;
        collectibles.checked = view.collectibles;
        refresh();
      }
    },
  };
}

function fillCell(entry: RobloxEntry, cell: HTMLElement): void {
  const label = [entry.name];
  if (entry.collectible) label.push('collectible');
  if (entry.serial !== undefined) label.push(`serial #${entry.serial}`);
  if (entry.state) label.push(entry.state);
  cell.setAttribute('aria-label', label.join(', '));
  cell.classList.add('roblox');
  if (entry.collectible) cell.classList.add('collectible');
  append(
    cell,
    el('span', { class: 'c-name' }, entry.name),
    el('span', { class: 'c-sub' }, entry.kind),
    entry.serial !== undefined ? el('span', { class: 'c-serial' }, `Serial #${entry.serial}`) : null,
    entry.state ? el('span', { class: 'badge' }, entry.state) : null,
  );
}
