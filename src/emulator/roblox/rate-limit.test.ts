/**
 * The emulator's rate budgets over real HTTP: per owner (shared by all of that owner's keys),
 * per OAuth2 token, with the real headers, and `retry-after` in its three observed forms.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { serveModules, type RunningEmulator } from '../server.js';
import { createRobloxModule } from './module.js';
import { RateLimiter } from './rate-limit.js';
import type { RobloxRateLimits } from './scenario.js';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(rateLimits: RobloxRateLimits) {
  emulator = await serveModules({
    modules: [
      createRobloxModule({
        users: { '1': { assets: 1 } },
        apiKeys: { a: { owner: 'o1' }, b: { owner: 'o1' }, c: { owner: 'o2' } },
        oauthTokens: { t1: { userId: '1' }, t2: { userId: '1' } },
        rateLimits,
      }),
    ],
  });
  return emulator;
}

async function hit(headers: Record<string, string>) {
  const res = await fetch(`${emulator!.url}/cloud/v2/users/1/inventory-items`, { headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

describe('emulated rate limits', () => {
  it('shares one budget across all keys of an owner, not across owners', async () => {
    await start({ apiKeyPerMinute: 3, oauthPerMinute: 3 });
    const statuses = [];
    for (const key of ['a', 'b', 'a', 'b', 'c']) statuses.push((await hit({ 'x-api-key': key })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 200]);
  });

  it('gives each OAuth2 token its own budget', async () => {
    await start({ apiKeyPerMinute: 100, oauthPerMinute: 2 });
    const statuses = [];
    for (const token of ['t1', 't1', 't1', 't2'])
      statuses.push((await hit({ authorization: `Bearer ${token}` })).status);
    expect(statuses).toEqual([200, 200, 429, 200]);
  });

  it('sends x-ratelimit headers and a RESOURCE_EXHAUSTED body with retry-after', async () => {
    await start({ apiKeyPerMinute: 2 });
    const first = await hit({ 'x-api-key': 'a' });
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
    await hit({ 'x-api-key': 'a' });
    const refused = await hit({ 'x-api-key': 'a' });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RESOURCE_EXHAUSTED');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('can send retry-after: 0 or none at all', async () => {
    await start({ apiKeyPerMinute: 1, retryAfter: 'zero' });
    await hit({ 'x-api-key': 'a' });
    expect((await hit({ 'x-api-key': 'a' })).headers.get('retry-after')).toBe('0');
    await emulator!.close();
    await start({ apiKeyPerMinute: 1, retryAfter: 'none' });
    await hit({ 'x-api-key': 'a' });
    const refused = await hit({ 'x-api-key': 'a' });
    expect(refused.status).toBe(429);
    expect(refused.headers.has('retry-after')).toBe(false);
  });

  it('does not charge refused credentials', async () => {
    await start({ apiKeyPerMinute: 1 });
    expect((await hit({ 'x-api-key': 'unknown' })).status).toBe(401);
    expect((await hit({ 'x-api-key': 'a' })).status).toBe(200);
  });
});

describe('RateLimiter', () => {
  it('refills at the per-minute rate, up to the burst', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    expect(limiter.take('k', 60, 2).allowed).toBe(true);
    expect(limiter.take('k', 60, 2).allowed).toBe(true);
    const refused = limiter.take('k', 60, 2);
    expect(refused.allowed).toBe(false);
    expect(refused.waitMs).toBeCloseTo(1000);
    now = 1000;
    expect(limiter.take('k', 60, 2).allowed).toBe(true);
    now = 60_000;
    expect(limiter.take('k', 60, 2).headers['x-ratelimit-remaining']).toBe('1');
  });
});
