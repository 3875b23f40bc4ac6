/**
 * `gamestash steam value|history|prices` and `steam inventory --snapshot` end to end: the
 * built CLI against the emulator over real HTTP, with its own SQLite store.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { runCli } from './run-cli.js';

const OWNER = '76561198012345678';
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let env: Record<string, string>;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gamestash-cli-value-'));
  emulator = await startEmulator({
    scenario: {
      steam: {
        users: {
          [OWNER]: { cookie: 'owner-cookie', inventories: { '730/2': { size: 400 }, '730/16': { size: 3 } } },
        },
      },
      market: { requestsPerWindow: 0, prices: { '730/AK-47 | Redline (Field-Tested)': 123456 } },
    },
  });
  env = {
    GAMESTASH_STEAM_COMMUNITY_URL: emulator.url,
    GAMESTASH_STEAM_API_URL: emulator.url,
    GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '0',
    GAMESTASH_SKINPORT_URL: emulator.url,
    GAMESTASH_SKINPORT_INTERVAL_MS: '0',
    GAMESTASH_HTTP_RETRIES: '1',
    GAMESTASH_SQLITE_PATH: join(dir, 'cli.sqlite'),
  };
});
afterAll(async () => {
  await emulator?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const priceRequests = () =>
  emulator.stats.count({ pathPrefix: '/market/' }) + emulator.stats.count({ pathPrefix: '/v1/' });

describe('gamestash steam value', () => {
  it('prints the total and the most valuable lines, then values again from the cache', async () => {
    const { code, stdout, stderr } = await runCli(['steam', 'value', OWNER, '--limit', '5'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      new RegExp(`^${OWNER} 730/2: \\$[\\d,]+\\.\\d\\d \\(marketable now: \\$[\\d,]+\\.\\d\\d\\), 400 items`),
    );
    expect(stdout).toMatch(/name .*qty .*unit .*total .*age/);
    expect(stdout).toMatch(/more lines/);
    emulator.reset();
    const again = await runCli(['steam', 'value', OWNER, '--json'], env);
    expect(again.code).toBe(0);
    const valuation = JSON.parse(again.stdout) as {
      requests: number;
      totals: { total: { amount: number; currency: string }; quantity: number };
      lines: { total: { amount: number } | null; missing: boolean }[];
    };
    expect(valuation.requests).toBe(0);
    expect(priceRequests()).toBe(0);
    expect(valuation.totals.quantity).toBe(400);
    expect(valuation.totals.total.amount).toBe(
      valuation.lines.reduce((s, l) => s + (l.total?.amount ?? 0), 0),
    );
    expect(valuation.lines.some((l) => l.missing && l.total === null)).toBe(true);
  });

  it('values in euros from Skinport', async () => {
    const { code, stdout } = await runCli(
      ['steam', 'value', OWNER, '--currency', 'EUR', '--source', 'skinport', '--limit', '1'],
      env,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/730\/2: [\d ]+,(\d\d|--)€/);
  });

  it('refuses bad input with the accepted values, exit 2, before any request', async () => {
    emulator.reset();
    const currency = await runCli(['steam', 'value', OWNER, '--currency', 'XYZ'], env);
    expect(currency.code).toBe(2);
    expect(currency.stderr).toMatch(
      /^gamestash: unknown currency "XYZ": use an ISO 4217 code .*USD, GBP, EUR/,
    );
    const source = await runCli(['steam', 'value', OWNER, '--source', 'nope'], env);
    expect(source.stderr).toMatch(/unknown price source "nope": use one of steam, skinport/);
    const app = await runCli(['steam', 'value', OWNER, '--app', '440', '--source', 'skinport'], env);
    expect(app.code).toBe(2);
    expect(app.stderr).toMatch(/Skinport does not price app 440: it prices 730, 252490/);
    expect(emulator.stats.requests).toHaveLength(0);
    for (const r of [currency, source, app]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('snapshots and gamestash steam history', () => {
  it('stores snapshots from steam inventory --snapshot and steam value --snapshot, and diffs them', async () => {
    const first = await runCli(['steam', 'inventory', OWNER, '--snapshot', '--summary', '--json'], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^snapshot \d+ stored \(400 assets\)/);
    const protectedOnes = await runCli(
      ['steam', 'inventory', OWNER, '--context', '16', '--snapshot', '--json'],
      {
        ...env,
        STEAM_COOKIES: 'steamLoginSecure=owner-cookie',
      },
    );
    expect(protectedOnes.code).toBe(0);
    const second = await runCli(['steam', 'value', OWNER, '--snapshot', '--limit', '1'], env);
    expect(second.stderr).toMatch(/snapshot \d+ stored/);
    const history = await runCli(['steam', 'history', OWNER, '--json'], env);
    expect(history.code).toBe(0);
    const body = JSON.parse(history.stdout) as {
      snapshots: { id: number; value: { atSnapshotTime: boolean } }[];
      diff: { diff: { unchanged: number; added: unknown[] } };
    };
    expect(body.snapshots).toHaveLength(2);
    // The newest was valued as it was taken; the first only at today's prices.
    expect(body.snapshots.map((s) => s.value.atSnapshotTime)).toEqual([true, false]);
    expect(body.diff.diff.unchanged).toBe(400);
    const table = await runCli(['steam', 'history', OWNER], env);
    expect(table.stdout).toMatch(/id .*taken .*context .*items .*value \(steam, USD\)/);
    expect(table.stdout).toMatch(/\* at today’s prices/);
    expect(table.stdout).toMatch(/0 added, 0 removed/);
  });

  it('refuses --snapshot with filters, a missing snapshot id, and half a range', async () => {
    const filtered = await runCli(['steam', 'inventory', OWNER, '--snapshot', '--tradable'], env);
    expect(filtered.code).toBe(2);
    expect(filtered.stderr).toMatch(/--snapshot stores the whole inventory/);
    const missing = await runCli(['steam', 'history', OWNER, '--from', '999', '--to', '1'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no snapshot 999/);
    const half = await runCli(['steam', 'history', OWNER, '--from', '1'], env);
    expect(half.stderr).toMatch(/both --from and --to/);
  });
});

describe('gamestash steam prices', () => {
  it('lists an app’s prices, refreshing them only when old', async () => {
    emulator.reset();
    const cold = await runCli(['steam', 'prices', '252490', '--source', 'skinport', '--json'], env);
    expect(cold.code).toBe(0);
    const body = JSON.parse(cold.stdout) as {
      requests: number;
      prices: { price: { amount: number } | null }[];
    };
    expect(body.requests).toBe(1);
    expect(body.prices.length).toBeGreaterThan(0);
    const warm = await runCli(['steam', 'prices', '252490', '--source', 'skinport'], env);
    expect(warm.stdout).toMatch(
      /^Skinport, app 252490, USD: \d+ prices, refreshed just now \(0 requests now\)/,
    );
    expect(emulator.stats.count({ pathPrefix: '/v1/items' })).toBe(1);
    const forced = await runCli(
      ['steam', 'prices', '252490', '--source', 'skinport', '--refresh', '--json'],
      env,
    );
    expect((JSON.parse(forced.stdout) as { requests: number }).requests).toBe(1);
  });

  it('says why a whole app cannot be priced in euros on the Steam market', async () => {
    const { code, stderr } = await runCli(['steam', 'prices', '730', '--currency', 'EUR'], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/bulk search answers in USD only.*skinport/);
  });
});
