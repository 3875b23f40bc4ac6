import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/errors.js';
import { loadScenarioFile, startEmulator, validateScenario } from '../index.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gamestash-scenario-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('loadScenarioFile', () => {
  it('reads a valid scenario', async () => {
    const scenario = {
      steam: {
        inventoryPageCap: 1000,
        users: {
          '76561198000000050': { private: true, inventories: { '730/2': { size: 5 } } },
          '76561198000000051': {
            visibility: 'friendsOnly',
            personaState: 1,
            avatarHash: 'fef49e7fa7e1997310d705b2a6158ff8dc1cdfeb',
            realName: 'Bo',
            country: 'SE',
            friends: ['76561198000000050', { steamid: '76561198000000052', friendSince: 1500000000 }],
            games: { '440': { playtimeForever: 10, playtime2Weeks: 2 } },
            achievements: { '620': ['WAKE_UP'] },
            stats: { '730': { total_kills: 5 } },
          },
        },
        faults: { script: { '1': 'eresult500' } },
        webApi: {
          dailyBudget: 10,
          playerSummariesBurst: { requests: 3, windowMs: 1000 },
          faults: { rate: 0.1, script: { '2': 'status503' }, eresult: { status: 200, eresult: 2 } },
        },
      },
    };
    expect(await loadScenarioFile(await file('ok.json', JSON.stringify(scenario)))).toEqual(scenario);
  });

  it('names the bad field', async () => {
    const cases: [unknown, RegExp][] = [
      [{ steam: { rateLimit: { minIntervalMs: '4000' } } }, /steam\.rateLimit\.minIntervalMs/],
      [{ steam: { faults: { kinds: ['explode'] } } }, /steam\.faults\.kinds\.0/],
      [{ steam: { users: { '123': {} } } }, /steam\.users\.123.*SteamID64/],
      [
        { steam: { users: { '76561198000000050': { inventories: { '730': { size: 1 } } } } } },
        /inventories\.730/,
      ],
      [{ steam: { pageCap: 5 } }, /steam: .*pageCap/],
      [
        { steam: { users: { '76561198000000050': { visibility: 'hidden' } } } },
        /users\.76561198000000050\.visibility/,
      ],
      [
        { steam: { users: { '76561198000000050': { friends: ['42'] } } } },
        /users\.76561198000000050\.friends\.0/,
      ],
      [{ steam: { users: { '76561198000000050': { games: { tf2: {} } } } } }, /games\.tf2/],
      [{ steam: { webApi: { dailyBudget: 0 } } }, /steam\.webApi\.dailyBudget/],
      [{ steam: { webApi: { faults: { kinds: ['eresult500'] } } } }, /steam\.webApi\.faults\.kinds\.0/],
      [{ steam: { webApi: { burst: {} } } }, /steam\.webApi: .*burst/],
      [{ stem: {} }, /\(top level\).*stem/],
    ];
    for (const [value, pattern] of cases) {
      const path = await file('bad.json', JSON.stringify(value));
      await expect(loadScenarioFile(path)).rejects.toThrow(pattern);
    }
  });

  it('reports unreadable files and broken JSON', async () => {
    await expect(loadScenarioFile(join(dir, 'missing.json'))).rejects.toBeInstanceOf(InvalidInputError);
    await expect(loadScenarioFile(await file('broken.json', '{"steam": '))).rejects.toThrow(/not valid JSON/);
  });
});

describe('startEmulator', () => {
  it('rejects an invalid scenario before listening', async () => {
    await expect(startEmulator({ scenario: { steam: { inventoryPageCap: 0 } } })).rejects.toThrow(
      /steam\.inventoryPageCap/,
    );
    expect(() => validateScenario({ steam: { faults: { rate: 2 } } })).toThrow(/steam\.faults\.rate/);
  });

  it('honours a smaller page cap and exposes the resolved scenario', async () => {
    const emulator = await startEmulator({ scenario: { steam: { inventoryPageCap: 1000 } } });
    try {
      expect(emulator.scenario.steam.inventoryPageCap).toBe(1000);
      expect(emulator.scenario.steam.vanities.gaben).toBe('76561197960287930');
      const url = `${emulator.url}/inventory/76561198000000050/730/2`;
      expect((await fetch(`${url}?count=1000`)).status).toBe(200);
      const over = await fetch(`${url}?count=2000`);
      expect([over.status, await over.text()]).toEqual([400, 'null']);
    } finally {
      await emulator.close();
    }
  });
});

describe('control endpoints', () => {
  it('count requests by path and status, and reset', async () => {
    const emulator = await startEmulator();
    try {
      const path = '/inventory/76561198000000050/730/2';
      await fetch(`${emulator.url}${path}`);
      await fetch(`${emulator.url}${path}?count=9999`);
      await fetch(`${emulator.url}/nowhere`);
      const stats = (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as Record<
        string,
        unknown
      >;
      expect(stats).toMatchObject({
        total: 3,
        byStatus: { '200': 1, '400': 1, '404': 1 },
        byPath: { [path]: { '200': 1, '400': 1 }, '/nowhere': { '404': 1 } },
        modules: { steam: { inventoryRequests: 2 } },
      });
      expect((await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' })).status).toBe(200);
      const after = (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as Record<
        string,
        unknown
      >;
      expect(after).toMatchObject({ total: 0, modules: { steam: { inventoryRequests: 0 } } });
    } finally {
      await emulator.close();
    }
  });
});
