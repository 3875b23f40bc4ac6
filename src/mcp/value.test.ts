/**
 * steam_inventory_value and steam_inventory_history as an agent sees them: an SDK client over
 * the in-memory transport, real HTTP to the emulator, a real SQLite store.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { McpSessions } from '../../test/mcp-sessions.js';

const OWNER = '76561198000000060';
let emulator: StartedEmulator;
let dir: string;
const sessions = new McpSessions(() => ({
  GAMESTASH_STEAM_COMMUNITY_URL: emulator.url,
  GAMESTASH_STEAM_API_URL: emulator.url,
  GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '0',
  GAMESTASH_SKINPORT_URL: emulator.url,
  GAMESTASH_SKINPORT_INTERVAL_MS: '0',
  GAMESTASH_HTTP_RETRIES: '0',
  // The tools open the store the way `gamestash mcp` does: from the config's environment.
  GAMESTASH_SQLITE_PATH: join(dir, 'mcp.sqlite'),
}));
let agent: Client;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gamestash-mcp-value-'));
  emulator = await startEmulator({
    scenario: {
      steam: { users: { [OWNER]: { inventories: { '730/2': { size: 300 } } } }, vanities: { valued: OWNER } },
      market: { requestsPerWindow: 0 },
    },
  });
  agent = await sessions.connect();
});
afterAll(async () => {
  await sessions.closeAll();
  await emulator?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const call = (name: string, args: Record<string, unknown>) => sessions.call(agent, name, args);
type Line = {
  quantity: number;
  total: { amount: number } | null;
  missing: boolean;
  unitPrice: { text: string } | null;
};

describe('steam_inventory_value', () => {
  it('returns totals and the most valuable lines, in structured form and as text', async () => {
    const { result, text, data } = await call('steam_inventory_value', { who: 'valued', limit: 10 });
    expect(result.isError).toBeFalsy();
    expect(data).toMatchObject({
      steamid64: OWNER,
      appid: 730,
      contextid: '2',
      currency: 'USD',
      source: 'steam',
      quantity: 300,
    });
    const lines = data.lines as Line[];
    expect(lines).toHaveLength(10);
    for (let i = 1; i < lines.length; i++)
      expect(lines[i - 1]!.total!.amount).toBeGreaterThanOrEqual(lines[i]!.total!.amount);
    expect((data.total as { text: string }).text).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(data.priceRequests).toBeGreaterThan(0);
    expect(text.split('\n')[0]).toMatch(
      /^76561198000000060 730\/2: \$[\d,.]+ \(\$[\d,.]+ marketable now\), 300 items/,
    );
    expect(text).toMatch(/\d+ × .+ @ \$[\d,.]+ = \$[\d,.]+/);
  });

  it('answers from the price cache the second time, and stores a snapshot when asked', async () => {
    emulator.reset();
    const { data } = await call('steam_inventory_value', { who: OWNER, snapshot: true, source: 'steam' });
    expect(data.priceRequests).toBe(0);
    expect(emulator.stats.count({ pathPrefix: '/market/' })).toBe(0);
    expect(data.snapshotId).toEqual(expect.any(Number));
  });

  it('turns bad input into one clear line naming what is accepted', async () => {
    const currency = await call('steam_inventory_value', { who: OWNER, currency: 'XYZ' });
    expect(currency.result.isError).toBe(true);
    expect(currency.text).toMatch(/^invalid_input \(currency\): unknown currency "XYZ".*USD, GBP, EUR/);
    const app = await call('steam_inventory_value', { who: OWNER, appid: 570, source: 'skinport' });
    expect(app.text).toMatch(/invalid_input \(appid\): Skinport does not price app 570/);
  });
});

describe('steam_inventory_history', () => {
  it('lists snapshots with values and diffs the two newest', async () => {
    await call('steam_inventory_value', { who: OWNER, snapshot: true, source: 'skinport', limit: 0 });
    const { result, data, text } = await call('steam_inventory_history', { who: OWNER, source: 'skinport' });
    expect(result.isError).toBeFalsy();
    const snapshots = data.snapshots as {
      id: number;
      value?: { currency: string };
      valuedAtSnapshotTime?: boolean;
    }[];
    expect(snapshots).toHaveLength(2);
    expect(snapshots[0]!.valuedAtSnapshotTime).toBe(true);
    expect(snapshots[1]!.valuedAtSnapshotTime).toBe(false);
    expect(data.diff).toMatchObject({ added: 0, removed: 0, unchanged: 300 });
    expect(text).toMatch(/2 snapshots, newest first/);
  });

  it('refuses a snapshot id that does not exist', async () => {
    const { result, text } = await call('steam_inventory_history', { who: OWNER, from: [424242], to: [1] });
    expect(result.isError).toBe(true);
    expect(text).toMatch(/invalid_input \(snapshot\): no snapshot 424242/);
  });
});
