/**
 * The Roblox tools as an agent sees them: an SDK client over the in-memory transport, real
 * HTTP to the emulator. Every answer is kept and checked at the end for leaked secrets.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { McpSessions } from '../../test/mcp-sessions.js';
import { ROBLOX_DOCS_EXAMPLE_ITEM } from '../emulator/roblox/scenario.js';

const ROBLOX_KEY = 'mcp-test-roblox-key-777';
const SECRETS = [ROBLOX_KEY, 'mcp-wrong-roblox-key'];

let emulator: StartedEmulator;
const sessions = new McpSessions(() => ({
  GAMESTASH_STEAM_COMMUNITY_URL: emulator.url,
  GAMESTASH_ROBLOX_API_URL: emulator.url,
  GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '0',
  GAMESTASH_ROBLOX_API_KEY_PER_MINUTE: '600000',
  GAMESTASH_HTTP_RETRIES: '0',
  ROBLOX_API_KEY: ROBLOX_KEY,
}));
const { answers } = sessions;
const connect = sessions.connect.bind(sessions);

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      roblox: {
        users: {
          '123456': {
            assets: 30,
            collectibles: 6,
            badges: 2,
            extraItems: [ROBLOX_DOCS_EXAMPLE_ITEM],
          },
          '9': { assets: 1, private: true },
        },
        apiKeys: { [ROBLOX_KEY]: { owner: 'mcp' } },
        rateLimits: { apiKeyPerMinute: 600_000 },
      },
    },
  });
});

let agent: Client;
beforeAll(async () => {
  agent = await connect();
});
afterAll(async () => {
  await sessions.closeAll();
  await emulator?.close();
});

function call(name: string, args: Record<string, unknown>, client = agent) {
  return sessions.call(client, name, args);
}

describe('roblox_inventory', () => {
  it('lists items by selector, and everything without one', async () => {
    const all = await call('roblox_inventory', { userId: '123456' });
    expect(all.data).toMatchObject({ userId: '123456', filter: '', returned: 39, complete: true });
    const collectibles = await call('roblox_inventory', { userId: 123456, collectibles: true });
    const items = collectibles.data.items as unknown as { collectible: boolean; serial?: number }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.collectible && i.serial !== undefined)).toBe(true);
    const badges = await call('roblox_inventory', { userId: '123456', filter: 'badges=true', limit: 1 });
    expect(badges.data).toMatchObject({ filter: 'badges=true', returned: 1, complete: false });
  });

  it('names a bad filter, a bad user id and a private inventory', async () => {
    const filter = await call('roblox_inventory', { userId: '123456', filter: 'colour=red' });
    expect(filter.text).toMatch(/^invalid_input \(filter\): unknown filter field "colour"/);
    const mixed = await call('roblox_inventory', { userId: '123456', filter: 'badges=true', badges: true });
    expect(mixed.text).toMatch(/^invalid_input \(filter\): give either filter/);
    const user = await call('roblox_inventory', { userId: 'bob' });
    expect(user.text).toMatch(/^invalid_input \(userId\)/);
    const hidden = await call('roblox_inventory', { userId: '9' });
    expect(hidden.result.isError).toBe(true);
    expect(hidden.text).toMatch(/^private: /);
  });

  it('says what to set when there are no Roblox credentials, and keeps Steam working', async () => {
    const client = await connect({ ROBLOX_API_KEY: undefined });
    const { text } = await call('roblox_inventory', { userId: '123456' }, client);
    expect(text).toMatch(/^invalid_input \(credentials\): .*ROBLOX_API_KEY/);
    const steamid64 = '76561198000000040';
    expect((await call('steam_resolve_id', { who: steamid64 }, client)).data).toEqual({ steamid64 });
  });

  it('reports a refused key without echoing it', async () => {
    const client = await connect({ ROBLOX_API_KEY: 'mcp-wrong-roblox-key' });
    const { result, text } = await call('roblox_inventory', { userId: '123456' }, client);
    expect(result.isError).toBe(true);
    expect(text).toMatch(/^authentication_failed: /);
  });
});

describe('roblox_owns', () => {
  it('answers yes or no per id', async () => {
    const { data, text } = await call('roblox_owns', { userId: '123456', assetIds: ['1028595', 62724852] });
    expect(data).toEqual({
      userId: '123456',
      entries: [
        { kind: 'asset', id: '1028595', owned: true, copies: 1 },
        { kind: 'asset', id: '62724852', owned: false, copies: 0 },
      ],
      requests: 1,
    });
    expect(text).toContain('asset 1028595: yes');
  });

  it('asks for ids when given none', async () => {
    const { result, text } = await call('roblox_owns', { userId: '123456' });
    expect(result.isError).toBe(true);
    expect(text).toMatch(/^invalid_input \(ids\)/);
  });

  it('refuses more than 1,000 ids of a kind before spending any budget', async () => {
    const assetIds = Array.from({ length: 1001 }, (_, i) => String(1_000_000 + i));
    const { result, text } = await call('roblox_owns', { userId: '123456', assetIds });
    expect(result.isError).toBe(true);
    expect(text).toMatch(/assetIds/);
  });
});

describe('secrets', () => {
  it('never appear in any tool answer', () => {
    expect(answers.length).toBeGreaterThan(10);
    for (const answer of answers) for (const secret of SECRETS) expect(answer).not.toContain(secret);
  });
});
