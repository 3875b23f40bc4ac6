import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawInventoryPage } from '../../steam/community/inventory/types.js';
import { startEmulator, type StartedEmulator } from '../index.js';

const OWNER = '76561198000000010';
const NOT_SET_UP = '76561198000000011';
const COOKIE = '76561198000000010||eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiI3NjU2MTE5ODAwMDAwMDAxMCJ9.c2ln';

let emulator: StartedEmulator;

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      steam: {
        users: {
          [OWNER]: {
            private: true,
            cookie: COOKIE,
            inventories: { '730/2': { size: 12 }, '730/16': { size: 5 } },
          },
          [NOT_SET_UP]: { profileNotSetUp: true },
        },
      },
    },
  });
});

afterAll(() => emulator.close());

async function get(path: string, cookie?: string) {
  const response = await fetch(`${emulator.url}/inventory/${path}`, cookie ? { headers: { cookie } } : {});
  return { status: response.status, text: await response.text() };
}

describe('who may see an inventory', () => {
  it('answers 403 null for a private inventory', async () => {
    expect(await get(`${OWNER}/730/2`)).toEqual({ status: 403, text: 'null' });
    expect(await get(`${OWNER}/730/2`, 'steamLoginSecure=someone-else')).toEqual({
      status: 403,
      text: 'null',
    });
  });

  it('serves the private inventory to its owner, cookie raw or URL-encoded', async () => {
    for (const value of [COOKIE, encodeURIComponent(COOKIE)]) {
      const { status, text } = await get(
        `${OWNER}/730/2?count=100`,
        `sessionid=abc; steamLoginSecure=${value}`,
      );
      expect(status).toBe(200);
      expect((JSON.parse(text) as RawInventoryPage).total_inventory_count).toBe(12);
    }
  });

  it('answers 401 null when the profile was never set up', async () => {
    expect(await get(`${NOT_SET_UP}/730/2`)).toEqual({ status: 401, text: 'null' });
  });

  it('shows trade-protected items (context 16) to the owner only', async () => {
    expect(await get(`${OWNER}/730/16`, `steamLoginSecure=${COOKIE}`)).toMatchObject({ status: 200 });
    const owner = JSON.parse(
      (await get(`${OWNER}/730/16?count=50`, `steamLoginSecure=${COOKIE}`)).text,
    ) as RawInventoryPage;
    expect(owner.assets).toHaveLength(5);
    expect(owner.descriptions!.every((d) => d.tradable === 0 && d.owner_descriptions)).toBe(true);
    expect(owner.assets!.every((a) => a.contextid === '16')).toBe(true);

    const stranger = await get(`76561198000000099/730/16?count=50`);
    expect(stranger).toEqual({ status: 200, text: '{"total_inventory_count":0,"success":1,"rwgrsn":-2}' });
  });
});
