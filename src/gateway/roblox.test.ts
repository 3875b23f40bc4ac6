/**
 * The Roblox routes over real HTTP: a gateway on SQLite pointed at the emulator's Open Cloud
 * endpoint. Pass-through pages and tokens, all pages merged, ownership checks, the cache,
 * errors in the gateway's shape, and the gateway's own key never in an answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index.js';
import { removeTempDirs, startGateway, type TestGateway } from '../../test/services/gateway.js';

const ROBLOX_KEY = 'gateway-roblox-key-123';
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let gateway: TestGateway;
let key: string;

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      roblox: {
        users: { '250': { assets: 250 }, '7': { assets: 3, badges: 2 }, '9': { assets: 2, private: true } },
        apiKeys: { [ROBLOX_KEY]: { owner: 'gateway' } },
        rateLimits: { apiKeyPerMinute: 600_000 },
      },
    },
  });
  gateway = await startGateway({
    emulatorUrl: emulator.url,
    env: {
      GAMESTASH_ROBLOX_API_URL: emulator.url,
      ROBLOX_API_KEY: ROBLOX_KEY,
      GAMESTASH_ROBLOX_API_KEY_PER_MINUTE: '600000',
    },
  });
  key = await gateway.key();
});
afterAll(async () => {
  await gateway.close();
  await emulator.close();
  removeTempDirs();
});

const robloxRequests = () => emulator.stats.count({ pathPrefix: '/cloud/v2/' });
const items = (userId: string, query = '') =>
  gateway.get(`/v1/roblox/users/${userId}/inventory-items?api_key=${key}${query}`);

describe('GET /v1/roblox/users/{userId}/inventory-items', () => {
  it('passes one page through in Roblox’s shape, and follows its token', async () => {
    const first = await items('250', '&maxPageSize=100');
    expect(first.status).toBe(200);
    expect(first.body.inventoryItems).toHaveLength(100);
    expect(first.body.nextPageToken).not.toBe('');
    const second = await items(
      '250',
      `&maxPageSize=100&pageToken=${encodeURIComponent(first.body.nextPageToken)}`,
    );
    expect(second.body.inventoryItems).toHaveLength(100);
    expect(second.body.inventoryItems[0].path).not.toBe(first.body.inventoryItems[0].path);
  });

  it('merges every page with all=1, and serves the repeat from cache', async () => {
    emulator.reset();
    const all = await items('250', '&all=1');
    expect(all.status).toBe(200);
    expect(all.body.inventoryItems).toHaveLength(250);
    expect(all.body.complete).toBe(true);
    expect(all.headers.get('x-gamestash-cache')).toBe('miss');
    const upstream = robloxRequests();
    expect(upstream).toBe(3);
    const again = await items('250', '&all=1');
    expect(again.headers.get('x-gamestash-cache')).toBe('hit');
    expect(robloxRequests()).toBe(upstream);
  });

  it('coalesces identical concurrent listings into one', async () => {
    emulator.reset();
    const answers = await Promise.all(Array.from({ length: 5 }, () => items('250', '&all=1&limit=150')));
    expect(answers.every((a) => a.status === 200 && a.body.inventoryItems.length === 150)).toBe(true);
    expect(answers[0]!.body.complete).toBe(false);
    expect(robloxRequests()).toBe(2);
  });

  it('applies filters, and explains an invalid one before asking Roblox', async () => {
    const badges = await items('7', '&filter=badges%3Dtrue');
    expect(badges.status).toBe(200);
    expect(badges.body.inventoryItems).toHaveLength(2);
    emulator.reset();
    const mixed = await items('7', '&filter=badges%3Dtrue%3BassetIds%3D1');
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.message).toMatch(/cannot be combined|type fields|id fields/i);
    expect(robloxRequests()).toBe(0);
  });

  it.each([
    ['abc', '', 'userId'],
    ['7', '&maxPageSize=500', 'maxPageSize'],
    ['7', '&pageToken=x&all=1', 'pageToken'],
  ])('rejects bad input (user %s, %s) naming %s', async (userId, query, parameter) => {
    const answer = await items(userId, query);
    expect(answer.status).toBe(400);
    expect(answer.body.error.parameter).toBe(parameter);
  });

  it('maps Roblox errors to the gateway’s shape: private 403, unknown 404', async () => {
    const hidden = await items('9');
    expect(hidden.status).toBe(403);
    expect(hidden.body.error.code).toBe('private_inventory');
    const unknown = await items('424242');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('user_not_found');
    for (const answer of [hidden, unknown]) expect(answer.text).not.toContain(ROBLOX_KEY);
  });

  it('needs a gateway key', async () => {
    const answer = await gateway.get('/v1/roblox/users/7/inventory-items');
    expect(answer.status).toBe(401);
  });
});

describe('GET /v1/roblox/users/{userId}/owns', () => {
  it('answers yes/no per id in one request', async () => {
    const listed = await items('7', '&filter=inventoryItemAssetTypes%3D*');
    const owned = listed.body.inventoryItems[0].assetDetails.assetId as string;
    emulator.reset();
    const answer = await gateway.get(`/v1/roblox/users/7/owns?assetIds=${owned},1&api_key=${key}`);
    expect(answer.status).toBe(200);
    expect(answer.body.entries).toEqual([
      { kind: 'asset', id: owned, owned: true, copies: 1 },
      { kind: 'asset', id: '1', owned: false, copies: 0 },
    ]);
    expect(answer.body.requests).toBe(1);
    expect(robloxRequests()).toBe(1);
  });

  it('rejects an id list that is not numeric', async () => {
    const answer = await gateway.get(`/v1/roblox/users/7/owns?assetIds=1,abc&api_key=${key}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.parameter).toBe('assetIds');
  });

  it('is in the OpenAPI document', async () => {
    const doc = await gateway.get('/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/v1/roblox/users/{userId}/inventory-items', '/v1/roblox/users/{userId}/owns']),
    );
  });
});
