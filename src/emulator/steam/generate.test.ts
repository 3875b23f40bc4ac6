import { decodeHex } from '@csfloat/cs2-inspect-serializer';
import { describe, expect, it } from 'vitest';
import type { RawAssetProperties, RawDescription } from '../../steam/community/inventory/types.js';
import { catalogFor } from './catalogs.js';
import { generateInventory, type InventorySpec } from './generate.js';
import { pageJson, renderPage } from './page.js';

const STEAMID = '76561198000000001';

function generate(appid: number, contextid: string, size: number, seed = 42) {
  const spec: InventorySpec = { steamid: STEAMID, appid, contextid, size, seed };
  return generateInventory(catalogFor(appid, contextid)!, spec);
}

function allProperties(appid: number, size: number): RawAssetProperties[] {
  const inventory = generate(appid, '2', size);
  return renderPage(inventory, undefined, size).asset_properties ?? [];
}

describe('generateInventory', () => {
  it('is deterministic: same spec, same bytes', () => {
    const a = pageJson(renderPage(generate(730, '2', 300), undefined, 300));
    const b = pageJson(renderPage(generate(730, '2', 300), undefined, 300));
    expect(a).toBe(b);
    expect(pageJson(renderPage(generate(730, '2', 300, 43), undefined, 300))).not.toBe(a);
  });

  it('hands out unique asset ids, newest (largest) first', () => {
    const { assets } = generate(730, '2', 5000);
    const outOfOrder = assets.filter(
      (asset, i) => i > 0 && BigInt(asset.assetid) >= BigInt(assets[i - 1]!.assetid),
    );
    expect(outOfOrder).toEqual([]);
  });

  it('gives every asset a description with its classid+instanceid, shared by several assets', () => {
    const inventory = generate(730, '2', 20_000);
    const page = renderPage(inventory, undefined, 20_000);
    const keys = new Set(page.descriptions!.map((d) => `${d.classid}_${d.instanceid}`));
    expect(keys.size).toBe(page.descriptions!.length);
    expect(page.assets!.filter((asset) => !keys.has(`${asset.classid}_${asset.instanceid}`))).toEqual([]);
    const perDescription = page.assets!.length / keys.size;
    expect(perDescription).toBeGreaterThan(4);
    expect(perDescription).toBeLessThan(15);
    expect(page.assets!.some((asset) => asset.instanceid === '0')).toBe(true);
  });

  it('writes CS2 certificates that decode to the asset, float and pattern', () => {
    const properties = allProperties(730, 400);
    expect(properties.length).toBeGreaterThan(100);
    for (const entry of properties) {
      const byId = new Map(entry.asset_properties.map((p) => [Number(p.propertyid), p]));
      const decoded = decodeHex(byId.get(6)!.string_value!);
      expect(String(decoded.itemid)).toBe(entry.assetid);
      expect(decoded.paintseed).toBe(Number(byId.get(1)!.int_value));
      expect(decoded.paintwear).toBe(Number(byId.get(2)!.float_value));
      expect(byId.get(6)!.name).toBe('Item Certificate');
    }
  });

  it('mixes number and string property values and keeps an unknown property id', () => {
    const values = allProperties(730, 2000).flatMap((entry) => entry.asset_properties);
    expect(values.some((p) => typeof p.int_value === 'string')).toBe(true);
    expect(values.some((p) => typeof p.int_value === 'number')).toBe(true);
    expect(values.some((p) => p.propertyid === 7 && typeof p.string_value === 'string')).toBe(true);
  });

  it('uses both inspect templates, market links with %listingid%, and mixed tradability', () => {
    const page = renderPage(generate(730, '2', 3000), undefined, 3000);
    const links = page.descriptions!.flatMap((d) => (d.actions ?? []).map((a) => a.link));
    expect(links).toContain('steam://run/730//+csgo_econ_action_preview%20%propid:6%');
    expect(links.some((l) => l.includes('S%owner_steamid%A%assetid%D'))).toBe(true);
    const market = page.descriptions!.flatMap((d) => (d.market_actions ?? []).map((a) => a.link));
    expect(market.every((l) => l.includes('%listingid%'))).toBe(true);
    const tradable = new Set(page.descriptions!.map((d) => d.tradable));
    expect(tradable).toEqual(new Set([0, 1]));
    const weapon = page.descriptions!.find((d) =>
      d.tags?.some((t) => t.category === 'Exterior'),
    ) as RawDescription;
    expect(weapon.tags!.map((t) => t.category)).toEqual(
      expect.arrayContaining(['Type', 'Weapon', 'Quality', 'Rarity', 'Exterior']),
    );
    expect(weapon.tags!.find((t) => t.category === 'Rarity')!.color).toMatch(/^[0-9a-f]{6}$/);
  });

  it('reports Steam gems in a separate currency array on the first page only (app 753)', () => {
    const inventory = generate(753, '6', 3000);
    const first = renderPage(inventory, undefined, 2000);
    expect(first.currency).toHaveLength(1);
    expect(renderPage(inventory, first.last_assetid, 2000).currency).toBeUndefined();
    expect(
      first.descriptions!.some((d) => d.tags?.some((t) => t.localized_tag_name === 'Trading Card')),
    ).toBe(true);
  });

  it('generates 50,000 CS2 items quickly', () => {
    const started = performance.now();
    const inventory = generate(730, '2', 50_000, 7);
    const elapsed = performance.now() - started;
    expect(inventory.assets).toHaveLength(50_000);
    expect(new Set(inventory.assets.map((a) => a.assetid)).size).toBe(50_000);
    // Typically 100-200 ms; the bound only catches an accidental quadratic.
    expect(elapsed).toBeLessThan(5000);
  });
});
