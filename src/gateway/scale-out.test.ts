/**
 * Several gateway instances on one Redis and one PostgreSQL (both real, started here):
 * shared keys and cache, one upstream fetch per inventory across instances, one upstream
 * spacing per egress IP (zero 429s from an emulator that enforces it, where the same load
 * without Redis earns 429s), shared quotas, and a restart that loses nothing.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { startPostgres, type PostgresServer } from '../../test/services/postgres.js';
import { startRedis, type RedisServer } from '../../test/services/redis.js';
import { startGateway, type TestGateway } from '../../test/services/gateway.js';

const BIG = '76561198000005002';
const PRIVATE = '76561198000000060';
/** Steam's spacing as the emulator enforces it (GCRA) and as the gateways are configured. */
const INTERVAL = 200;
/**
 * Arrival jitter the emulator forgives. Three gateways and the emulator share this process,
 * and CI runs several test files at once on two cores: a descheduled process delays a send
 * between its pacing slot and its arrival by tens of ms. Without Redis the gaps are ~0, so
 * the contrast case below still shows what the shared queue prevents.
 */
const TOLERANCE = 100;
let pg: PostgresServer;
let redis: RedisServer;
let emulator: StartedEmulator;
let db = 0;

beforeAll(async () => {
  [pg, redis, emulator] = await Promise.all([
    startPostgres(),
    startRedis(),
    startEmulator({
      scenario: {
        steam: {
          users: { [BIG]: { inventories: { '730/2': { size: 5000 } } }, [PRIVATE]: { private: true } },
          defaultInventorySize: 10,
          rateLimit: { minIntervalMs: INTERVAL, toleranceMs: TOLERANCE },
        },
      },
    }),
  ]);
});
// A 429 in one case must not hold the shared pacing key back in the next. (The last case
// stops Redis: it must stay last.)
beforeEach(async () => {
  const client = new Redis(redis.url);
  await client.flushall();
  client.disconnect();
});
afterAll(async () => {
  await Promise.all([pg?.stop(), redis?.stop(), emulator?.close()]);
});

async function cluster(size: number, options: { redis?: boolean; databaseUrl?: string; url?: string } = {}) {
  const databaseUrl = options.databaseUrl ?? (await pg.createDatabase(`scale_${++db}`));
  const env: Record<string, string> = {
    GAMESTASH_DATABASE_URL: databaseUrl,
    GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: String(INTERVAL),
    ...(options.redis === false ? {} : { GAMESTASH_REDIS_URL: redis.url }),
  };
  // One after another: the first runs the migrations, the others find them done.
  const gateways: TestGateway[] = [];
  for (let i = 0; i < size; i++)
    gateways.push(await startGateway({ emulatorUrl: options.url ?? emulator.url, env }));
  return { gateways, databaseUrl, close: () => Promise.all(gateways.map((g) => g.close())) };
}

const inventories = (prefix = '/inventory/') => emulator.stats.count({ pathPrefix: prefix });
const path = (steamid: string, key: string) =>
  `/inventory?steamid=${steamid}&gameid=730&contextid=2&api_key=${key}`;

describe('three instances on one Redis and one PostgreSQL', () => {
  it('share keys, cached entries and one upstream fetch per inventory', async () => {
    const { gateways, close } = await cluster(3);
    try {
      const key = await gateways[0]!.key();
      const before = inventories(`/inventory/${BIG}`);
      const url = `/v1/steam/inventory/${BIG}/730/2?limit=1&api_key=${key}`;
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => gateways[i % 3]!.get(url)));
      expect(answers.map((a) => a.status)).toEqual(Array(30).fill(200));
      expect(inventories(`/inventory/${BIG}`) - before).toBe(Math.ceil(5000 / 2000));
      for (const gw of gateways) {
        const res = await gw.get(path(BIG, key));
        expect(res.headers.get('x-gamestash-cache')).toBe('hit');
        expect(res.body.assets).toHaveLength(5000);
      }
      expect(inventories(`/inventory/${BIG}`) - before).toBe(3);
    } finally {
      await close();
    }
  });

  it('report one upstream failure to every waiting instance', async () => {
    const { gateways, close } = await cluster(3);
    try {
      const key = await gateways[0]!.key();
      const before = inventories(`/inventory/${PRIVATE}`);
      const answers = await Promise.all(
        Array.from({ length: 15 }, (_, i) => gateways[i % 3]!.get(path(PRIVATE, key))),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(15).fill(403));
      expect(answers.every((a) => a.body.error.code === 'private_inventory')).toBe(true);
      expect(inventories(`/inventory/${PRIVATE}`) - before).toBe(1);
    } finally {
      await close();
    }
  });

  it('keep one upstream spacing per egress IP: zero 429s under load from all three', async () => {
    const { gateways, close } = await cluster(3);
    try {
      const key = await gateways[0]!.key();
      emulator.reset();
      const ids = Array.from({ length: 12 }, (_, i) => `765611980001${String(i).padStart(5, '0')}`);
      const started = performance.now();
      const answers = await Promise.all(ids.map((id, i) => gateways[i % 3]!.get(path(id, key))));
      const elapsed = performance.now() - started;
      expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
      expect(emulator.stats.count({ status: 429 })).toBe(0);
      expect(emulator.stats.count({ pathPrefix: '/inventory/' })).toBe(12);
      // One queue for all three: 12 requests take at least 11 intervals (each counted from
      // when the previous request reached the wire, on whichever instance sent it).
      expect(elapsed).toBeGreaterThanOrEqual(11 * INTERVAL);
      const waits = await gateways[1]!.get('/metrics');
      expect(waits.text).toMatch(/gamestash_upstream_pacing_wait_seconds_sum [0-9.]+/);
    } finally {
      await close();
    }
  });

  it('(the same load without Redis earns 429s: each instance paces alone)', async () => {
    const rateLimit = { minIntervalMs: INTERVAL, toleranceMs: TOLERANCE };
    const strict = await startEmulator({ scenario: { steam: { rateLimit } } });
    const { gateways, close } = await cluster(3, { redis: false, url: strict.url });
    try {
      const key = await gateways[0]!.key();
      const ids = Array.from({ length: 9 }, (_, i) => `765611980002${String(i).padStart(5, '0')}`);
      await Promise.all(ids.map((id, i) => gateways[i % 3]!.get(path(id, key))));
      expect(strict.stats.count({ status: 429 })).toBeGreaterThan(0);
    } finally {
      await close();
      await strict.close();
    }
  });

  it("share each key's quota", async () => {
    const { gateways, close } = await cluster(3);
    try {
      const key = await gateways[0]!.key({ quotaPerMinute: 6 });
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await gateways[i % 3]!.get(path(BIG, key))).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
      expect((await gateways[2]!.get(path(BIG, key))).status).toBe(429);
    } finally {
      await close();
    }
  });

  it('lose no key, usage count or cached entry across a full restart (PostgreSQL)', async () => {
    const first = await cluster(2);
    const key = await first.gateways[0]!.key({ name: 'durable' });
    const id = '76561198000300001';
    const original = await first.gateways[0]!.get(path(id, key));
    await first.gateways[1]!.get(path(id, key));
    await first.close();
    const before = inventories(`/inventory/${id}`);

    const second = await cluster(1, { databaseUrl: first.databaseUrl });
    try {
      const again = await second.gateways[0]!.get(path(id, key));
      expect(again.status).toBe(200);
      expect(again.headers.get('x-gamestash-cache')).toBe('hit');
      expect(again.text).toBe(original.text);
      expect(inventories(`/inventory/${id}`)).toBe(before);
      const [record] = await second.gateways[0]!.app.services.keys.list();
      expect(record).toMatchObject({ name: 'durable', requestCount: 2 });
    } finally {
      await second.close();
    }
  });

  it('keep answering when Redis goes away: cached inventories, local quotas, a clear 503 otherwise', async () => {
    const { gateways, close } = await cluster(2);
    try {
      const key = await gateways[0]!.key();
      const cached = '76561198000300002';
      expect((await gateways[0]!.get(path(cached, key))).status).toBe(200);
      await redis.stop();
      const hit = await gateways[1]!.get(path(cached, key));
      expect(hit.status).toBe(200);
      expect(hit.headers.get('x-gamestash-cache')).toBe('hit');
      const cold = await gateways[1]!.get(path('76561198000300003', key));
      expect(cold.status).toBe(503);
      expect(cold.body.error.code).toBe('store_unavailable');
      expect(cold.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(cold.body.error.message).toMatch(/Redis/);
    } finally {
      await close();
    }
  });
});
