/**
 * Benchmark: webhook deliveries. A gateway in its own process publishes 10,000 events to one
 * webhook on a loopback receiver (this process) that fails 20% of first attempts (HTTP 500);
 * every event must arrive, and no event id may be answered 2xx twice (the receiver's
 * de-duplication would hide such a duplicate, so the raw count is reported too). Run for the
 * store's queue (SQLite, and PostgreSQL) and for BullMQ (Redis + PostgreSQL).
 *
 *   node --import tsx bench/webhooks.ts [--events 10000] [--fail 0.2] [--only store-sqlite,store-postgres,bullmq]
 *
 * Throughput is events delivered per second from the first publish to the last delivery;
 * the publish rate (durable: each event and its delivery committed) is reported apart.
 */
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyWebhookSignature } from '../src/webhooks/signature.js';
import { startPostgres, type PostgresServer } from '../test/services/postgres.js';
import { startRedis, type RedisServer } from '../test/services/redis.js';
import { check, createKey, spawnChild } from './gateway-support.js';
import { fmt, printTable } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '10000' },
    fail: { type: 'string', default: '0.2' },
    only: { type: 'string', default: 'store-sqlite,store-postgres,bullmq' },
  },
});
const EVENTS = Number(values.events);
const FAIL = Number(values.fail);
const setups = values.only.split(',');

/** The receiver: counts requests per event id, fails the first attempt of a fixed 20%. */
function receiver() {
  const attempts = new Map<string, number>();
  const ok = new Map<string, number>();
  let requests = 0;
  let badSignatures = 0;
  let lastOkAt = 0;
  let secret = '';
  const failFirst = (id: string) => {
    // A fixed share of ids, spread evenly (every 5th for 0.2): the same ones every run.
    const n = Number(id.slice(4));
    return Math.floor((n + 1) * FAIL) !== Math.floor(n * FAIL);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests++;
      const raw = Buffer.concat(chunks);
      const id = String(req.headers['gamestash-event-id']);
      if (!verifyWebhookSignature(secret, req.headers['gamestash-signature'] as string, raw)) badSignatures++;
      const nth = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, nth);
      if (nth === 1 && failFirst(id)) return void res.writeHead(500).end();
      ok.set(id, (ok.get(id) ?? 0) + 1);
      lastOkAt = performance.now();
      res.writeHead(204).end();
    });
  });
  return {
    server,
    setSecret: (s: string) => (secret = s),
    stats: () => ({
      requests,
      badSignatures,
      lastOkAt,
      delivered: ok.size,
      duplicates: [...ok.values()].reduce((n, c) => n + c - 1, 0),
      failedFirst: [...attempts.keys()].filter(failFirst).length,
    }),
  };
}

async function run(
  name: string,
  env: Record<string, string>,
  store: { databaseUrl?: string; sqlitePath?: string },
) {
  const rx = receiver();
  await new Promise<void>((resolve) => rx.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(rx.server.address() as AddressInfo).port}/hook`;
  const key = await createKey(store);
  const gateway = await spawnChild(['webhooks'], {
    GAMESTASH_PORT: '0',
    GAMESTASH_LOG_LEVEL: 'warn',
    GAMESTASH_WEBHOOK_ALLOW_PRIVATE: '1',
    GAMESTASH_WEBHOOK_RETRY_BASE_MS: '100',
    GAMESTASH_WEBHOOK_CONCURRENCY: '32',
    ...env,
  });
  try {
    const res = await fetch(`${gateway.url}/v1/webhooks`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({ url, events: ['*'] }),
    });
    if (res.status !== 201) throw new Error(`webhook creation answered ${res.status}: ${await res.text()}`);
    rx.setSecret(((await res.json()) as { secret: string }).secret);
    const started = performance.now();
    const published = (await gateway.ask(`publish ${EVENTS} 32`)) as { ms: number };
    const deadline = Date.now() + 15 * 60_000;
    while (rx.stats().delivered < EVENTS && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const stats = rx.stats();
    const seconds = (stats.lastOkAt - started) / 1000;
    return {
      setup: name,
      events: EVENTS,
      delivered: stats.delivered,
      'first attempts failed': stats.failedFirst,
      requests: stats.requests,
      'raw 2xx duplicates': stats.duplicates,
      'bad signatures': stats.badSignatures,
      'publish/s': Math.round(EVENTS / (published.ms / 1000)),
      'delivered/s': Math.round(stats.delivered / seconds),
      'total s': fmt(seconds, 1),
    };
  } finally {
    await gateway.stop();
    await new Promise((resolve) => rx.server.close(resolve));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'gamestash-bench-webhooks-'));
let pg: PostgresServer | undefined;
let redis: RedisServer | undefined;
const rows: Awaited<ReturnType<typeof run>>[] = [];
try {
  if (setups.some((s) => s !== 'store-sqlite')) pg = await startPostgres();
  if (setups.includes('store-sqlite')) {
    const sqlitePath = join(dir, 'webhooks.sqlite');
    rows.push(await run('store queue, SQLite', { GAMESTASH_SQLITE_PATH: sqlitePath }, { sqlitePath }));
  }
  if (setups.includes('store-postgres')) {
    const databaseUrl = await pg!.createDatabase('webhooks_store');
    rows.push(await run('store queue, PostgreSQL', { GAMESTASH_DATABASE_URL: databaseUrl }, { databaseUrl }));
  }
  if (setups.includes('bullmq')) {
    redis = await startRedis();
    const databaseUrl = await pg!.createDatabase('webhooks_bullmq');
    rows.push(
      await run(
        'BullMQ, Redis + PostgreSQL',
        { GAMESTASH_DATABASE_URL: databaseUrl, GAMESTASH_REDIS_URL: redis.url },
        { databaseUrl },
      ),
    );
  }
} finally {
  await Promise.all([pg?.stop(), redis?.stop()]);
  rmSync(dir, { recursive: true, force: true });
}

printTable(rows);
let ok = true;
for (const row of rows) {
  ok =
    check(row.delivered === EVENTS, `${row.setup}: all ${EVENTS} events delivered (${row.delivered})`) && ok;
  ok = check(row['raw 2xx duplicates'] === 0, `${row.setup}: no event id answered 2xx twice`) && ok;
  ok = check(row['bad signatures'] === 0, `${row.setup}: every signature verifies`) && ok;
}
process.exitCode = ok ? 0 : 1;
