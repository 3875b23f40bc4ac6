import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../index.js';
import { IpPacer } from './pacing.js';
import { resolveSteamScenario, type SteamRateLimitScenario } from './scenario.js';

describe('IpPacer', () => {
  const config = (overrides: Partial<SteamRateLimitScenario> = {}) =>
    resolveSteamScenario({ rateLimit: { minIntervalMs: 1000, banAfter429s: 3, banMs: 5000, ...overrides } })
      .rateLimit;

  it('accepts requests spaced by the interval, with a little tolerance for jitter', () => {
    let now = 0;
    const pacer = new IpPacer(config(), () => now);
    expect(pacer.check('a')).toBe('ok');
    now = 990;
    expect(pacer.check('a')).toBe('ok');
    now = 1500;
    expect(pacer.check('a')).toBe('limited');
    expect(pacer.check('b')).toBe('ok');
  });

  it('allows a burst, then one request per interval', () => {
    let now = 0;
    const pacer = new IpPacer(config({ burst: 3 }), () => now);
    expect(['a', 'a', 'a', 'a'].map((ip) => pacer.check(ip))).toEqual(['ok', 'ok', 'ok', 'limited']);
    now = 1000;
    expect(pacer.check('a')).toBe('ok');
  });

  it('bans after consecutive 429s until the ban ends', () => {
    let now = 0;
    const pacer = new IpPacer(config(), () => now);
    expect([1, 2, 3, 4].map(() => pacer.check('a'))).toEqual(['ok', 'limited', 'limited', 'banned']);
    now = 4999;
    expect(pacer.check('a')).toBe('banned');
    now = 5000;
    expect(pacer.check('a')).toBe('ok');
    expect(pacer.bans).toBe(1);
  });

  it('is off when minIntervalMs is 0', () => {
    const pacer = new IpPacer(config({ minIntervalMs: 0 }), () => 0);
    expect([1, 2, 3, 4, 5, 6].every(() => pacer.check('a') === 'ok')).toBe(true);
  });
});

describe('per-IP pacing over HTTP', () => {
  const OWNER = '76561198000000020';
  let emulator: StartedEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({
      scenario: {
        steam: {
          users: { [OWNER]: { cookie: 'owner-cookie' } },
          rateLimit: { minIntervalMs: 10_000, banAfter429s: 2, banMs: 400 },
        },
      },
    });
  });
  afterAll(() => emulator.close());

  const get = (init: RequestInit = {}) => fetch(`${emulator.url}/inventory/${OWNER}/730/2?count=10`, init);

  it('answers 429 null without Retry-After, bans, and lets the owner through', async () => {
    expect((await get()).status).toBe(200);
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(await limited.text()).toBe('null');
    expect((await get()).status).toBe(429); // second strike: banned for 400 ms
    expect((await get()).status).toBe(429);
    // The owner's own cookie is exempt from per-IP pacing.
    expect((await get({ headers: { cookie: 'steamLoginSecure=owner-cookie' } })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await get()).status).toBe(200);

    const stats = (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as {
      modules: { steam: { rateLimited: number; bans: number } };
    };
    expect(stats.modules.steam).toMatchObject({ rateLimited: 3, bans: 1 });
  });
});
