/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/steam-card
 * One Steam item in the grid: icon (through the gateway), name, exterior or type, float,
 * price and badges; the cell's accessible name starts with the item's name and says the
 * rest in words.
 */
import { append, el, icon, steamColor } from './dom.js';
import { count, float as formatFloat } from './format.js';
import type { Entry } from './items.js';

export function fillSteamCell(entry: Entry, cell: HTMLElement): void {
  const { item, price } = entry;
  const color = steamColor(item.rarityColor);
  if (color) cell.style.setProperty('--rarity', color);
  const sub = item.exterior ?? item.type;
  const label = [item.name];
  if (item.exterior) label.push(item.exterior);
  if (typeof item.float === 'number') label.push(`float ${formatFloat(item.float)}`);
  if (price) label.push(price.unit.text);
  if (item.amount > 1) label.push(`quantity ${count(item.amount)}`);
  if (!item.tradable) label.push('not tradable');
  cell.setAttribute('aria-label', label.join(', '));
  const badges = el('span', { class: 'c-badges' });
  if (item.amount > 1) badges.append(el('span', { class: 'badge' }, `×${count(item.amount)}`));
  if (!item.tradable) badges.append(el('span', { class: 'badge locked' }, 'Not tradable'));
  append(
    cell,
    el('span', { class: 'c-thumb' }, icon(item.iconUrl, '128fx96f', 128, 96)),
    el('span', { class: 'c-name' }, item.name),
    el('span', { class: 'c-sub' }, sub),
    typeof item.float === 'number' ? el('span', { class: 'c-float' }, formatFloat(item.float)) : null,
    el('span', { class: 'c-price' }, price ? price.unit.text : price === null ? 'No price' : ''),
    badges,
  );
}
