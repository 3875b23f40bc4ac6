/**
 * @module cli/demo/history
 * A value-over-time history for the demo: snapshots of the collector's CS2 inventory as it
 * was over the last weeks (part of today's items, growing, with one sale), each valued when
 * "taken", stored through the same `recordSnapshot` the CLI's `--snapshot` uses.
 */
import type { InventoryItem } from '../../steam/community/inventory/types.js';
import { requireCurrency } from '../../steam/market/currencies.js';
import type { PriceService } from '../../steam/market/price-service.js';
import { valueInventory } from '../../steam/market/valuation.js';
import { recordSnapshot } from '../../steam/snapshots/record.js';
import type { SnapshotStore } from '../../store/snapshots.js';

const DAY = 86_400_000;
/** Days ago, and the share of today's items held then (per mille). */
const POINTS: [number, number][] = [
  [49, 550],
  [42, 610],
  [35, 700],
  [28, 660],
  [21, 780],
  [14, 850],
  [7, 930],
  [0, 1000],
];

export async function recordDemoHistory(
  snapshots: SnapshotStore,
  prices: PriceService,
  owner: { steamid: string; appid: number; contextid: string },
  items: InventoryItem[],
  now = Date.now(),
): Promise<number> {
  const currency = requireCurrency('USD');
  for (const [daysAgo, share] of POINTS) {
    // Older assets have smaller ids: an earlier inventory holds a spread of today's items.
    const held = items.filter((item) => Number(BigInt(item.assetid) % 1000n) < share);
    const takenAt = now - daysAgo * DAY;
    const valuation = await valueInventory(held, { currency, source: 'steam', prices, appid: owner.appid });
    await recordSnapshot(snapshots, {
      ...owner,
      items: held,
      takenAt,
      valuation: { ...valuation, valuedAt: takenAt },
    });
  }
  return POINTS.length;
}
