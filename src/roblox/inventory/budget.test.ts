/**
 * Client-side rate budgets against the emulator's strict limits (burst 3, scaled to 1200/min
 * so a slot is 50 ms): paced clients never earn a 429, keys of one owner share a budget, and
 * 429s are survived with retry-after or, when it is zero or missing, exponential backoff.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../core/http/client.js';
import { LocalPacer } from '../../core/http/pacer.js';
import { createRobloxModule } from '../../emulator/roblox/module.js';
import type { RobloxRateLimits } from '../../emulator/roblox/scenario.js';
import { serveModules, type RunningEmulator } from '../../emulator/server.js';
import { budgetFor } from './budget.js';
import { RobloxInventoryClient } from './client.js';

let emulator: RunningEmulator | undefined;
let http: HttpClient | undefined;
afterEach(async () => {
  await http?.close();
  await emulator?.close();
});

async function start(rateLimits: RobloxRateLimits) {
  emulator = await serveModules({
    modules: [
      createRobloxModule({
        users: { '1': { assets: 500 } },
        apiKeys: { 'key-one-aaaa': { owner: 'studio' }, 'key-two-bbbb': { owner: 'studio' } },
        oauthTokens: { 'token-one-cccc': { userId: '1' } },
        rateLimits,
      }),
    ],
  });
  http = new HttpClient({ pacer: new LocalPacer(), baseDelayMs: 5, maxDelayMs: 100, retries: 6 });
  return emulator;
}

const tooMany = () => emulator!.stats.count({ status: 429 });

describe('budgetFor', () => {
  it('defaults to 100/min per owner and 20/min per token, never naming the secret', () => {
    const byKey = budgetFor({ apiKey: 'secret-key-1' });
    expect(byKey).toMatchObject({ perMinute: 100, intervalMs: 600 });
    expect(byKey.key).not.toContain('secret-key-1');
    expect(budgetFor({ apiKey: 'secret-key-1', owner: 'group:7' }).key).toBe('roblox:owner:group:7');
    const byToken = budgetFor({ oauthToken: 'secret-token' });
    expect(byToken).toMatchObject({ perMinute: 20, intervalMs: 3000 });
    expect(byToken.key).not.toContain('secret-token');
  });
});

describe('client-side budgets', () => {
  it('paces one listing to the budget: no 429s, about one slot per request', async () => {
    await start({ apiKeyPerMinute: 1200, burst: 3 });
    const client = new RobloxInventoryClient({
      apiUrl: emulator!.url,
      apiKey: 'key-one-aaaa',
      perMinute: 1200,
      http,
    });
    const started = performance.now();
    expect(await client.list('1')).toHaveLength(500);
    const elapsed = performance.now() - started;
    expect(emulator!.stats.count()).toBe(6);
    expect(tooMany()).toBe(0);
    expect(elapsed).toBeGreaterThanOrEqual(5 * 50 - 5);
  });

  it('shares one budget between keys of the same owner', async () => {
    await start({ apiKeyPerMinute: 1200, burst: 3 });
    const a = new RobloxInventoryClient({
      apiUrl: emulator!.url,
      apiKey: 'key-one-aaaa',
      owner: 'studio',
      perMinute: 1200,
      http,
    });
    const b = new RobloxInventoryClient({
      apiUrl: emulator!.url,
      apiKey: 'key-two-bbbb',
      owner: 'studio',
      perMinute: 1200,
      http,
    });
    expect(a.rateBudget.key).toBe(b.rateBudget.key);
    const [x, y] = await Promise.all([a.list('1'), b.list('1')]);
    expect(x.length + y.length).toBe(1000);
    expect(tooMany()).toBe(0);
  });

  it.each(['none', 'zero'] as const)(
    'without a shared owner, two keys overrun the owner budget but back off and finish (retry-after: %s)',
    async (retryAfter) => {
      await start({ apiKeyPerMinute: 1200, burst: 3, retryAfter });
      const a = new RobloxInventoryClient({
        apiUrl: emulator!.url,
        apiKey: 'key-one-aaaa',
        perMinute: 1200,
        http,
      });
      const b = new RobloxInventoryClient({
        apiUrl: emulator!.url,
        apiKey: 'key-two-bbbb',
        perMinute: 1200,
        http,
      });
      expect(a.rateBudget.key).not.toBe(b.rateBudget.key);
      const [x, y] = await Promise.all([a.list('1'), b.list('1')]);
      expect(x.length + y.length).toBe(1000);
      expect(tooMany()).toBeGreaterThan(0);
    },
  );

  it('waits out retry-after after a 429', async () => {
    await start({ apiKeyPerMinute: 60, burst: 2 });
    const greedy = new RobloxInventoryClient({
      apiUrl: emulator!.url,
      apiKey: 'key-one-aaaa',
      perMinute: 600_000,
      http,
      pageSize: 100,
    });
    const started = performance.now();
    const page = await greedy.page('1');
    await greedy.page('1');
    await greedy.page('1');
    expect(page.rateLimit.limit).toBe(60);
    expect(tooMany()).toBe(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
  });

  it('gives an OAuth2 token its own, smaller budget', async () => {
    await start({ oauthPerMinute: 1200, burst: 3 });
    const client = new RobloxInventoryClient({
      apiUrl: emulator!.url,
      oauthToken: 'token-one-cccc',
      perMinute: 1200,
      http,
    });
    expect(client.rateBudget.key).toMatch(/^roblox:oauth:/);
    expect(await client.list('1', { limit: 300 })).toHaveLength(300);
    expect(tooMany()).toBe(0);
  });
});
