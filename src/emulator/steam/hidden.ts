/**
 * @module emulator/steam/hidden
 * The view of an inventory that other viewers get when its newest CS2 items are hidden
 * (bought or traded in the last days; UPSTREAM.md, since 2024-04): the same inventory
 * without its first (newest) assets, and a smaller total. Views are cached per inventory.
 */
import type { GeneratedInventory } from './generate.js';

const views = new WeakMap<GeneratedInventory, Map<number, GeneratedInventory>>();

export function hideRecent(inventory: GeneratedInventory, hidden: number): GeneratedInventory {
  const count = Math.min(hidden, inventory.size);
  let byCount = views.get(inventory);
  if (!byCount) views.set(inventory, (byCount = new Map()));
  let view = byCount.get(count);
  if (!view) {
    view = {
      ...inventory,
      size: inventory.size - count,
      assets: inventory.assets.slice(count),
      assetNumbers: inventory.assetNumbers.slice(count),
      descriptionOf: inventory.descriptionOf.slice(count),
      propertiesOf: inventory.propertiesOf.slice(count),
    };
    byCount.set(count, view);
  }
  return view;
}
