import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarize, matchesFilter } from './filter.js';
import { normalizePage, STEAM_ECONOMY_IMAGE_BASE } from './normalize.js';
import type { RawInventoryPage } from './types.js';

// A real CS2 page (shared/seeds/000), plus one skin with asset_properties and the newer
// self-encoding inspect template.
const page = JSON.parse(
  readFileSync(new URL('../../../../test/fixtures/cs2-inventory-page.json', import.meta.url), 'utf8'),
) as RawInventoryPage;
const OWNER = '76561198012345678';
const items = [...normalizePage(page, OWNER)];

describe('normalizePage', () => {
  it('joins every asset to its description by classid + instanceid', () => {
    expect(items).toHaveLength(7);
    const sticker = items[0]!;
    expect(sticker).toMatchObject({
      assetid: '34714784915',
      name: 'Sticker | BLAST.tv | Paris 2023',
      category: 'Sticker',
      rarity: 'High Grade',
      rarityColor: '4b69ff',
      tradable: true,
      marketable: true,
      commodity: true,
      amount: 1,
    });
    expect(sticker.iconUrl).toMatch(new RegExp(`^${STEAM_ECONOMY_IMAGE_BASE}-9a81dlWLwJ2`));
  });

  it('treats a missing instanceid as "0" and keeps untradable collectibles', () => {
    const coin = items.find((i) => i.assetid === '33052044132')!;
    expect(coin.name).toBe('5 Year Veteran Coin');
    expect(coin.tradable).toBe(false);
    expect(coin.instanceid).toBe('0');
  });

  it('fills the older inspect template with owner and asset id', () => {
    expect(items[0]!.inspectLink).toBe(
      `steam://rungame/730/76561202255233023/+csgo_econ_action_preview%20S${OWNER}A34714784915D9269751365167439497`,
    );
  });

  it('reads CS2 asset properties, strings included, and fills the self-encoding template', () => {
    const ak = items.find((i) => i.assetid === '35000000001')!;
    expect(ak.float).toBeCloseTo(0.2534111738204956, 12);
    expect(ak.paintSeed).toBe(661);
    expect(ak.certificate).toBe('00180020A806280938B5044001620C08A0221A04001B000D0E04210F1E');
    expect(ak.exterior).toBe('Field-Tested');
    expect(ak.inspectLink).toBe(
      'steam://run/730//+csgo_econ_action_preview%2000180020A806280938B5044001620C08A0221A04001B000D0E04210F1E',
    );
    expect(ak.properties.find((p) => p.id === 9)).toEqual({ id: 9, name: 'Something New', value: 'future' });
  });

  it('filters and summarizes', () => {
    expect(items.filter((i) => matchesFilter(i, { tradable: true, type: 'sticker' }))).toHaveLength(4);
    expect(items.filter((i) => matchesFilter(i, { rarity: 'classified', name: 'redline' }))).toHaveLength(1);
    const summary = summarize(items);
    expect(summary.reduce((n, l) => n + l.quantity, 0)).toBe(7);
    expect(summary.find((l) => l.marketHashName === '5 Year Veteran Coin')).toMatchObject({
      quantity: 1,
      tradable: 0,
    });
  });
});
