/**
 * Two gateway instances on one real Redis and one real PostgreSQL, with traffic running,
 * while each store is killed and restarted. Every answer is checked: 200, or 503 with
 * Retry-After and a clean body naming the store that is away; never a 500, never a driver's
 * words. Then each instance recovers by itself, and what the outage held back (usage counts,
 * cache entries fetched meanwhile) reaches PostgreSQL once it is back.
 *
 * What each outage may cost (docs/gateway.md, "When a store fails"):
 * - Redis away: cached inventories answer 200; a cold one needs the shared pacing, so 503
 *   `store_unavailable` naming Redis; quotas count per instance; /readyz is 503.
 * - PostgreSQL away: cached inventories answer 200 from memory; a cold one is fetched from
 *   Steam (a store read is a miss) and its write kept for later; a known key keeps working
 *   from its remembered lookup; a key never seen is 503 naming PostgreSQL; /readyz is 503.
 */
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { startGateway, type Answer, type TestGateway } from '../../test/services/gateway.js';
import { startPostgres, type PostgresServer } from '../../test/services/postgres.js';
import { startRedis, type RedisServer } from '../../test/services/redis.js';

type Phase = 'up' | 'redis-down' | 'redis-back' | 'recovered' | 'pg-down' | 'pg-back' | 'after';
/** A request that started in one phase and ended in the next is only held to the rules of all. */
type SeenPhase = Phase | 'transition';
type Kind = 'cached' | 'cold' | 'ready' | 'unknown-key';

interface Seen {
  phase: SeenPhase;
  kind: Kind;
  gateway: number;
  path: string;
  res: Answer;
}

/** What a library or driver says; none of it may reach a caller. */
const INTERNALS =
  /Stream isn't writeable|enableOfflineQueue|Connection is closed|ECONNREFUSED|Connection terminated|ioredis|\bpg\b|terminating connection|\bat .+:\d+:\d+|node_modules/i;
const CACHED = ['76561198000500001', '76561198000500002', '76561198000500003'];

let pgServer: PostgresServer;
let redis: RedisServer;
let emulator: StartedEmulator;
const gateways: TestGateway[] = [];
let databaseUrl: string;
let key: string;
let unusedKey: string;
let phase: Phase = 'up';
let cold = 0;
const seen: Seen[] = [];
const logs: string[] = [];

beforeAll(async () => {
  [pgServer, redis, emulator] = await Promise.all([
    startPostgres(),
    startRedis(),
    startEmulator({ scenario: { steam: { defaultInventorySize: 5 } } }),
  ]);
  databaseUrl = await pgServer.createDatabase('outage');
  const env = {
    GAMESTASH_DATABASE_URL: databaseUrl,
    GAMESTASH_REDIS_URL: redis.url,
    // Short, so that key checks during the PostgreSQL outage go past the normal cache.
    GAMESTASH_KEY_CACHE_MS: '200',
  };
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  // One after another: the first runs the migrations.
  for (let i = 0; i < 2; i++)
    gateways.push(await startGateway({ emulatorUrl: emulator.url, env, logStream }));
  key = await gateways[0]!.key({ name: 'traffic' });
  unusedKey = await gateways[0]!.key({ name: 'never-seen' });
});
afterAll(async () => {
  await Promise.all(gateways.map((g) => g.close()));
  await Promise.all([pgServer?.stop(), redis?.stop(), emulator?.close()]);
});

const inventory = (steamid: string, apiKey = key) =>
  `/inventory?steamid=${steamid}&gameid=730&contextid=2&api_key=${apiKey}`;

async function call(gateway: number, kind: Kind, path: string): Promise<Seen> {
  const started = phase;
  const res = await gateways[gateway]!.get(path);
  const entry: Seen = { phase: started === phase ? started : 'transition', kind, gateway, path, res };
  seen.push(entry);
  return entry;
}

/** One round of traffic: cached and cold inventories on both instances, and readiness. */
async function round(): Promise<void> {
  const id = String(76561198000600000n + BigInt(cold++));
  await Promise.all([
    call(0, 'cached', inventory(CACHED[cold % 3]!)),
    call(1, 'cached', `/v1/steam/inventory/${CACHED[(cold + 1) % 3]}/730/2?api_key=${key}`),
    // The same cold inventory on both: one leads, the other follows (or leads alone).
    call(0, 'cold', inventory(id)),
    call(1, 'cold', inventory(id)),
    call(cold % 2, 'ready', '/readyz'),
  ]);
}

/** Runs rounds back to back until stopped. */
function traffic() {
  let running = true;
  const loop = (async () => {
    while (running) {
      await round();
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}

/** Keeps the traffic running for `ms`. */
const during = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds (traffic keeps running meanwhile), bounded. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await during(200);
  }
}

const inPhase = (p: Phase, kind?: Kind) => seen.filter((s) => s.phase === p && (!kind || s.kind === kind));
const statuses = (list: Seen[]) => [...new Set(list.map((s) => s.res.status))].sort();

describe('two instances while Redis and PostgreSQL are killed and restarted', () => {
  it('answer 200 or a clean 503 throughout, and recover by themselves', async () => {
    for (const id of CACHED)
      for (const i of [0, 1]) expect((await call(i, 'cached', inventory(id))).res.status).toBe(200);
    const stop = traffic();
    try {
      await during(300);

      phase = 'redis-down';
      await redis.kill();
      await during(1_500);

      phase = 'redis-back';
      await redis.restart();
      await until(async () => {
        const id = String(76561198000700000n + BigInt(cold++));
        const answers = await Promise.all([call(0, 'cold', inventory(id)), call(1, 'cold', inventory(id))]);
        return answers.every((a) => a.res.status === 200);
      }, 'cold inventories answered again after Redis came back');
      await until(
        async () =>
          (await Promise.all([0, 1].map((i) => call(i, 'ready', '/readyz')))).every(
            (a) => a.res.status === 200,
          ),
        '/readyz ready again after Redis came back',
      );

      phase = 'recovered';
      await during(300);

      phase = 'pg-down';
      await pgServer.kill();
      await during(1_000);
      for (const i of [0, 1]) await call(i, 'unknown-key', inventory(CACHED[0]!, unusedKey));
      await during(500);

      phase = 'pg-back';
      await pgServer.restart();
      await until(
        async () =>
          (await Promise.all([0, 1].map((i) => call(i, 'ready', '/readyz')))).every(
            (a) => a.res.status === 200,
          ),
        '/readyz ready again after PostgreSQL came back',
      );
      phase = 'after';
      await during(300);
    } finally {
      await stop();
    }

    // Every answer: 200, or 503 with Retry-After and a body naming the store, nothing else.
    const failures = seen.filter((s) => s.res.status !== 200);
    for (const { res, path, phase: p } of failures) {
      const context = `${p} ${path}: ${res.status} ${res.text}`;
      expect(res.status, context).toBe(503);
      expect(res.headers.get('retry-after'), context).toMatch(/^\d+$/);
      expect(res.headers.get('content-type'), context).toMatch(/^application\/json/);
      expect(res.body.status, context).toBe(503);
      expect(['store_unavailable', 'not_ready'], context).toContain(res.body.error.code);
      expect(res.body.error.message, context).toMatch(/\b(Redis|PostgreSQL)\b/);
      expect(res.text, context).not.toMatch(INTERNALS);
    }

    // Before and between the outages, and after them: all 200.
    for (const p of ['up', 'recovered', 'after'] as const) {
      const odd = inPhase(p).filter((s) => s.res.status !== 200);
      expect(
        odd.map((s) => `${s.kind} ${s.gateway} ${s.res.text}`),
        p,
      ).toEqual([]);
    }

    // Redis away: cached inventories still answer; cold ones and readiness name Redis.
    expect(statuses(inPhase('redis-down', 'cached'))).toEqual([200]);
    const redisFailures = [...inPhase('redis-down'), ...inPhase('redis-back')].filter(
      (s) => s.res.status !== 200,
    );
    expect(
      redisFailures.some((s) => s.kind === 'cold' && s.res.body.error.code === 'store_unavailable'),
    ).toBe(true);
    expect(redisFailures.some((s) => s.kind === 'ready')).toBe(true);
    expect(redisFailures.every((s) => /\bRedis\b/.test(s.res.body.error.message))).toBe(true);

    // PostgreSQL away: every inventory answers, cached or cold (fetched upstream); known keys
    // keep working; a key never seen cannot be checked; readiness names PostgreSQL.
    for (const kind of ['cached', 'cold'] as const)
      expect(statuses(inPhase('pg-down', kind)), kind).toEqual([200]);
    expect(inPhase('pg-down', 'cold').length).toBeGreaterThan(4);
    for (const s of inPhase('pg-down', 'unknown-key')) {
      expect(s.res.status).toBe(503);
      expect(s.res.body.error.code).toBe('store_unavailable');
      expect(s.res.body.error.message).toMatch(/\bPostgreSQL\b/);
    }
    expect(inPhase('pg-down', 'ready').some((s) => s.res.status === 503)).toBe(true);
    const pgFailures = [...inPhase('pg-down'), ...inPhase('pg-back')].filter((s) => s.res.status !== 200);
    expect(pgFailures.every((s) => /\bPostgreSQL\b/.test(s.res.body.error.message))).toBe(true);

    // The log says when each store went and came back, and never carries a 500's stack.
    const text = logs.join('\n');
    for (const line of [
      'Redis is unavailable',
      'Redis is available again',
      'PostgreSQL is unavailable',
      'PostgreSQL is available again',
    ])
      expect(text).toContain(line);
    expect(text).not.toContain('unexpected failure');
    expect(logs.filter((l) => (JSON.parse(l) as { level: number }).level >= 50)).toEqual([]);
  });

  it('write what the PostgreSQL outage held back once it is back: usage counts and cache entries', async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      // Every answer to the traffic key was counted, those during the outage included.
      const answered = seen.filter((s) => s.path.includes(key)).length;
      await until(async () => {
        const { rows } = await client.query<{ request_count: string }>(
          'select request_count from api_keys where name = $1',
          ['traffic'],
        );
        return Number(rows[0]?.request_count) === answered;
      }, `usage count reaching ${answered}`);

      // Inventories first fetched while PostgreSQL was away were stored once it was back.
      const fetched = [
        ...new Set(
          inPhase('pg-down', 'cold')
            .filter((s) => s.res.status === 200)
            .map((s) => new URL(s.path, 'http://x').searchParams.get('steamid')!),
        ),
      ];
      expect(fetched.length).toBeGreaterThan(1);
      const keys = fetched.map((id) => `steam-inventory:v1:${id}/730/2:english:public`);
      await until(async () => {
        const { rows } = await client.query('select cache_key from cache_entries where cache_key = any($1)', [
          keys,
        ]);
        return rows.length === keys.length;
      }, 'cache entries kept during the outage reaching PostgreSQL');
      expect(gateways.map((g) => g.app.services.cacheWrites.size)).toEqual([0, 0]);
    } finally {
      await client.end();
    }
  });
});
