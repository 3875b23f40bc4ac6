/** Ownership checks and collectibles against the emulator over real HTTP. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../core/http/client.js';
import { createRobloxModule } from '../../emulator/roblox/module.js';
import { serveModules, type RunningEmulator } from '../../emulator/server.js';
import { RobloxInventoryClient } from './client.js';
import { ROBLOX_DOCS_EXAMPLE_ITEM } from '../../emulator/roblox/scenario.js';

const KEY = 'owns-test-key-123';
let emulator: RunningEmulator;
let http: HttpClient;

beforeAll(async () => {
  emulator = await serveModules({
    modules: [
      createRobloxModule({
        users: {
          '123456': {
            assets: 500,
            collectibles: 8,
            badges: 3,
            gamePasses: 2,
            privateServers: 1,
            extraItems: [ROBLOX_DOCS_EXAMPLE_ITEM],
          },
        },
        apiKeys: { [KEY]: { owner: '123456', inventoryRead: true } },
        rateLimits: { apiKeyPerMinute: 600_000 },
      }),
    ],
  });
  http = new HttpClient({ baseDelayMs: 5 });
});
afterAll(async () => {
  await http.close();
  await emulator.close();
});
beforeEach(() => emulator.reset());

const client = (maxIdsPerRequest?: number) =>
  new RobloxInventoryClient({
    apiUrl: emulator.url,
    apiKey: KEY,
    perMinute: 600_000,
    http,
    ...(maxIdsPerRequest ? { maxIdsPerRequest } : {}),
  });

describe('owns', () => {
  it('answers yes/no per id in one request, whatever the inventory size', async () => {
    const result = await client().owns('123456', {
      assetIds: [62724852, '1028595', 4773588762],
      badgeIds: ['2124000000', '1'],
      gamePassIds: [12527],
      privateServerIds: [900000],
    });
    expect(result.entries).toEqual([
      { kind: 'asset', id: '62724852', owned: false, copies: 0 },
      { kind: 'asset', id: '1028595', owned: true, copies: 1 },
      { kind: 'asset', id: '4773588762', owned: false, copies: 0 },
      { kind: 'badge', id: '2124000000', owned: true, copies: 1 },
      { kind: 'badge', id: '1', owned: false, copies: 0 },
      { kind: 'gamePass', id: '12527', owned: true, copies: 1 },
      { kind: 'privateServer', id: '900000', owned: true, copies: 1 },
    ]);
    expect(result.requests).toBe(1);
    expect(emulator.stats.count()).toBe(1);
    const filter = new URL(`http://x${emulator.stats.requests[0]!.path}`);
    expect(filter.pathname).toBe('/cloud/v2/users/123456/inventory-items');
  });

  it('counts copies of one collectible', async () => {
    const collectibles = await client().collectibles('123456');
    const twice = collectibles.find((c) => collectibles.filter((d) => d.id === c.id).length === 2)!;
    const result = await client().owns('123456', { assetIds: [twice.id] });
    expect(result.entries[0]).toMatchObject({ owned: true, copies: 2 });
  });

  it('splits long id lists into chunks and deduplicates', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => String(1_000_000_000 + i));
    const result = await client(50).owns('123456', { assetIds: [...ids, ids[0]!] });
    expect(result.entries).toHaveLength(120);
    expect(result.requests).toBe(3);
    expect(emulator.stats.count()).toBe(3);
  });
});

describe('collectibles', () => {
  it('lists every collectible with serial and state, nothing else', async () => {
    const items = await client().collectibles('123456');
    expect(items).toHaveLength(8);
    for (const item of items) {
      expect(item).toMatchObject({ kind: 'asset', collectible: true, serial: expect.any(Number) });
      expect(['AVAILABLE', 'HOLD', 'COLLECTIBLE_ITEM_INSTANCE_STATE_UNSPECIFIED']).toContain(
        item.instanceState,
      );
    }
    expect(new Set(items.map((i) => i.instanceState)).size).toBe(3);
  });

  it('narrows to asset types', async () => {
    const hats = await client().collectibles('123456', { assetTypes: ['HAT'] });
    expect(hats.length).toBeGreaterThan(0);
    expect(hats.every((h) => h.assetType === 'HAT')).toBe(true);
  });
});
