/**
 * Paging guards against pages Steam should never send but sometimes does: a repeated
 * last_assetid (a loop), an asset on two pages, more_items without a cursor. Served over
 * real HTTP by a hand-written emulator module, since the stock emulator behaves.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MalformedResponseError } from '../../../core/errors.js';
import { serveModules, type RunningEmulator } from '../../../emulator/server.js';
import type { EmulatorModule } from '../../../emulator/types.js';
import { inventoryClient, OWNER } from '../../../../test/steam-fixtures.js';
import type { RawInventoryPage } from './types.js';

function asset(id: string) {
  return { appid: 730, contextid: '2', assetid: id, classid: '1', instanceid: '0', amount: '1' };
}
const description = {
  appid: 730,
  classid: '1',
  instanceid: '0',
  name: 'Sticker',
  market_hash_name: 'Sticker',
  tradable: 1,
};

function pagesModule(pages: Record<string, RawInventoryPage>): EmulatorModule {
  return {
    name: 'crafted',
    handle: (req) => ({
      status: 200,
      body: pages[req.url.searchParams.get('start_assetid') ?? 'first'] ?? null,
    }),
  };
}

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('inventory paging guards', () => {
  it('stops a loop when Steam repeats last_assetid', async () => {
    emulator = await serveModules({
      modules: [
        pagesModule({
          first: {
            assets: [asset('9')],
            descriptions: [description],
            more_items: 1,
            last_assetid: '9',
            total_inventory_count: 3,
            success: 1,
          },
          '9': {
            assets: [asset('8')],
            descriptions: [description],
            more_items: 1,
            last_assetid: '9',
            total_inventory_count: 3,
            success: 1,
          },
        }),
      ],
    });
    const { client, http } = inventoryClient(emulator.url);
    await expect(client.fetchAll({ steamid: OWNER, appid: 730, contextid: 2 })).rejects.toThrow(
      /repeated last_assetid 9/,
    );
    expect(emulator.stats.count()).toBe(2);
    await http.close();
  });

  it('drops an asset id seen on an earlier page', async () => {
    emulator = await serveModules({
      modules: [
        pagesModule({
          first: {
            assets: [asset('9'), asset('8')],
            descriptions: [description],
            more_items: 1,
            last_assetid: '8',
            total_inventory_count: 3,
            success: 1,
          },
          '8': {
            assets: [asset('8'), asset('7')],
            descriptions: [description],
            total_inventory_count: 3,
            success: 1,
          },
        }),
      ],
    });
    const { client, http } = inventoryClient(emulator.url);
    const merged = await client.fetchAll({ steamid: OWNER, appid: 730, contextid: 2 });
    expect(merged.assets.map((a) => a.assetid)).toEqual(['9', '8', '7']);
    expect(merged.descriptions).toHaveLength(1);
    await http.close();
  });

  it('reads ahead from the cursor in the raw body, and drops a read-ahead the parsed page contradicts', async () => {
    const cursors: string[] = [];
    const pages: Record<string, RawInventoryPage> = {
      // A later "last_assetid" key (inside an unknown field) misleads the raw-body peek.
      first: {
        assets: [asset('9')],
        descriptions: [description],
        more_items: 1,
        last_assetid: '9',
        extra: { more_items: 1, last_assetid: '99' },
        total_inventory_count: 2,
        success: 1,
      },
      '9': { assets: [asset('8')], descriptions: [description], total_inventory_count: 2, success: 1 },
      '99': { assets: [asset('1')], descriptions: [description], total_inventory_count: 2, success: 1 },
    };
    emulator = await serveModules({
      modules: [
        {
          name: 'crafted',
          handle: (req) => {
            const cursor = req.url.searchParams.get('start_assetid') ?? 'first';
            cursors.push(cursor);
            return { status: 200, body: pages[cursor] ?? null };
          },
        },
      ],
    });
    const { client, http } = inventoryClient(emulator.url);
    const merged = await client.fetchAll({ steamid: OWNER, appid: 730, contextid: 2 });
    expect(merged.assets.map((a) => a.assetid)).toEqual(['9', '8']);
    // The misled read-ahead (if it reached the server before being dropped) went no further.
    expect(cursors.filter((c) => c !== '99')).toEqual(['first', '9']);
    expect(cursors.filter((c) => c === '99').length).toBeLessThanOrEqual(1);
    await http.close();
  });

  it('refuses more_items without a cursor rather than returning a partial inventory', async () => {
    emulator = await serveModules({
      modules: [
        pagesModule({ first: { assets: [asset('9')], more_items: 1, total_inventory_count: 5, success: 1 } }),
      ],
    });
    const { client, http } = inventoryClient(emulator.url);
    await expect(client.fetchAll({ steamid: OWNER, appid: 730, contextid: 2 })).rejects.toBeInstanceOf(
      MalformedResponseError,
    );
    await http.close();
  });

  it('keeps a separate currency array and unknown fields', async () => {
    emulator = await serveModules({
      modules: [
        pagesModule({
          first: {
            assets: [asset('9')],
            descriptions: [
              description,
              {
                appid: 753,
                classid: '667933237',
                instanceid: '0',
                name: 'Gems',
                market_hash_name: '753-Gems',
              },
            ],
            currency: [{ appid: 753, contextid: '6', id: '1', classid: '667933237', amount: '1500' }],
            total_inventory_count: 1,
            success: 1,
            rwgrsn: -2,
          },
        }),
      ],
    });
    const { client, http } = inventoryClient(emulator.url);
    const merged = await client.fetchAll({ steamid: OWNER, appid: 753, contextid: 6 });
    expect(merged.rwgrsn).toBe(-2);
    expect(merged.currency).toHaveLength(1);
    const items = [];
    for await (const item of client.items({ steamid: OWNER, appid: 753, contextid: 6 })) items.push(item);
    expect(items.map((i) => [i.name, i.amount, i.isCurrency])).toEqual([
      ['Sticker', 1, false],
      ['Gems', 1500, true],
    ]);
    await http.close();
  });
});
