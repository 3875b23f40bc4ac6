import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawInventoryPage } from '../../steam/community/inventory/types.js';
import { startEmulator, type StartedEmulator } from '../index.js';

const BIG = '76561198000000001';
const EMPTY = '76561198000000002';
const HUGE = '76561198000000003';
const STRANGER = '76561198123456789';

let emulator: StartedEmulator;

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      steam: {
        users: {
          [BIG]: { inventories: { '730/2': { size: 4500 }, '440/2': { size: 30 } } },
          [EMPTY]: { inventories: { '730/2': { size: 0 } } },
          [HUGE]: { inventories: { '730/2': { size: 50_000, seed: 9 } } },
        },
      },
    },
  });
});

afterAll(() => emulator.close());

async function inventory(path: string): Promise<{ status: number; text: string; page: RawInventoryPage }> {
  const response = await fetch(`${emulator.url}/inventory/${path}`);
  const text = await response.text();
  return { status: response.status, text, page: JSON.parse(text) as RawInventoryPage };
}

async function walk(steamid: string, app: string, count: number) {
  const pages: RawInventoryPage[] = [];
  let start: string | undefined;
  for (;;) {
    const query = `l=english&count=${count}${start ? `&start_assetid=${start}` : ''}`;
    const { status, page } = await inventory(`${steamid}/${app}?${query}`);
    expect(status).toBe(200);
    pages.push(page);
    if (!page.more_items) return pages;
    start = page.last_assetid;
  }
}

describe('GET /inventory/{steamid}/{appid}/{contextid}', () => {
  it('pages like Steam: every asset once, more_items and last_assetid until the last page', async () => {
    const pages = await walk(BIG, '730/2', 2000);
    expect(pages.map((p) => p.assets?.length)).toEqual([2000, 2000, 500]);
    const ids = pages.flatMap((p) => p.assets!.map((a) => a.assetid));
    expect(new Set(ids).size).toBe(4500);
    for (const page of pages) {
      expect(page.total_inventory_count).toBe(4500);
      expect(page.success).toBe(1);
      expect(page.rwgrsn).toBe(-2);
      // Descriptions and properties cover exactly this page's assets.
      const used = new Set(page.assets!.map((a) => `${a.classid}_${a.instanceid}`));
      expect(new Set(page.descriptions!.map((d) => `${d.classid}_${d.instanceid}`))).toEqual(used);
      const assetIds = new Set(page.assets!.map((a) => a.assetid));
      expect(page.asset_properties!.every((p) => assetIds.has(p.assetid))).toBe(true);
    }
    expect(pages[0]!.last_assetid).toBe(pages[0]!.assets!.at(-1)!.assetid);
    expect(pages[0]!.more_items).toBe(1);
    const last = pages.at(-1)!;
    expect('more_items' in last).toBe(false);
    expect('last_assetid' in last).toBe(false);
  });

  it('puts the keys in Steam order', async () => {
    const { page } = await inventory(`${BIG}/730/2?count=10`);
    expect(Object.keys(page)).toEqual([
      'assets',
      'descriptions',
      'asset_properties',
      'more_items',
      'last_assetid',
      'total_inventory_count',
      'success',
      'rwgrsn',
    ]);
  });

  it('defaults to 25 per page and answers 400 null for a bad or over-cap count', async () => {
    expect((await inventory(`${BIG}/730/2`)).page.assets).toHaveLength(25);
    expect((await inventory(`${BIG}/730/2?count=2000`)).status).toBe(200);
    for (const count of ['2001', '5000', '0', '-1', 'abc', '1.5']) {
      const { status, text } = await inventory(`${BIG}/730/2?count=${count}`);
      expect([count, status, text]).toEqual([count, 400, 'null']);
    }
  });

  it('answers the empty inventory without assets or descriptions keys', async () => {
    const { status, text } = await inventory(`${EMPTY}/730/2?count=2000`);
    expect(status).toBe(200);
    expect(text).toBe('{"total_inventory_count":0,"success":1,"rwgrsn":-2}');
  });

  it('answers 500 with an EResult for apps and contexts without an inventory', async () => {
    for (const path of [`${BIG}/12345/2`, `${BIG}/730/3`, `${BIG}/753/2`]) {
      const { status, page } = await inventory(path);
      expect(status).toBe(500);
      expect(page).toEqual({ error: 'EYldRefreshAppIfNecessary failed with EResult 55' });
    }
  });

  it('answers 400 null for an invalid SteamID', async () => {
    for (const id of [
      '123',
      '76561197960265728',
      '86561198000000001',
      '7656119800000000x',
      '103582791429521412',
    ]) {
      const { status, text } = await inventory(`${id}/730/2`);
      expect([id, status, text]).toEqual([id, 400, 'null']);
    }
  });

  it('serves other apps and unknown users deterministically', async () => {
    expect((await inventory(`${BIG}/440/2?count=100`)).page.total_inventory_count).toBe(30);
    const first = await inventory(`${STRANGER}/570/2?count=100`);
    const second = await inventory(`${STRANGER}/570/2?count=100`);
    expect(first.page.total_inventory_count).toBe(40);
    expect(second.text).toBe(first.text);
    expect(first.page.asset_properties).toBeUndefined();
  });

  it('sends the same bytes for the same request, even from a fresh emulator', async () => {
    const path = `${STRANGER}/730/2?l=english&count=30`;
    const first = await inventory(path);
    const fresh = await startEmulator();
    try {
      const again = await (await fetch(`${fresh.url}/inventory/${path}`)).text();
      expect(again).toBe(first.text);
      expect(first.page.asset_properties!.length).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });

  it('sends pages as UTF-8 with their exact length, StatTrak™ and ★ names intact', async () => {
    const path = `${BIG}/730/2?l=english&count=2000`;
    for (let i = 0; i < 2; i++) {
      // Twice: the second answer comes from the emulator's cache of encoded pages.
      const response = await fetch(`${emulator.url}/inventory/${path}`);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
      const names = (JSON.parse(bytes.toString('utf8')) as RawInventoryPage).descriptions!.map(
        (d) => d.name ?? '',
      );
      expect(names.some((name) => name.startsWith('StatTrak™ '))).toBe(true);
      expect(names.some((name) => name.startsWith('★ '))).toBe(true);
    }
  });

  it('walks a 50,000-item inventory', async () => {
    const pages = await walk(HUGE, '730/2', 2000);
    expect(pages).toHaveLength(25);
    expect(new Set(pages.flatMap((p) => p.assets!.map((a) => a.assetid))).size).toBe(50_000);
    expect(pages[0]!.total_inventory_count).toBe(50_000);
  });
});
