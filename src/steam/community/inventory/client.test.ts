/**
 * The inventory client against the emulator over real HTTP: every behaviour in
 * UPSTREAM.md's "Steam community inventory" section.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  MalformedResponseError,
  NotFoundError,
  PrivateError,
  RateLimitError,
  SessionExpiredError,
  TimeoutError,
  UpstreamInvalidRequestError,
} from '../../../core/errors.js';
import { startEmulator } from '../../../emulator/index.js';
import { startEmulatorProcess } from '../../../emulator/process.js';
import type { SteamScenarioInput } from '../../../emulator/steam/scenario.js';
import { collect } from '../../../core/paginate.js';
import { PageCapError } from './interpret.js';
import { inventoryClient, OWNER } from '../../../../test/steam-fixtures.js';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator | undefined;
const closers: (() => Promise<void>)[] = [];

async function setup(
  steam: SteamScenarioInput,
  options: Parameters<typeof inventoryClient>[1] = {},
  http = {},
) {
  emulator = await startEmulator({ scenario: { steam } });
  const { client, http: httpClient } = inventoryClient(emulator.url, options, http);
  closers.push(() => httpClient.close());
  return { client, emulator, http: httpClient };
}

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await emulator?.close();
  emulator = undefined;
});

const inv = (size: number) => ({ [OWNER]: { inventories: { '730/2': { size } } } });
const req = { steamid: OWNER, appid: 730, contextid: 2 };
const inventoryRequests = (e: Emulator) => e.stats.count({ pathPrefix: '/inventory/' });

describe('SteamInventoryClient paging', () => {
  it('walks every page at count=2000 and returns each asset once', async () => {
    const { client, emulator } = await setup({ users: inv(4500) });
    const merged = await client.fetchAll(req);
    expect(merged.assets).toHaveLength(4500);
    expect(new Set(merged.assets.map((a) => a.assetid)).size).toBe(4500);
    expect(merged.total_inventory_count).toBe(4500);
    expect(merged).not.toHaveProperty('more_items');
    expect(merged).not.toHaveProperty('last_assetid');
    expect(inventoryRequests(emulator)).toBe(3);
    const keys = new Set(merged.descriptions.map((d) => `${d.classid}_${d.instanceid}`));
    expect(keys.size).toBe(merged.descriptions.length);
    for (const a of merged.assets) expect(keys.has(`${a.classid}_${a.instanceid ?? '0'}`)).toBe(true);
  });

  it('falls back to 1000 per page when the first page at 2000 earns a null 400, and keeps 1000', async () => {
    const { client, emulator } = await setup({ users: inv(2500), inventoryPageCap: 1000 });
    expect((await client.fetchAll(req)).assets).toHaveLength(2500);
    // one refused 2000, then 3 pages of 1000
    expect(emulator.stats.count({ status: 400 })).toBe(1);
    expect(inventoryRequests(emulator)).toBe(4);
    emulator.reset();
    expect((await client.fetchAll(req)).assets).toHaveLength(2500);
    expect(inventoryRequests(emulator)).toBe(3);
    expect(emulator.stats.count({ status: 400 })).toBe(0);
    // A client for an owner's cookies (the gateway makes one per caller) knows it too.
    emulator.reset();
    expect((await client.withCookies('steamLoginSecure=other').fetchAll(req)).assets).toHaveLength(2500);
    expect(emulator.stats.count({ status: 400 })).toBe(0);
  });

  it('treats a 400 at 1000 as a real error, and keeps asking 2000 afterwards', async () => {
    const { client, emulator } = await setup({ users: inv(10), inventoryPageCap: 500 });
    for (let i = 0; i < 2; i++) {
      emulator.reset();
      const error = await client.fetchAll(req).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamInvalidRequestError);
      expect(error).not.toBeInstanceOf(PageCapError);
      // 2000 refused, then 1000 refused: both times, so the first failure taught nothing wrong.
      expect(emulator.stats.count({ status: 400 })).toBe(2);
    }
  });

  it('returns an empty inventory when Steam omits assets and descriptions', async () => {
    const { client } = await setup({ users: inv(0) });
    const merged = await client.fetchAll(req);
    expect(merged.assets).toEqual([]);
    expect(merged.descriptions).toEqual([]);
    expect(merged.total_inventory_count).toBe(0);
    expect(await collect(client.items(req))).toEqual([]);
  });

  it('stops early at a limit without fetching further pages', async () => {
    const { client, emulator } = await setup({ users: inv(4500) });
    expect(await collect(client.items({ ...req, limit: 5 }))).toHaveLength(5);
    expect(inventoryRequests(emulator)).toBe(1);
    expect((await client.fetchAll({ ...req, limit: 2100 })).assets).toHaveLength(2100);
    // Reading ahead stops at the page that can reach the limit: 2 pages, never a third.
    expect(inventoryRequests(emulator)).toBe(1 + 2);
  });

  it('asks a page read ahead for only what the limit still needs', async () => {
    const counts: (string | null)[] = [];
    const { client } = await setup(
      { users: inv(4500) },
      {},
      {
        hooks: {
          onResponse: (info: { url: string }) => counts.push(new URL(info.url).searchParams.get('count')),
        },
      },
    );
    expect((await client.fetchAll({ ...req, limit: 2500 })).assets).toHaveLength(2500);
    expect(counts).toEqual(['2000', '500']);
  });

  it('joins CS2 asset properties and fills inspect links', async () => {
    const { client } = await setup({ users: inv(200) });
    const items = await collect(client.items(req));
    const skins = items.filter((i) => i.float !== undefined);
    expect(skins.length).toBeGreaterThan(0);
    for (const skin of skins) {
      expect(skin.float).toBeGreaterThanOrEqual(0);
      expect(skin.float).toBeLessThanOrEqual(1);
      expect(Number.isInteger(skin.paintSeed)).toBe(true);
    }
    const links = items.map((i) => i.inspectLink).filter(Boolean) as string[];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).not.toMatch(/%owner_steamid%|%assetid%|%propid/);
    expect(links.some((l) => l.includes(`S${OWNER}A`))).toBe(true);
    expect(items.every((i) => i.name.length > 0)).toBe(true);
  });

  it('reads Steam community items (app 753, context 6)', async () => {
    const { client } = await setup({ users: { [OWNER]: { inventories: { '753/6': { size: 50 } } } } });
    const items = await collect(client.items({ steamid: OWNER, appid: 753, contextid: 6 }));
    expect(items.filter((i) => !i.isCurrency)).toHaveLength(50);
    expect(items.filter((i) => i.isCurrency)).toHaveLength(1);
  });

  it('reports every progress step', async () => {
    const { client } = await setup({ users: inv(4500) });
    const steps: [number, number | undefined][] = [];
    await client.fetchAll({ ...req, onProgress: (done, total) => steps.push([done, total]) });
    expect(steps).toEqual([
      [2000, 4500],
      [4000, 4500],
      [4500, 4500],
    ]);
  });
});

describe('SteamInventoryClient errors', () => {
  it('maps a private inventory (403 null) to PrivateError, and lets the owner in with cookies', async () => {
    const users = {
      [OWNER]: { private: true, cookie: 'owner-cookie-value', inventories: { '730/2': { size: 7 } } },
    };
    const { client, emulator } = await setup({ users });
    await expect(client.fetchAll(req)).rejects.toThrow(
      /is private .*set STEAM_COOKIES to the owner's session/,
    );
    // Someone else's cookies: the hint must not tell them to set what they already set.
    const stranger = client.withCookies('steamLoginSecure=someone-else');
    const refused = (await stranger.fetchAll(req).catch((e: unknown) => e)) as PrivateError;
    expect(refused).toBeInstanceOf(PrivateError);
    expect(refused.message).toMatch(/the cookies sent are not the owner's session/);
    const owner = inventoryClient(emulator.url, { cookies: 'steamLoginSecure=owner-cookie-value' });
    closers.push(() => owner.http.close());
    expect((await owner.client.fetchAll(req)).assets).toHaveLength(7);
  });

  it('maps a never set-up profile (401 null) to NotFoundError', async () => {
    const { client } = await setup({ users: { [OWNER]: { profileNotSetUp: true } } });
    await expect(client.fetchAll(req)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('retries a transient EResult 500 and succeeds', async () => {
    const { client, emulator } = await setup({ users: inv(10), faults: { script: { '1': 'eresult500' } } });
    expect((await client.fetchAll(req)).assets).toHaveLength(10);
    expect(inventoryRequests(emulator)).toBe(2);
  });

  it.each(['truncated', 'successFalse', 'eresult20'] as const)('retries %s and succeeds', async (kind) => {
    const { client, emulator } = await setup({ users: inv(10), faults: { script: { '1': kind } } });
    expect((await client.fetchAll(req)).assets).toHaveLength(10);
    expect(inventoryRequests(emulator)).toBe(2);
  });

  it('refuses persistently truncated JSON with MalformedResponseError', async () => {
    const { client } = await setup({ users: inv(10), faults: { rate: 1, kinds: ['truncated'] } });
    await expect(client.fetchAll(req)).rejects.toBeInstanceOf(MalformedResponseError);
  });

  it('times out a silent upstream', async () => {
    const { client } = await setup(
      { users: inv(10), faults: { rate: 1, kinds: ['timeout'] } },
      {},
      { timeoutMs: 200, retries: 0 },
    );
    await expect(client.fetchAll(req)).rejects.toBeInstanceOf(TimeoutError);
  });

  it('maps a redirect to /login to SessionExpiredError', async () => {
    const { client } = await setup({ users: inv(10), faults: { rate: 1, kinds: ['loginRedirect'] } });
    await expect(client.fetchAll(req)).rejects.toBeInstanceOf(SessionExpiredError);
  });

  it('maps a 429 to RateLimitError with a cool-down of minutes by default, and stops sending', async () => {
    const { client, emulator } = await setup({ users: inv(4500), rateLimit: { minIntervalMs: 60_000 } });
    const error = (await client.fetchAll(req).catch((e) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(60_000);
    expect(emulator.stats.count({ status: 429 })).toBe(1);
  });
});

describe('pacing', () => {
  it('keeps the per-IP spacing with concurrent callers: zero 429s', async () => {
    // The emulator runs in its own process so its arrival stamps are not delayed by this
    // process parsing pages (see emulator/process.ts).
    const ids = ['76561198000000101', '76561198000000102', '76561198000000103'];
    const users = Object.fromEntries(ids.map((id) => [id, { inventories: { '730/2': { size: 2100 } } }]));
    // A tolerance for arrival jitter on a loaded two-core machine (CI runs two test workers
    // beside the emulator's process): gaps under 50 ms, what unpaced concurrent callers make,
    // still earn a 429, and the wall time below shows the full spacing was kept.
    const rateLimit = { minIntervalMs: 250, toleranceMs: 200 };
    const upstream = await startEmulatorProcess({ scenario: { steam: { users, rateLimit } } });
    closers.push(() => upstream.close());
    const { client, http } = inventoryClient(upstream.url, { intervalMs: 250 });
    closers.push(() => http.close());
    const started = performance.now();
    const results = await Promise.all(ids.map((steamid) => client.fetchAll({ ...req, steamid })));
    expect(results.map((r) => r.assets.length)).toEqual([2100, 2100, 2100]);
    const stats = await upstream.stats();
    expect(stats.byStatus).toEqual({ '200': 6 });
    // Six requests spaced 250 ms apart cannot finish sooner than five intervals.
    expect(performance.now() - started).toBeGreaterThanOrEqual(5 * 250);
  });
});

describe('trade-protected items (context 16)', () => {
  it('shows context 16 to its owner only (UPSTREAM.md: 2025-07 trade protection)', async () => {
    const users = { [OWNER]: { cookie: 'owner-cookie-value', inventories: { '730/16': { size: 3 } } } };
    const { client, emulator } = await setup({ users });
    const protectedReq = { steamid: OWNER, appid: 730, contextid: 16 };
    expect((await client.fetchAll(protectedReq)).assets).toHaveLength(0);
    const owner = inventoryClient(emulator.url, { cookies: 'steamLoginSecure=owner-cookie-value' });
    closers.push(() => owner.http.close());
    expect((await owner.client.fetchAll(protectedReq)).assets).toHaveLength(3);
  });
});

describe('recently traded CS2 items (hidden from other viewers)', () => {
  it('shows them to the owner only (UPSTREAM.md: since 2024-04)', async () => {
    const users = {
      [OWNER]: { cookie: 'owner-cookie-value', inventories: { '730/2': { size: 30, hiddenRecent: 4 } } },
    };
    const { client, emulator } = await setup({ users });
    const seen = await client.fetchAll(req);
    expect(seen.assets).toHaveLength(26);
    expect(seen.total_inventory_count).toBe(26);
    const owner = inventoryClient(emulator.url, { cookies: 'steamLoginSecure=owner-cookie-value' });
    closers.push(() => owner.http.close());
    const own = await owner.client.fetchAll(req);
    expect(own.assets).toHaveLength(30);
    // The hidden ones are the newest: the others' view is the owner's minus its first four.
    expect(seen.assets.map((a) => a.assetid)).toEqual(own.assets.slice(4).map((a) => a.assetid));
  });
});

describe('fetchItems', () => {
  it('returns every normalized item, or up to a limit, with the same content as items()', async () => {
    const { client, emulator } = await setup({ users: inv(4500) });
    const bulk = await client.fetchItems(req);
    expect(bulk).toHaveLength(4500);
    expect(bulk.slice(0, 50)).toEqual(await collect(client.items({ ...req, limit: 50 })));
    emulator.reset();
    expect(await client.fetchItems({ ...req, limit: 10 })).toHaveLength(10);
    expect(inventoryRequests(emulator)).toBe(1);
  });
});
