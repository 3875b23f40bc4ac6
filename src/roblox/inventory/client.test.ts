/**
 * RobloxInventoryClient against the emulator over real HTTP: pagination and both end
 * markers, short pages, query-bound tokens, bad input refused before any request, every
 * error shape, retries, and tolerance of values Roblox adds later.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import {
  AuthenticationError,
  InvalidInputError,
  NotFoundError,
  PrivateError,
  UpstreamInvalidRequestError,
} from '../../core/errors.js';
import { HttpClient } from '../../core/http/client.js';
import { createRobloxModule } from '../../emulator/roblox/module.js';
import { serveModules, type RunningEmulator } from '../../emulator/server.js';
import { RobloxInventoryClient } from './client.js';
import { RobloxInventoryFilter } from './filter.js';
import { createRobloxInventoryClient } from './from-config.js';

const KEY = 'client-test-key-123';
let emulator: RunningEmulator;
let http: HttpClient;

beforeAll(async () => {
  emulator = await serveModules({
    modules: [
      createRobloxModule({
        users: {
          '200': { assets: 200 },
          '250': { assets: 250 },
          '8': { assets: 3, badges: 3, gamePasses: 3, shortPages: true },
          '9': { assets: 2, private: true },
          '31': { assets: 1 },
          '32': { assets: 1 },
          '33': { assets: 1 },
          '40': {
            assets: 1,
            extraItems: [
              { path: 'users/40/inventory-items/QlVORExF', bundleDetails: { bundleId: '77' } },
              {
                path: 'users/40/inventory-items/x',
                assetDetails: { assetId: '5', inventoryItemAssetType: 'HOLOGRAM' },
              },
            ],
          },
        },
        apiKeys: { [KEY]: { owner: 'me' } },
        oauthTokens: { 'client-test-token-456': { userId: '1' } },
        rateLimits: { apiKeyPerMinute: 600_000, oauthPerMinute: 600_000 },
        faults: [
          { status: 500, count: 2, userId: '31' },
          { status: 503, count: 1, userId: '32' },
          { status: 200, count: 1, userId: '33' },
        ],
      }),
    ],
  });
  http = new HttpClient({ baseDelayMs: 5, maxDelayMs: 20 });
});
afterAll(async () => {
  await http.close();
  await emulator.close();
});
beforeEach(() => emulator.reset());

const client = (extra: Partial<ConstructorParameters<typeof RobloxInventoryClient>[0]> = {}) =>
  new RobloxInventoryClient({ apiUrl: emulator.url, apiKey: KEY, perMinute: 600_000, http, ...extra });
const requests = (userId?: string) =>
  emulator.stats.count({ pathPrefix: userId ? `/cloud/v2/users/${userId}/` : '/cloud/v2/users/' });

describe('listing', () => {
  it('asks for 100 per page and reads the empty last page of an exact multiple as the end', async () => {
    const items = await client().list('200');
    expect(items).toHaveLength(200);
    expect(new Set(items.map((i) => i.instanceId)).size).toBe(200);
    expect(requests('200')).toBe(3);
    expect(emulator.stats.requests[0]!.path).toBe('/cloud/v2/users/200/inventory-items');
  });

  it('costs ceil(N/100) requests otherwise', async () => {
    expect(await client().list('250')).toHaveLength(250);
    expect(requests('250')).toBe(3);
  });

  it('keeps going after short pages', async () => {
    const pages = [];
    for await (const page of client().pages('8')) pages.push(page.items.map((i) => i.kind));
    expect(pages).toEqual([
      ['asset', 'asset', 'asset'],
      ['badge', 'badge', 'badge'],
      ['gamePass', 'gamePass', 'gamePass'],
    ]);
  });

  it('stops at a limit without asking for more pages', async () => {
    expect(await client().list('250', { limit: 150 })).toHaveLength(150);
    expect(requests('250')).toBe(2);
  });

  it('honours a smaller page size and exposes rate-limit headers', async () => {
    const page = await client().page(250, { pageSize: 7 });
    expect(page.items).toHaveLength(7);
    expect(page.nextPageToken).toBeTruthy();
    expect(page.rateLimit.limit).toBe(600_000);
  });

  it('keeps kinds and asset types it does not know', async () => {
    const items = await client().list('40');
    expect(items.map((i) => [i.kind, i.assetType])).toEqual([
      ['asset', expect.any(String)],
      ['unknown', undefined],
      ['asset', 'HOLOGRAM'],
    ]);
  });

  it('accepts an OAuth2 token', async () => {
    const viaToken = new RobloxInventoryClient({
      apiUrl: emulator.url,
      oauthToken: 'client-test-token-456',
      http,
    });
    expect(viaToken.rateBudget.perMinute).toBe(20);
    expect(await viaToken.list('31', { limit: 0 })).toEqual([]);
    expect(
      await new RobloxInventoryClient({
        apiUrl: emulator.url,
        oauthToken: 'client-test-token-456',
        http,
        perMinute: 600_000,
      }).list('250'),
    ).toHaveLength(250);
  });
});

describe('bad input is refused before any request', () => {
  it.each([
    [
      'a non-numeric user id',
      () => client().list('12ab'),
      /Roblox user id must be a positive number, got "12ab"/,
    ],
    ['a negative user id', () => client().list(-5), /positive number/],
    [
      'a mixed filter',
      () => client().list('200', { filter: 'badges=true;assetIds=1' }),
      /cannot be combined/,
    ],
    [
      'a page size above 100',
      () => client().list('200', { pageSize: 101 }),
      /page size must be a whole number from 1 to 100/,
    ],
    ['a page size of 0', () => client().list('200', { pageSize: 0 }), /page size/],
    [
      'a bad id to check',
      () => client().owns('200', { assetIds: ['1', 'x'] }),
      /"x" is not a numeric Roblox id/,
    ],
    ['a negative limit', () => client().list('200', { limit: -1 }), /limit must be/],
  ])('%s', async (_name, call, message) => {
    await expect(call()).rejects.toThrow(InvalidInputError);
    await expect(call()).rejects.toThrow(message);
    expect(requests()).toBe(0);
  });

  it('a missing credential names the environment variables', () => {
    expect(() => new RobloxInventoryClient({ apiUrl: emulator.url })).toThrow(
      /ROBLOX_API_KEY .*ROBLOX_OAUTH_TOKEN/,
    );
    expect(() => createRobloxInventoryClient(loadConfig({}))).toThrow(/ROBLOX_API_KEY/);
    expect(() => new RobloxInventoryClient({ apiKey: 'abcdef1', oauthToken: 'abcdef2' })).toThrow(/not both/);
  });
});

describe('upstream errors', () => {
  it('maps 401 (gateway shape) without leaking the key', async () => {
    const error = await client({ apiKey: 'wrong-key-do-not-print' })
      .list('200')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/Invalid API Key/);
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain(
      'wrong-key-do-not-print',
    );
  });

  it('maps 403, 404 and 400', async () => {
    await expect(client().list('9')).rejects.toThrow(PrivateError);
    await expect(client().list('404404')).rejects.toThrow(NotFoundError);
    const first = await client().page('250', { pageSize: 10 });
    await expect(client().page('250', { pageSize: 20, pageToken: first.nextPageToken! })).rejects.toThrow(
      UpstreamInvalidRequestError,
    );
    await expect(
      client().page('250', { filter: RobloxInventoryFilter.types({ privateServers: true }) }),
    ).rejects.toThrow(/needs Inventory read permission/);
  });

  it('retries 500, 503 and truncated bodies', async () => {
    for (const user of ['31', '32', '33']) expect(await client().list(user)).toHaveLength(1);
    expect(requests('31')).toBe(3);
    expect(requests('32')).toBe(2);
    expect(requests('33')).toBe(2);
  });

  it('reads a last page whose token is left out', async () => {
    const omitted = await serveModules({
      modules: [
        createRobloxModule({
          users: { '5': { assets: 150 } },
          apiKeys: { [KEY]: { owner: 'me' } },
          endToken: 'omitted',
        }),
      ],
    });
    try {
      expect(await client({ apiUrl: omitted.url }).list('5')).toHaveLength(150);
      expect(omitted.stats.count()).toBe(2);
    } finally {
      await omitted.close();
    }
  });
});
