import { describe, expect, it } from 'vitest';
import { catalogFor } from './catalogs.js';
import { generateInventory } from './generate.js';
import { InventoryOverlay } from './inventory-overlay.js';

const STEAMID = '76561198000001401';
const base = generateInventory(catalogFor(730, '2')!, {
  steamid: STEAMID,
  appid: 730,
  contextid: '2',
  size: 50,
  seed: 3,
});

function arrived(assetid: string) {
  const source = base.assets[0]!;
  return { asset: { ...source, assetid }, description: base.descriptionOf[0]! };
}

describe('InventoryOverlay', () => {
  it('serves an untouched inventory as the very same object (its cached pages stay valid)', () => {
    const overlay = new InventoryOverlay();
    overlay.remove('76561198000001402', 730, '2', '1');
    expect(overlay.apply(base)).toBe(base);
  });

  it('takes removed assets out and puts arrived ones first, newest first, in one cached view', () => {
    const overlay = new InventoryOverlay();
    const gone = base.assets[10]!.assetid;
    overlay.remove(STEAMID, 730, '2', gone);
    overlay.add(STEAMID, 730, '2', arrived('40000000001'));
    overlay.add(STEAMID, 730, '2', arrived('40000000002'));
    const view = overlay.apply(base);
    expect(view).not.toBe(base);
    expect(view.size).toBe(51);
    expect(view.assets.slice(0, 2).map((a) => a.assetid)).toEqual(['40000000002', '40000000001']);
    expect(view.assets.map((a) => a.assetid)).not.toContain(gone);
    const numbers = Array.from(view.assetNumbers);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(overlay.apply(base)).toBe(view);
    // An arrived asset that leaves again is simply gone.
    overlay.remove(STEAMID, 730, '2', '40000000002');
    const next = overlay.apply(base);
    expect(next).not.toBe(view);
    expect(next.assets[0]!.assetid).toBe('40000000001');
    expect(overlay.describe(STEAMID)).toEqual([
      {
        appid: 730,
        contextid: '2',
        removed: [gone],
        added: [expect.objectContaining({ assetid: '40000000001' })],
      },
    ]);
  });

  it('never hands out a view cached before clear()', () => {
    const overlay = new InventoryOverlay();
    overlay.remove(STEAMID, 730, '2', base.assets[0]!.assetid);
    const first = overlay.apply(base);
    overlay.clear();
    expect(overlay.apply(base)).toBe(base);
    overlay.remove(STEAMID, 730, '2', base.assets[1]!.assetid);
    const second = overlay.apply(base);
    expect(second).not.toBe(first);
    expect(second.assets[0]!.assetid).toBe(base.assets[0]!.assetid);
  });
});
