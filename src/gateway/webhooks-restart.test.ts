/**
 * Restart safety, with the gateway in a child process killed (SIGKILL) and started again:
 * killed while deliveries are in flight (receiver holding the requests), every event whose
 * publish had resolved is delivered after the restart, with the same event id, on the
 * store's queue (SQLite) and on BullMQ (Redis + PostgreSQL); killed mid-poll of a watched
 * inventory, the change is published after the restart, once, with the right diff.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { ApiKeyStore } from '../store/api-keys.js';
import { openDatabase } from '../store/database.js';
import type { Json } from '../../test/services/gateway.js';
import { completeTrade, tradable } from '../../test/services/emulator-trade.js';
import { startGatewayProcess, type GatewayProcess } from '../../test/services/gateway-process.js';
import { startPostgres, type PostgresServer } from '../../test/services/postgres.js';
import { startRedis, type RedisServer } from '../../test/services/redis.js';
import { startReceiver, type WebhookReceiver } from '../../test/services/webhook-receiver.js';

const ALICE = '76561198000009301';
const BOB = '76561198000009302';
const EVENTS = 40;
/** Events whose first attempt the receiver holds open until the gateway is killed. */
const HELD = new Set([3, 17, 25, 31, 32, 33, 34, 35, 36, 37, 38, 39].map((i) => `evt-${i}`));
let emulator: StartedEmulator;
let receiver: WebhookReceiver;
let dir: string;
const children = new Set<GatewayProcess>();

beforeAll(async () => {
  [emulator, receiver] = await Promise.all([
    startEmulator({
      scenario: {
        steam: {
          users: {
            [ALICE]: { friends: [BOB], inventories: { '440/2': { size: 30 } } },
            [BOB]: { friends: [ALICE], inventories: { '440/2': { size: 30 } } },
          },
        },
      },
    }),
    startReceiver(),
  ]);
  dir = mkdtempSync(join(tmpdir(), 'gamestash-restart-'));
});
afterAll(async () => {
  for (const child of children) await child.kill();
  await Promise.all([emulator?.close(), receiver?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const COMMON = {
  GAMESTASH_WEBHOOK_ALLOW_PRIVATE: '1',
  GAMESTASH_WEBHOOK_RETRY_BASE_MS: '100',
  GAMESTASH_WEBHOOK_RETRY_MAX_MS: '500',
  // Attempts time out after 3 s; a killed instance's leases run out 7 s after they were taken.
  GAMESTASH_WEBHOOK_TIMEOUT_MS: '3000',
  GAMESTASH_WATCH_MIN_INTERVAL_MS: '100',
  GAMESTASH_WATCH_LEASE_MS: '2000',
  GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '0',
  GAMESTASH_HTTP_RETRIES: '0',
};

async function start(env: Record<string, string>): Promise<GatewayProcess> {
  const child = await startGatewayProcess({ ...COMMON, GAMESTASH_STEAM_COMMUNITY_URL: emulator.url, ...env });
  children.add(child);
  return child;
}
async function kill(child: GatewayProcess) {
  await child.kill();
  children.delete(child);
}

async function createKey(store: { databaseUrl?: string; sqlitePath?: string }): Promise<string> {
  const database = await openDatabase(store);
  try {
    return (
      await new ApiKeyStore(database.db).create({
        name: 'bot-owner',
        scopes: ['inventory:read', 'webhooks:write'],
      })
    ).key;
  } finally {
    await database.close();
  }
}

async function api(base: string, key: string, method: string, path: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { 'x-api-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, body: (text ? JSON.parse(text) : undefined) as Json };
}

async function subscribe(base: string, key: string, path: string, events: string[]) {
  const res = await api(base, key, 'POST', '/v1/webhooks', { url: receiver.url + path, events });
  expect(res.status, res.text).toBe(201);
  receiver.secrets.set(path, res.body.secret);
  return res.body.webhook.id as string;
}
const at = (path: string) => receiver.received.filter((r) => r.path === path);

/** Publishes EVENTS events, kills the gateway while the HELD ones are mid-delivery, restarts it. */
async function killMidDelivery(
  env: Record<string, string>,
  store: { databaseUrl?: string; sqlitePath?: string },
  path: string,
) {
  const key = await createKey(store);
  let gateway = await start(env);
  const webhook = await subscribe(gateway.url, key, path, ['newOffer']);
  let killed = false;
  receiver.respond = (d, nth) =>
    d.path === path && !killed && nth === 1 && HELD.has(d.eventId) ? 'hang' : 200;
  for (let i = 0; i < EVENTS; i++) gateway.publish({ type: 'newOffer', id: `evt-${i}`, data: { i } });
  await receiver.waitFor(() => gateway.published.size === EVENTS, 60_000);
  await receiver.waitFor(
    () =>
      HELD.size ===
      new Set(
        at(path)
          .filter((r) => HELD.has(r.eventId))
          .map((r) => r.eventId),
      ).size,
    60_000,
  );
  await kill(gateway);
  killed = true;
  const before = receiver.delivered(path);
  // Mid-delivery: the held events reached the receiver but none was answered.
  for (const id of HELD) expect(before.has(id), id).toBe(false);

  gateway = await start(env);
  await receiver.waitFor(() => receiver.delivered(path).size === EVENTS, 90_000);
  const received = at(path);
  expect(receiver.delivered(path)).toEqual(new Set(Array.from({ length: EVENTS }, (_, i) => `evt-${i}`)));
  expect(received.every((r) => r.verified && r.body.id === r.eventId)).toBe(true);
  for (const id of HELD) {
    const attempts = received.filter((r) => r.eventId === id);
    // Once cut off by the crash, once after: the same event id both times.
    expect(attempts.length, id).toBeGreaterThanOrEqual(2);
    expect(new Set(attempts.map((a) => a.body.data.i))).toEqual(new Set([Number(id.slice(4))]));
  }
  const log = await api(gateway.url, key, 'GET', `/v1/webhooks/${webhook}/deliveries?limit=1000`);
  expect(log.body.deliveries).toHaveLength(EVENTS);
  expect(log.body.deliveries.filter((d: Json) => d.status !== 'delivered')).toEqual([]);
  await gateway.stop();
  children.delete(gateway);
}

describe('killed mid-delivery', () => {
  it(
    'delivers every published event after a restart: store queue on SQLite',
    { timeout: 240_000 },
    async () => {
      const sqlitePath = join(dir, 'deliveries.sqlite');
      await killMidDelivery({ GAMESTASH_SQLITE_PATH: sqlitePath }, { sqlitePath }, '/store-queue');
    },
  );

  describe('with Redis and PostgreSQL', () => {
    let pg: PostgresServer;
    let redis: RedisServer;
    beforeAll(async () => {
      [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    });
    afterAll(async () => {
      await Promise.all([pg?.stop(), redis?.stop()]);
    });

    it('delivers every published event after a restart: BullMQ', { timeout: 240_000 }, async () => {
      const databaseUrl = await pg.createDatabase('restart');
      await killMidDelivery(
        { GAMESTASH_DATABASE_URL: databaseUrl, GAMESTASH_REDIS_URL: redis.url },
        { databaseUrl },
        '/bullmq',
      );
    });
  });
});

describe('killed mid-poll', () => {
  it('publishes the change after a restart, once, with the right diff', { timeout: 240_000 }, async () => {
    const sqlitePath = join(dir, 'watch.sqlite');
    const key = await createKey({ sqlitePath });
    // Three pages 500 ms apart: a poll lasts a second, long enough to be killed in the middle.
    const env = {
      GAMESTASH_SQLITE_PATH: sqlitePath,
      GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '500',
      GAMESTASH_STEAM_INVENTORY_PAGE_SIZE: '12',
    };
    let gateway = await start(env);
    receiver.respond = () => 200;
    await subscribe(gateway.url, key, '/watch', ['inventoryChanged']);
    const watch = `/v1/steam/inventory/${ALICE}/440/2/watch`;
    expect((await api(gateway.url, key, 'POST', `${watch}?interval_ms=200`)).status).toBe(201);
    await expect
      .poll(async () => (await api(gateway.url, key, 'GET', watch)).body.watch.last_snapshot, {
        timeout: 30_000,
      })
      .not.toBeNull();
    const baseline = (await api(gateway.url, key, 'GET', watch)).body.watch.last_snapshot;

    const [give] = await tradable(emulator.url, ALICE, 440, '2', 1);
    const [receive] = await tradable(emulator.url, BOB, 440, '2', 1);
    const trade = await completeTrade(emulator, ALICE, BOB, { give: [give!], receive: [receive!] });
    const arrived = trade.assets.find((a) => a.to === ALICE)!.newAssetid;
    // Kill as soon as a poll after the trade asked for its first page.
    const pages = () => emulator.stats.count({ pathPrefix: `/inventory/${ALICE}/440/2` });
    const asked = pages();
    await receiver.waitFor(() => pages() > asked, 30_000);
    await kill(gateway);

    // Mid-poll: the baseline has not moved and the dead poller still holds its lease.
    const database = await openDatabase({ sqlitePath });
    const state = await database.db.selectFrom('watched_inventories').selectAll().executeTakeFirstOrThrow();
    await database.close();
    expect(Number(state.last_snapshot_id)).toBe(baseline);
    expect(state.lease_token).not.toBeNull();
    expect(at('/watch')).toHaveLength(0);

    gateway = await start(env);
    await receiver.waitFor(() => at('/watch').length >= 1, 60_000);
    const [event] = at('/watch');
    expect(event!.verified).toBe(true);
    expect(event!.body.id).toMatch(new RegExp(`^inventoryChanged:${baseline}:\\d+$`));
    expect(event!.body.data.counts).toMatchObject({ added: 1, removed: 1, changed: 0 });
    expect(event!.body.data.removed[0].assetid).toBe(give!.assetid);
    expect(event!.body.data.added[0].assetid).toBe(arrived);
    // Later polls find nothing new.
    const polled = (await api(gateway.url, key, 'GET', watch)).body.watch.last_polled_at;
    await expect
      .poll(async () => (await api(gateway.url, key, 'GET', watch)).body.watch.last_polled_at, {
        timeout: 30_000,
      })
      .not.toBe(polled);
    expect(at('/watch')).toHaveLength(1);
    await gateway.stop();
    children.delete(gateway);
  });
});
