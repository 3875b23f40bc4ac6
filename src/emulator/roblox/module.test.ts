/**
 * The emulator on its own, over real HTTP with plain fetch: every rule and quirk of the
 * Roblox section of UPSTREAM.md, independent of gamestash's client.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveModules, type RunningEmulator } from '../server.js';
import { createRobloxModule } from './module.js';
import type { RobloxScenario } from './scenario.js';

const KEY = 'roblox-emulator-key';
/** A key the collector (user 123456) made with Inventory read: sees private servers and places. */
const COLLECTOR = 'collector-key';
type Page = { inventoryItems: Record<string, Record<string, unknown>>[]; nextPageToken?: string };

const scenario: RobloxScenario = {
  users: {
    '123456': {
      assets: 30,
      collectibles: 12,
      badges: 4,
      gamePasses: 3,
      privateServers: 2,
      purchasedPlaces: 1,
    },
    '1001': { assets: 5, privateServers: 1, private: true },
    '200': { assets: 200 },
    '25': { assets: 25 },
    '8': { assets: 3, badges: 3, gamePasses: 3, shortPages: true },
  },
  apiKeys: {
    [KEY]: { owner: '1001', inventoryRead: true },
    [COLLECTOR]: { owner: '123456', inventoryRead: true },
    'same-owner-key': { owner: '1001' },
    'other-owner-key': { owner: '2002' },
  },
  oauthTokens: { 'token-a': { userId: '1001' }, 'token-b': { userId: '5', scopes: [] } },
  rateLimits: { apiKeyPerMinute: 600_000, oauthPerMinute: 600_000 },
};

let emulator: RunningEmulator;

async function get(path: string, headers: Record<string, string> = { 'x-api-key': KEY }) {
  const res = await fetch(`${emulator.url}${path}`, { headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

async function page(userId: string, query: Record<string, string> = {}) {
  const key = userId === '123456' ? COLLECTOR : KEY;
  const res = await get(
    `/cloud/v2/users/${userId}/inventory-items?${new URLSearchParams(query).toString()}`,
    {
      'x-api-key': key,
    },
  );
  expect(res.status).toBe(200);
  return res.body as Page;
}

async function listAll(userId: string, query: Record<string, string> = {}) {
  const pages: Page[] = [];
  let token: string | undefined;
  do {
    const p = await page(userId, { ...query, ...(token ? { pageToken: token } : {}) });
    pages.push(p);
    token = p.inventoryItems.length > 0 ? p.nextPageToken : undefined;
  } while (token);
  return pages;
}

beforeAll(async () => {
  emulator = await serveModules({ modules: [createRobloxModule(scenario)] });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

describe('pages', () => {
  it('defaults maxPageSize to 10 and silently caps it at 100', async () => {
    expect((await page('200')).inventoryItems).toHaveLength(10);
    expect((await page('200', { maxPageSize: '1000' })).inventoryItems).toHaveLength(100);
  });

  it('answers an exact multiple of the page size with a final empty page', async () => {
    const pages = await listAll('200', { maxPageSize: '100' });
    expect(pages.map((p) => p.inventoryItems.length)).toEqual([100, 100, 0]);
    expect(pages[1]!.nextPageToken).toBeTruthy();
    expect(pages[2]).toEqual({ inventoryItems: [], nextPageToken: '' });
  });

  it('ends a partial last page with an empty token', async () => {
    const pages = await listAll('25', { maxPageSize: '10' });
    expect(pages.map((p) => p.inventoryItems.length)).toEqual([10, 10, 5]);
    expect(pages[2]!.nextPageToken).toBe('');
  });

  it('can return short pages before the end', async () => {
    const pages = await listAll('8', { maxPageSize: '100' });
    expect(pages.map((p) => p.inventoryItems.length)).toEqual([3, 3, 3]);
  });

  it('binds page tokens to their query', async () => {
    const first = await page('200', { maxPageSize: '50' });
    const token = first.nextPageToken!;
    for (const query of [
      { maxPageSize: '60', pageToken: token } as Record<string, string>,
      { maxPageSize: '50', pageToken: token, filter: 'inventoryItemAssetTypes=*' },
    ]) {
      const res = await get(`/cloud/v2/users/200/inventory-items?${new URLSearchParams(query).toString()}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_ARGUMENT');
    }
    expect((await get(`/cloud/v2/users/25/inventory-items?maxPageSize=50&pageToken=${token}`)).status).toBe(
      400,
    );
    expect((await get('/cloud/v2/users/200/inventory-items?pageToken=garbage')).body.message).toBe(
      'Invalid page token.',
    );
  });
});

describe('items', () => {
  it('serves every kind in Roblox shapes: string ids, no addTime on passes, collectibles', async () => {
    const items = (await listAll('123456', { maxPageSize: '100' })).flatMap((p) => p.inventoryItems);
    const kinds = items.map((i) => Object.keys(i).find((k) => k.endsWith('Details')));
    // The owner's own key reads private servers and purchased places; others do not (below).
    expect(kinds.filter((k) => k === 'privateServerDetails')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'assetDetails')).toHaveLength(43);
    expect(kinds.filter((k) => k === 'badgeDetails')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'gamePassDetails')).toHaveLength(3);
    const passes = items.filter((i) => i.gamePassDetails);
    expect(passes.every((p) => p.addTime === undefined)).toBe(true);
    const collectible = items.find((i) => i.assetDetails?.collectibleDetails)!;
    expect(collectible.assetDetails).toMatchObject({
      assetId: expect.any(String),
      instanceId: expect.any(String),
    });
    expect(collectible.assetDetails!.collectibleDetails).toMatchObject({
      itemId: expect.any(String),
      instanceId: expect.any(String),
      instanceState: expect.stringMatching(/AVAILABLE|HOLD|UNSPECIFIED/),
      serialNumber: expect.any(Number),
    });
    expect(String(items[0]!.path)).toMatch(/^users\/123456\/inventory-items\/\S+$/);
    // Two copies of one collectible: same asset and collectible item, different instances.
    const collectibles = items.filter((i) => i.assetDetails?.collectibleDetails).map((i) => i.assetDetails!);
    const [first, second] = collectibles.filter((a) => a.assetId === collectibles[3]!.assetId);
    expect(first!.instanceId).not.toBe(second!.instanceId);
    const details = (a: Record<string, unknown>) => a.collectibleDetails as Record<string, unknown>;
    expect(details(first!).itemId).toBe(details(second!).itemId);
    expect(details(first!).instanceId).not.toBe(details(second!).instanceId);
    expect(first!.inventoryItemAssetType).toBe(second!.inventoryItemAssetType);
  });

  it('hides private servers and purchased places from callers without Inventory read', async () => {
    const res = await get('/cloud/v2/users/123456/inventory-items?maxPageSize=100', {
      'x-api-key': 'other-owner-key',
    });
    const items = (res.body as Page).inventoryItems;
    expect(items.some((i) => i.privateServerDetails)).toBe(false);
    expect(items.some((i) => i.assetDetails?.inventoryItemAssetType === 'PURCHASED_PLACE')).toBe(false);
  });
});

describe('filters', () => {
  const count = async (filter: string) =>
    (await listAll('123456', { maxPageSize: '100', filter })).flatMap((p) => p.inventoryItems).length;

  it('applies type and id fields', async () => {
    expect(await count('badges=true')).toBe(4);
    expect(await count('badges=true;gamePasses=true')).toBe(7);
    expect(await count('inventoryItemAssetTypes=*;onlyCollectibles=true')).toBe(12);
    expect(await count('onlyCollectibles=true')).toBe(0);
    expect(await count('privateServers=true')).toBe(2);
    const some = (await page('123456', { maxPageSize: '3', filter: 'inventoryItemAssetTypes=HAT' }))
      .inventoryItems;
    expect(some.every((i) => i.assetDetails!.inventoryItemAssetType === 'HAT')).toBe(true);
    const id = String(some[0]!.assetDetails!.assetId);
    expect(await count(`assetIds=${id},1`)).toBe(1);
  });

  it.each([
    ['inventoryItemAssetTypes=HAT;assetIds=1', 'Type fields and ID fields cannot be combined.'],
    ['inventoryItemAssetTypes=NOT_A_TYPE', 'Unknown asset type "NOT_A_TYPE".'],
    ['assetIds=abc', '"abc" in "assetIds" is not a numeric id.'],
    ['badges=yes', '"badges" must be true or false.'],
    ['colour=red', 'Unknown filter field "colour".'],
    ['inventoryItemAssetTypes=*,HAT', '"*" cannot be combined with other asset types.'],
  ])('refuses %s', async (filter, reason) => {
    const res = await get(`/cloud/v2/users/123456/inventory-items?filter=${encodeURIComponent(filter)}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'INVALID_ARGUMENT', message: 'The provided filter is invalid.' });
    expect(JSON.stringify(res.body.details)).toContain(JSON.stringify(reason).slice(1, -1));
  });

  it('asks for Inventory read permission for private servers and purchased places', async () => {
    for (const filter of [
      'privateServers=true',
      'privateServerIds=1',
      'inventoryItemAssetTypes=PURCHASED_PLACE',
    ]) {
      const res = await get(`/cloud/v2/users/123456/inventory-items?filter=${filter}`, {
        'x-api-key': 'same-owner-key',
      });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('PERMISSION_DENIED');
    }
  });
});

describe('errors', () => {
  it('refuses missing and unknown credentials in the gateway shape', async () => {
    for (const headers of [{}, { 'x-api-key': 'nope' }] as Record<string, string>[]) {
      const res = await get('/cloud/v2/users/123456/inventory-items', headers);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ errors: [{ code: 0, message: 'Invalid API Key' }] });
    }
    expect(
      (await get('/cloud/v2/users/123456/inventory-items', { authorization: 'Bearer nope' })).status,
    ).toBe(401);
  });

  it('answers 404 for unknown users, 400 for non-numeric ids and page sizes', async () => {
    expect((await get('/cloud/v2/users/999/inventory-items')).body).toMatchObject({ code: 'NOT_FOUND' });
    expect((await get('/cloud/v2/users/abc/inventory-items')).body).toEqual({
      code: 'INVALID_ARGUMENT',
      message: 'Invalid User ID in the request.',
    });
    expect((await get('/cloud/v2/users/25/inventory-items?maxPageSize=-1')).status).toBe(400);
  });

  it('answers 403 PERMISSION_DENIED for a private inventory, except to its owner', async () => {
    const denied = await get('/cloud/v2/users/1001/inventory-items', { 'x-api-key': 'other-owner-key' });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('PERMISSION_DENIED');
    // A key of the same owner without Inventory read permission is refused too.
    expect(
      (await get('/cloud/v2/users/1001/inventory-items', { 'x-api-key': 'same-owner-key' })).status,
    ).toBe(403);
    expect((await get('/cloud/v2/users/1001/inventory-items', { 'x-api-key': KEY })).status).toBe(200);
    expect(
      (await get('/cloud/v2/users/1001/inventory-items', { authorization: 'Bearer token-a' })).status,
    ).toBe(200);
    expect(
      (await get('/cloud/v2/users/1001/inventory-items', { authorization: 'Bearer token-b' })).status,
    ).toBe(403);
  });
});
