/** The Roblox module inside the full emulator: scenario files, defaults and validation. */
import { describe, expect, it } from 'vitest';
import { startEmulator, validateScenario } from '../index.js';

describe('Roblox in startEmulator', () => {
  it('serves the default Roblox scenario next to Steam', async () => {
    const emulator = await startEmulator();
    try {
      const res = await fetch(
        `${emulator.url}/cloud/v2/users/123456/inventory-items?filter=assetIds=1028595`,
        {
          headers: { 'x-api-key': 'roblox-emulator-key' },
        },
      );
      expect(res.status).toBe(200);
      const body = (await res.json()) as { inventoryItems: { assetDetails: { assetId: string } }[] };
      expect(body.inventoryItems.map((i) => i.assetDetails.assetId)).toEqual(['1028595']);
    } finally {
      await emulator.close();
    }
  });

  it('takes a roblox section in the scenario', async () => {
    const emulator = await startEmulator({
      scenario: { roblox: { users: { '5': { badges: 2 } }, apiKeys: { k: { owner: 'me' } } } },
    });
    try {
      const res = await fetch(`${emulator.url}/cloud/v2/users/5/inventory-items`, {
        headers: { 'x-api-key': 'k' },
      });
      expect(((await res.json()) as { inventoryItems: unknown[] }).inventoryItems).toHaveLength(2);
    } finally {
      await emulator.close();
    }
  });

  it('names the bad field of a Roblox scenario', () => {
    expect(() => validateScenario({ roblox: { users: { abc: {} } } })).toThrow(/roblox\.users\.abc/);
    expect(() => validateScenario({ roblox: { rateLimits: { burst: 0 } } })).toThrow(
      /roblox\.rateLimits\.burst/,
    );
    expect(() => validateScenario({ roblox: { colour: 'red' } })).toThrow(/roblox/);
  });
});
