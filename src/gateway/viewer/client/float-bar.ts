/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/float-bar
 * A CS2 float on the wear scale: five segments (FN 0–0.07, MW 0.07–0.15, FT 0.15–0.38,
 * WW 0.38–0.45, BS 0.45–1) as wide as their ranges, and a marker at the item's float. One
 * image to assistive technology, named with the float and its range.
 */
import { el } from './dom.js';
import { float as formatFloat } from './format.js';
import { WEAR_RANGES, wearOf } from './items.js';

export function floatBar(value: number): HTMLElement {
  const wear = wearOf(value);
  const track = el('div', { class: 'fb-track' });
  for (const range of WEAR_RANGES) {
    const segment = el(
      'span',
      { class: `fb-seg fb-${range.short.toLowerCase()}`, title: `${range.name}: ${range.min}–${range.max}` },
      range.short,
    );
    segment.style.width = `${(range.max - range.min) * 100}%`;
    if (range === wear) segment.classList.add('fb-current');
    track.append(segment);
  }
  const marker = el('span', { class: 'fb-marker' });
  marker.style.left = `${Math.min(100, Math.max(0, value * 100))}%`;
  track.append(marker);
  const scale = el('div', { class: 'fb-scale', 'aria-hidden': 'true' });
  for (const stop of [0, 0.07, 0.15, 0.38, 0.45, 1]) {
    const tick = el('span', {}, String(stop));
    tick.style.left = `${stop * 100}%`;
    scale.append(tick);
  }
  return el(
    'div',
    {
      class: 'floatbar',
      role: 'img',
      'aria-label': `Float ${formatFloat(value)}: ${wear.name} (${wear.min} to ${wear.max})`,
    },
    track,
    scale,
  );
}
