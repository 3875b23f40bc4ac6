/**
 * The cache over real HTTP on SQLite: hits, fresh=1 (and its quota), TTL expiry,
 * stale-while-revalidate, stale answers when Steam fails, isolation between keys for
 * cookie-authenticated (private) inventories, single-flight coalescing, and a restart
 * that keeps keys, usage and cached entries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import {
  startGateway,
  removeTempDirs,
  tempSqlitePath,
  type TestGateway,
} from '../../test/services/gateway.js';

const OWNER = '76561198000000050';
const OWNER_COOKIE = 'owner-session-cookie-value';
const BIG = '76561198000005001';
const SECRET = '76561198000000052';
let emulator: StartedEmulator;

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      steam: {
        users: {
          [OWNER]: { private: true, cookie: OWNER_COOKIE, inventories: { '730/2': { size: 12 } } },
          [BIG]: { inventories: { '730/2': { size: 5000 } } },
          [SECRET]: { private: true },
        },
      },
    },
  });
});
afterAll(async () => {
  await emulator?.close();
  removeTempDirs();
});

const upstream = (steamid?: string) => emulator.stats.count({ pathPrefix: `/inventory/${steamid ?? ''}` });
const path = (steamid: string, key: string, extra = '') =>
  `/inventory?steamid=${steamid}&gameid=730&contextid=2&api_key=${key}${extra}`;
let n = 0;
const nextId = () => `765611980000${String(7000 + ++n).padStart(5, '0')}`;

describe('cache lifetimes', () => {
  let gw: TestGateway;
  let key: string;
  beforeAll(async () => {
    // Long enough that two back-to-back requests on a loaded machine still fall inside it.
    const env = { GAMESTASH_CACHE_TTL_MS: '2000', GAMESTASH_CACHE_SWR_MS: '0' };
    gw = await startGateway({ emulatorUrl: emulator.url, env });
    key = await gw.key({ quotaPerMinute: 1000 });
  });
  afterAll(() => gw?.close());

  it('hits within the TTL and refetches after it', async () => {
    const id = nextId();
    expect((await gw.get(path(id, key))).headers.get('x-gamestash-cache')).toBe('miss');
    expect((await gw.get(path(id, key))).headers.get('x-gamestash-cache')).toBe('hit');
    expect(upstream(id)).toBe(1);
    await new Promise((r) => setTimeout(r, 2100));
    expect((await gw.get(path(id, key))).headers.get('x-gamestash-cache')).toBe('miss');
    expect(upstream(id)).toBe(2);
  });

  it('refetches on fresh=1, which still counts against the quota', async () => {
    const id = nextId();
    const first = await gw.get(path(id, key));
    const fresh = await gw.get(path(id, key, '&fresh=1'));
    expect(fresh.headers.get('x-gamestash-cache')).toBe('miss');
    expect(upstream(id)).toBe(2);
    expect(Number(fresh.headers.get('x-ratelimit-remaining'))).toBe(
      Number(first.headers.get('x-ratelimit-remaining')) - 1,
    );
    const tight = await gw.key({ quotaPerMinute: 1 });
    expect((await gw.get(path(id, tight, '&fresh=1'))).status).toBe(200);
    expect((await gw.get(path(id, tight, '&fresh=1'))).status).toBe(429);
    expect(upstream(id)).toBe(3);
  });
});

describe('stale-while-revalidate', () => {
  it('serves the old entry at once and refreshes it behind', async () => {
    const env = { GAMESTASH_CACHE_TTL_MS: '200', GAMESTASH_CACHE_SWR_MS: '60000' };
    const gw = await startGateway({ emulatorUrl: emulator.url, env });
    try {
      const key = await gw.key();
      const id = nextId();
      await gw.get(path(id, key));
      await new Promise((r) => setTimeout(r, 250));
      const stale = await gw.get(path(id, key));
      expect(stale.status).toBe(200);
      expect(stale.headers.get('x-gamestash-cache')).toBe('stale');
      expect(stale.headers.get('x-gamestash-stale-reason')).toBe('revalidating');
      await expect.poll(() => upstream(id)).toBe(2);
      expect((await gw.get(path(id, key))).headers.get('x-gamestash-cache')).toBe('hit');
    } finally {
      await gw.close();
    }
  });
  it('drops the old entry when the refresh finds the inventory has gone private', async () => {
    const env = { GAMESTASH_CACHE_TTL_MS: '200', GAMESTASH_CACHE_SWR_MS: '60000' };
    const gw = await startGateway({ emulatorUrl: emulator.url, env });
    const id = nextId();
    try {
      const key = await gw.key();
      expect((await gw.get(path(id, key))).status).toBe(200);
      emulator.scenario.steam.users[id] = { private: true };
      await new Promise((r) => setTimeout(r, 250));
      const stale = await gw.get(path(id, key));
      expect(stale.headers.get('x-gamestash-stale-reason')).toBe('revalidating');
      await expect.poll(() => emulator.stats.count({ pathPrefix: `/inventory/${id}`, status: 403 })).toBe(1);
      await new Promise((r) => setTimeout(r, 100));
      // The public copy is gone and the private answer remembered: no stale data, no new request.
      const refused = await gw.get(path(id, key));
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('private_inventory');
      expect(upstream(id)).toBe(2);
    } finally {
      delete emulator.scenario.steam.users[id];
      await gw.close();
    }
  });
});

describe('when Steam fails', () => {
  it('serves the last good copy, marked stale, and says why', async () => {
    const doomed = await startEmulator();
    const env = {
      GAMESTASH_CACHE_TTL_MS: '100',
      GAMESTASH_CACHE_SWR_MS: '0',
      GAMESTASH_HTTP_TIMEOUT_MS: '500',
    };
    const gw = await startGateway({ emulatorUrl: doomed.url, env });
    try {
      const key = await gw.key();
      const good = await gw.get(path(OWNER.replace(/0$/, '9'), key));
      expect(good.status).toBe(200);
      await doomed.close();
      await new Promise((r) => setTimeout(r, 150));
      const stale = await gw.get(path(OWNER.replace(/0$/, '9'), key));
      expect(stale.status).toBe(200);
      expect(stale.headers.get('x-gamestash-cache')).toBe('stale');
      expect(stale.headers.get('x-gamestash-stale-reason')).toBe('connection_failed');
      expect(stale.text).toBe(good.text);
      // With nothing cached there is nothing to fall back on: a clear 502, which names
      // neither the upstream address nor any egress proxy (the operator's business).
      const unreachable = await gw.get(path(nextId(), key));
      expect(unreachable.status).toBe(502);
      expect(unreachable.body.error.message).toBe('the gateway could not reach Steam: try again shortly');
      expect((await gw.get('/metrics')).text).toMatch(
        /gamestash_cache_lookups_total\{result="stale_error"\} 1/,
      );
    } finally {
      await gw.close();
    }
  });
});

describe('isolation between keys', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ emulatorUrl: emulator.url });
  });
  afterAll(() => gw?.close());

  it("never serves one key's cookie-authenticated (private) inventory to another key", async () => {
    const alice = await gw.key({ name: 'alice' });
    const bob = await gw.key({ name: 'bob' });
    const cookie = { 'x-steam-cookie': `steamLoginSecure=${OWNER_COOKIE}` };
    const before = upstream(OWNER);
    const mine = await gw.get(path(OWNER, alice), cookie);
    expect(mine.status).toBe(200);
    expect(mine.body.assets).toHaveLength(12);
    expect((await gw.get(path(OWNER, alice), cookie)).headers.get('x-gamestash-cache')).toBe('hit');
    // Without the session, the same key and everyone else see what Steam shows strangers
    // (one upstream 403, remembered for the anonymous cache key).
    expect((await gw.get(path(OWNER, alice))).status).toBe(403);
    expect((await gw.get(path(OWNER, bob))).status).toBe(403);
    // Another key with the same session gets its own fetch, never alice's cached copy.
    const bobs = await gw.get(path(OWNER, bob), cookie);
    expect(bobs.headers.get('x-gamestash-cache')).toBe('miss');
    expect(upstream(OWNER) - before).toBe(3);
  });

  it('remembers a private answer for a while, and asks again on fresh=1', async () => {
    const key = await gw.key();
    expect((await gw.get(path(SECRET, key))).status).toBe(403);
    expect((await gw.get(path(SECRET, key))).status).toBe(403);
    expect(upstream(SECRET)).toBe(1);
    expect((await gw.get(path(SECRET, key, '&fresh=1'))).status).toBe(403);
    expect(upstream(SECRET)).toBe(2);
  });

  it('shares public inventories between keys', async () => {
    const id = nextId();
    const [a, b] = [await gw.key(), await gw.key()];
    expect((await gw.get(path(id, a))).headers.get('x-gamestash-cache')).toBe('miss');
    expect((await gw.get(path(id, b))).headers.get('x-gamestash-cache')).toBe('hit');
    expect(upstream(id)).toBe(1);
  });

  it('takes contextid=02 as context 2: same entry, no second fetch', async () => {
    const id = nextId();
    const key = await gw.key();
    expect((await gw.get(path(id, key))).headers.get('x-gamestash-cache')).toBe('miss');
    const padded = await gw.get(`/inventory?steamid=${id}&gameid=730&contextid=002&api_key=${key}`);
    expect(padded.status).toBe(200);
    expect(padded.headers.get('x-gamestash-cache')).toBe('hit');
    expect(upstream(id)).toBe(1);
  });
});

describe('single flight', () => {
  it('turns 100 concurrent cold requests into exactly ceil(items/2000) upstream requests', async () => {
    const gw = await startGateway({ emulatorUrl: emulator.url });
    try {
      const key = await gw.key();
      const before = upstream(BIG);
      // /v1 with limit=1 shares the cache entry and the fetch, but keeps answers small.
      const url = `/v1/steam/inventory/${BIG}/730/2?limit=1&api_key=${key}`;
      const answers = await Promise.all(Array.from({ length: 100 }, () => gw.get(url)));
      expect(answers.every((a) => a.status === 200 && a.body.total_inventory_count === 5000)).toBe(true);
      expect(upstream(BIG) - before).toBe(Math.ceil(5000 / 2000));
      // Every request that missed the cache but the first joined the fetch in flight.
      const metrics = (await gw.get('/metrics')).text;
      const misses = Number(/gamestash_cache_lookups_total\{result="miss"\} (\d+)/.exec(metrics)?.[1]);
      expect(misses).toBeGreaterThan(1);
      expect(metrics).toContain(`gamestash_cache_coalesced_total ${misses - 1}`);
    } finally {
      await gw.close();
    }
  });
});

describe('restart', () => {
  it('keeps keys, usage counters and cached entries (SQLite)', async () => {
    const sqlite = tempSqlitePath();
    const env = { GAMESTASH_SQLITE_PATH: sqlite };
    const first = await startGateway({ emulatorUrl: emulator.url, env });
    const key = await first.key({ name: 'survivor', quotaPerMinute: 50 });
    const id = nextId();
    const original = await first.get(path(id, key));
    await first.get(path(id, key));
    await first.close();

    const second = await startGateway({ emulatorUrl: emulator.url, env });
    try {
      const again = await second.get(path(id, key));
      expect(again.status).toBe(200);
      expect(again.headers.get('x-gamestash-cache')).toBe('hit');
      expect(again.text).toBe(original.text);
      expect(upstream(id)).toBe(1);
      const [record] = await second.app.services.keys.list();
      expect(record).toMatchObject({ name: 'survivor', quotaPerMinute: 50, requestCount: 2 });
    } finally {
      await second.close();
    }
  });
});
