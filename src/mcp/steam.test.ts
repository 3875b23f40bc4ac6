/**
 * The Steam tools as an agent sees them: an SDK client over the in-memory transport, real
 * HTTP to the emulator. Every answer is kept and checked at the end for leaked secrets.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { McpSessions } from '../../test/mcp-sessions.js';

const PUBLIC = '76561198000000040';
const PRIVATE = '76561198000000041';
const STEAM_KEY = '0123456789ABCDEF0123456789ABCDEF';
const COOKIE = 'steamLoginSecure=mcp-test-cookie-value-42';
const SECRETS = [STEAM_KEY, 'mcp-test-cookie-value-42', 'F'.repeat(32)];

let emulator: StartedEmulator;
const sessions = new McpSessions(() => ({
  GAMESTASH_STEAM_COMMUNITY_URL: emulator.url,
  GAMESTASH_STEAM_API_URL: emulator.url,
  GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '0',
  GAMESTASH_HTTP_RETRIES: '0',
  STEAM_API_KEY: STEAM_KEY,
  STEAM_COOKIES: COOKIE,
}));
const { answers } = sessions;
const connect = sessions.connect.bind(sessions);

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      steam: {
        users: { [PUBLIC]: { inventories: { '730/2': { size: 40 } } }, [PRIVATE]: { private: true } },
        vanities: { alice: PUBLIC },
        apiKeys: [STEAM_KEY],
        rateLimit: { minIntervalMs: 0 },
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

type SteamItem = { assetid: string; name: string; rarity?: string; tradable: boolean; type: string };
const itemsOf = (data: Record<string, unknown>) => data.items as SteamItem[];

describe('tools/list', () => {
  it('lists the tools with input and output schemas', async () => {
    const { tools } = await agent.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'roblox_inventory',
      'roblox_owns',
      'steam_achievements',
      'steam_api',
      'steam_confirmations_list',
      'steam_friends',
      'steam_games',
      'steam_inventory',
      'steam_inventory_history',
      'steam_inventory_value',
      'steam_news',
      'steam_offer_show',
      'steam_offers_list',
      'steam_offers_summary',
      'steam_profile',
      'steam_resolve_id',
      'steam_trade_history',
    ]);
    const steam = tools.find((t) => t.name === 'steam_inventory')!;
    // who defaults to "me" (the server's STEAM_ID).
    expect(steam.inputSchema.required ?? []).not.toContain('who');
    expect(Object.keys(steam.inputSchema.properties ?? {})).toEqual(
      expect.arrayContaining(['appid', 'contextid', 'limit', 'tradable', 'rarity', 'summary']),
    );
    expect(steam.outputSchema?.properties).toHaveProperty('items');
    expect(steam.description).toMatch(/rate/i);
    expect(steam.annotations?.readOnlyHint).toBe(true);
  });
});

describe('steam_inventory', () => {
  it('returns trimmed items with totals, and a text line per item', async () => {
    const { result, text, data } = await call('steam_inventory', { who: 'alice', limit: 5000 });
    expect(result.isError).toBeFalsy();
    expect(data).toMatchObject({
      steamid64: PUBLIC,
      appid: 730,
      contextid: '2',
      returned: 40,
      complete: true,
    });
    const items = itemsOf(data);
    expect(items).toHaveLength(40);
    expect(Object.keys(items[0]!)).not.toContain('tags');
    // Icons are most of an answer's bytes and rarely useful to a model: only on request.
    expect(items.some((item) => 'iconUrl' in item)).toBe(false);
    expect(items[0]).toMatchObject({ assetid: expect.any(String), name: expect.any(String) });
    expect(text.split('\n')).toHaveLength(41);
    const withIcons = itemsOf((await call('steam_inventory', { who: PUBLIC, limit: 3, icons: true })).data);
    expect(withIcons.every((item) => 'iconUrl' in item)).toBe(true);
  });

  it('stops at the limit and says the answer is incomplete', async () => {
    const { data } = await call('steam_inventory', { who: PUBLIC, limit: 7 });
    expect(data).toMatchObject({ returned: 7, complete: false, inventoryTotal: 40 });
  });

  it('applies filters while reading', async () => {
    const all = itemsOf((await call('steam_inventory', { who: PUBLIC, limit: 5000 })).data);
    const rarity = all.find((i) => i.rarity)!.rarity!;
    const { data } = await call('steam_inventory', { who: PUBLIC, rarity, tradable: true });
    const items = itemsOf(data);
    expect(items.length).toBe(all.filter((i) => i.rarity?.includes(rarity) && i.tradable).length);
    expect(items.every((i) => i.rarity === rarity && i.tradable)).toBe(true);
    expect(data.complete).toBe(true);
    const word = all[0]!.name.split(' ')[0]!.toLowerCase();
    const named = itemsOf((await call('steam_inventory', { who: PUBLIC, name: word })).data);
    expect(named.length).toBe(all.filter((i) => i.name.toLowerCase().includes(word)).length);
  });

  it('reports progress per page when the client asks for it', async () => {
    const client = await connect({ GAMESTASH_STEAM_INVENTORY_PAGE_SIZE: '15' });
    const seen: [number, number | undefined][] = [];
    await client.callTool({ name: 'steam_inventory', arguments: { who: PUBLIC, summary: true } }, undefined, {
      onprogress: ({ progress, total }) => seen.push([progress, total]),
    });
    expect(seen).toEqual([
      [15, 40],
      [30, 40],
      [40, 40],
    ]);
  });

  it('summarizes the whole inventory by name', async () => {
    const { data, text } = await call('steam_inventory', { who: PUBLIC, summary: true, limit: 3 });
    expect(data).toMatchObject({ quantity: 40, returned: 3, scanned: 40 });
    expect(data.summary).toHaveLength(3);
    expect(data.items).toBeUndefined();
    expect(text).toMatch(/40 matching items, \d+ distinct \(3 shown\)/);
  });

  it('reports a private inventory as a tool error saying so', async () => {
    const { result, text } = await call('steam_inventory', { who: PRIVATE });
    expect(result.isError).toBe(true);
    expect(text).toMatch(/^private: .*private/);
    expect(text).not.toMatch(/\bat .+:\d+:\d+|\.ts:\d+/);
  });

  it('names a bad steamid and a bad context id', async () => {
    const bad = await call('steam_inventory', { who: '12345' });
    expect(bad.result.isError).toBe(true);
    expect(bad.text).toMatch(/invalid_input \(steamid\): invalid steamid "12345"/);
    const context = await call('steam_inventory', { who: PUBLIC, contextid: '2x' });
    expect(context.text).toMatch(/invalid_input \(contextid\)/);
  });

  it('reads "me", or no who at all, as STEAM_ID, and says to set it when it is not', async () => {
    const client = await connect({ STEAM_ID: 'alice' });
    expect((await call('steam_inventory', { who: 'me', limit: 2 }, client)).data).toMatchObject({
      steamid64: PUBLIC,
      returned: 2,
    });
    expect((await call('steam_inventory', { limit: 2 }, client)).data).toMatchObject({ steamid64: PUBLIC });
    expect((await call('steam_resolve_id', {}, client)).data).toEqual({ steamid64: PUBLIC });
    const unset = await call('steam_inventory', {});
    expect(unset.result.isError).toBe(true);
    expect(unset.text).toMatch(
      /^invalid_input \(steamid\): "me" stands for your own account, but STEAM_ID is not set/,
    );
  });

  it('takes app and context ids with leading zeros, as text or numbers, as the CLI and gateway do', async () => {
    const { data } = await call('steam_inventory', { who: PUBLIC, appid: '0730', contextid: '02', limit: 1 });
    expect(data).toMatchObject({ appid: 730, contextid: '2', returned: 1 });
    const bad = await call('steam_inventory', { who: PUBLIC, appid: '0' });
    expect(bad.text).toMatch(/^invalid_input \(appid\): app id must be a positive number/);
  });

  it('explains EResult 55 from the library table: no inventory of that app, not temporary', async () => {
    const { result, text } = await call('steam_inventory', { who: PUBLIC, appid: 999999 });
    expect(result.isError).toBe(true);
    expect(text).toMatch(
      /^no_inventory: .*EResult 55 \(RemoteCallFailed\): Steam has no inventory of this app for this account.*not temporary/,
    );
    expect(text).not.toMatch(/retrying later may succeed/);
  });

  it("refuses a profile URL on a host that is not Steam's", async () => {
    const { text } = await call('steam_inventory', { who: `https://evil.example/profiles/${PUBLIC}` });
    expect(text).toMatch(/^invalid_input \(steamid\): .*evil\.example is not Steam/);
  });

  it('refuses out-of-range input before calling the library', async () => {
    const { result, text } = await call('steam_inventory', { who: PUBLIC, limit: 5001 });
    expect(result.isError).toBe(true);
    expect(text).toMatch(/limit/);
  });
});

describe('after Steam rate-limits the server', () => {
  it('answers at once with the wait instead of hanging through the cool-down', async () => {
    const strict = await startEmulator({
      scenario: {
        steam: {
          users: { [PUBLIC]: { inventories: { '730/2': { size: 5 } } } },
          rateLimit: { minIntervalMs: 60_000 },
        },
      },
    });
    try {
      const client = await connect({ GAMESTASH_STEAM_COMMUNITY_URL: strict.url });
      expect((await call('steam_inventory', { who: PUBLIC }, client)).result.isError).toBeFalsy();
      const limited = await call('steam_inventory', { who: PUBLIC }, client);
      expect(limited.text).toMatch(/^rate_limited: .*retry in 60s, not sooner/);
      // The host now cools down for a minute: the next call must say so, not wait it out.
      const started = performance.now();
      const held = await call('steam_inventory', { who: PUBLIC }, client);
      expect(performance.now() - started).toBeLessThan(5000);
      expect(held.result.isError).toBe(true);
      expect(held.text).toMatch(
        /^rate_limited: requests upstream are held back .*retry in (59|60)s, not sooner/,
      );
      expect(strict.stats.count({ status: 429 })).toBe(1);
    } finally {
      await strict.close();
    }
  });
});

describe('steam_resolve_id', () => {
  it('resolves trade URLs offline and vanity names through the Web API', async () => {
    const trade = await call('steam_resolve_id', {
      who: 'https://steamcommunity.com/tradeoffer/new/?partner=52079950&token=YDAlR4bC',
    });
    expect(trade.data).toEqual({ steamid64: '76561198012345678', tradeToken: 'YDAlR4bC' });
    expect((await call('steam_resolve_id', { who: 'alice' })).data).toEqual({ steamid64: PUBLIC });
    const missing = await call('steam_resolve_id', { who: 'nobody_here' });
    expect(missing.text).toMatch(/^not_found: .*"nobody_here"/);
  });

  it('reports a refused Web API key without echoing it', async () => {
    const client = await connect({ STEAM_API_KEY: 'F'.repeat(32) });
    const { result, text } = await call('steam_resolve_id', { who: 'alice' }, client);
    expect(result.isError).toBe(true);
    expect(text).toMatch(/^authentication_failed: .*STEAM_API_KEY/);
  });
});

describe('secrets', () => {
  it('never appear in any tool answer', () => {
    expect(answers.length).toBeGreaterThan(10);
    for (const answer of answers) for (const secret of SECRETS) expect(answer).not.toContain(secret);
  });
});
