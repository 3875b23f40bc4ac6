import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../index.js';
import { FaultInjector } from './faults.js';
import { resolveSteamScenario } from './scenario.js';

const USER = '76561198000000030';

describe('scripted faults', () => {
  let emulator: StartedEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({
      scenario: {
        steam: {
          faults: {
            script: {
              '1': 'eresult500',
              '2': 'eresult20',
              '3': 'truncated',
              '4': 'successFalse',
              '5': 'loginRedirect',
              '6': 'timeout',
            },
          },
        },
      },
    });
  });
  afterAll(() => emulator.close());

  const inventoryUrl = () => `${emulator.url}/inventory/${USER}/730/2?l=english&count=100`;

  it('fails the numbered requests, each the way Steam does', async () => {
    const first = await fetch(inventoryUrl());
    expect(first.status).toBe(500);
    expect(await first.json()).toEqual({ error: 'EYldRefreshAppIfNecessary failed with EResult 55' });

    const second = await fetch(inventoryUrl());
    expect(second.status).toBe(500);
    expect(await second.json()).toEqual({ error: 'EYldRefreshAppIfNecessary failed with EResult 20' });

    const third = await fetch(inventoryUrl());
    expect(third.status).toBe(200);
    const cut = await third.text();
    expect(() => JSON.parse(cut) as unknown).toThrow();
    expect(cut.startsWith('{"assets":[')).toBe(true);

    const fourth = await fetch(inventoryUrl());
    expect(fourth.status).toBe(200);
    expect(await fourth.json()).toEqual({ success: false, Error: 'Failed to load inventory' });

    const fifth = await fetch(inventoryUrl(), { redirect: 'manual' });
    expect(fifth.status).toBe(302);
    const location = new URL(fifth.headers.get('location')!);
    expect(location.pathname).toBe('/login/home/');
    expect(location.searchParams.get('goto')).toBe(`inventory/${USER}/730/2?l=english&count=100`);
    // Following the redirect lands on an HTML login page, as on Steam.
    const login = await fetch(location);
    expect(login.headers.get('content-type')).toContain('text/html');

    // The sixth never answers; the client's own timeout ends it.
    await expect(fetch(inventoryUrl(), { signal: AbortSignal.timeout(300) })).rejects.toThrow();

    // The truncated page was half of the real one (the seventh request is healthy).
    const healthy = await (await fetch(inventoryUrl())).text();
    expect(cut).toBe(healthy.slice(0, Math.floor(healthy.length / 2)));

    const stats = (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as {
      modules: { steam: { inventoryRequests: number; faults: Record<string, number> } };
    };
    expect(stats.modules.steam.inventoryRequests).toBe(7);
    expect(Object.values(stats.modules.steam.faults)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('counts again from 1 after POST /__emulator/reset', async () => {
    await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' });
    expect((await fetch(inventoryUrl())).status).toBe(500);
    expect((await fetch(inventoryUrl())).status).toBe(500);
  });

  it('still closes while a request hangs', async () => {
    const other = await startEmulator({ scenario: { steam: { faults: { script: { '1': 'timeout' } } } } });
    const hanging = fetch(`${other.url}/inventory/${USER}/730/2`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await other.close();
    expect(await hanging).toBeInstanceOf(Error);
  });
});

describe('random faults', () => {
  it('are reproducible for a seed and close to the rate', () => {
    const faults = resolveSteamScenario({ faults: { rate: 0.3, seed: 7 } }).faults;
    const run = () => {
      const injector = new FaultInjector(faults);
      return Array.from({ length: 1000 }, (_, i) => injector.pick(i + 1) ?? '-');
    };
    const a = run();
    expect(run()).toEqual(a);
    const hits = a.filter((kind) => kind !== '-').length;
    expect(hits).toBeGreaterThan(230);
    expect(hits).toBeLessThan(370);
    expect(new Set(a)).toEqual(new Set(['-', 'eresult500', 'eresult20', 'truncated', 'successFalse']));
  });

  it('script entries win over the random draw', () => {
    const faults = resolveSteamScenario({
      faults: { rate: 1, kinds: ['eresult20'], script: { '2': 'timeout' } },
    }).faults;
    const injector = new FaultInjector(faults);
    expect([1, 2, 3].map((n) => injector.pick(n))).toEqual(['eresult20', 'timeout', 'eresult20']);
  });
});
