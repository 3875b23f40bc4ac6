/**
 * Webhooks on two gateway instances sharing Redis (BullMQ) and PostgreSQL: the same events
 * published on both instances are delivered once per webhook, retried through BullMQ's
 * delayed jobs until the receiver answers; jobs lost with Redis are found again by the sweep;
 * a watched inventory is polled by one instance at a time (one baseline, one event per change).
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { openDatabase } from '../store/database.js';
import { SnapshotStore } from '../store/snapshots.js';
import { startGateway, type Json, type TestGateway, WEBHOOK_SCOPES } from '../../test/services/gateway.js';
import { completeTrade, tradable } from '../../test/services/emulator-trade.js';
import { startPostgres, type PostgresServer } from '../../test/services/postgres.js';
import { startRedis, type RedisServer } from '../../test/services/redis.js';
import { startReceiver, type WebhookReceiver } from '../../test/services/webhook-receiver.js';

const ALICE = '76561198000009201';
const BOB = '76561198000009202';
let pg: PostgresServer;
let redis: RedisServer;
let emulator: StartedEmulator;
let receiver: WebhookReceiver;
const gateways: TestGateway[] = [];
let databaseUrl: string;
let key: string;

beforeAll(async () => {
  [pg, redis, emulator, receiver] = await Promise.all([
    startPostgres(),
    startRedis(),
    startEmulator({
      scenario: {
        steam: {
          users: {
            [ALICE]: { friends: [BOB], inventories: { '440/2': { size: 25 } } },
            [BOB]: { friends: [ALICE], inventories: { '440/2': { size: 25 } } },
          },
        },
      },
    }),
    startReceiver(),
  ]);
  databaseUrl = await pg.createDatabase('webhooks');
  const env = {
    GAMESTASH_DATABASE_URL: databaseUrl,
    GAMESTASH_REDIS_URL: redis.url,
    GAMESTASH_WEBHOOK_ALLOW_PRIVATE: '1',
    GAMESTASH_WEBHOOK_RETRY_BASE_MS: '100',
    GAMESTASH_WEBHOOK_RETRY_MAX_MS: '400',
    // Long enough that a loaded machine's slow answer is not taken for a failure (and retried).
    GAMESTASH_WEBHOOK_TIMEOUT_MS: '3000',
    GAMESTASH_WATCH_MIN_INTERVAL_MS: '100',
  };
  // One after the other: the first runs the migrations.
  for (let i = 0; i < 2; i++) gateways.push(await startGateway({ emulatorUrl: emulator.url, env }));
  key = await gateways[0]!.key({ name: 'shop', scopes: WEBHOOK_SCOPES });
});
afterAll(async () => {
  await Promise.all(gateways.map((g) => g.close()));
  await Promise.all([pg?.stop(), redis?.stop(), emulator?.close(), receiver?.close()]);
});

async function api(gw: TestGateway, method: string, path: string, body?: unknown) {
  const res = await fetch(gw.url + path, {
    method,
    headers: { 'x-api-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, body: (text ? JSON.parse(text) : undefined) as Json };
}
async function subscribe(path: string, events: string[]) {
  const res = await api(gateways[1]!, 'POST', '/v1/webhooks', { url: receiver.url + path, events });
  expect(res.status, res.text).toBe(201);
  receiver.secrets.set(path, res.body.secret);
  return res.body.webhook.id as string;
}
const at = (path: string) => receiver.received.filter((r) => r.path === path);

describe('webhooks through BullMQ on two instances', () => {
  it('delivers each event once per webhook, retrying failures, whichever instance published it', async () => {
    expect(gateways.map((g) => g.app.services.webhooks.queueKind)).toEqual(['bullmq', 'bullmq']);
    const id = await subscribe('/shared', ['newOffer']);
    // Every third event fails its first two attempts.
    receiver.respond = (d, nth) => (Number(d.eventId.split('-')[1]) % 3 === 0 && nth <= 2 ? 500 : 200);
    const events = Array.from({ length: 30 }, (_, i) => ({ type: 'newOffer', id: `evt-${i}`, data: { i } }));
    // Each event published twice, once on each instance, at the same time.
    await Promise.all(events.flatMap((e) => gateways.map((g) => g.app.services.webhooks.publish(e))));
    await receiver.waitFor(() => receiver.delivered('/shared').size === 30, 60_000);
    const received = at('/shared');
    expect(received.every((r) => r.verified)).toBe(true);
    for (const e of events) {
      const attempts = received.filter((r) => r.eventId === e.id);
      expect(
        attempts.map((a) => a.attempt),
        e.id,
      ).toEqual(Number(e.id.split('-')[1]) % 3 === 0 ? [1, 2, 3] : [1]);
    }
    const log = await api(gateways[0]!, 'GET', `/v1/webhooks/${id}/deliveries?limit=100`);
    expect(log.body.deliveries).toHaveLength(30);
    expect(log.body.deliveries.every((d: Json) => d.status === 'delivered')).toBe(true);
  });

  it('finds deliveries again when their jobs are lost with Redis', async () => {
    await subscribe('/lost', ['pollFailure']);
    receiver.respond = () => 500;
    await gateways[0]!.app.services.webhooks.publish({ type: 'pollFailure', id: 'evt-lost', data: {} });
    await receiver.waitFor(() => at('/lost').length >= 1);
    // Redis forgets everything (a restart without persistence): the delayed retry job is gone.
    const client = new Redis(redis.url);
    await client.flushall();
    client.disconnect();
    receiver.respond = () => 200;
    // The sweep runs every lease (7 s here) and takes deliveries overdue by a lease.
    await receiver.waitFor(() => receiver.delivered('/lost').has('evt-lost'), 60_000);
    expect(at('/lost').every((r) => r.eventId === 'evt-lost')).toBe(true);
  });

  it('polls a watched inventory from one instance at a time: one baseline, one event per change', async () => {
    await subscribe('/inventory', ['inventoryChanged']);
    receiver.respond = () => 200;
    const watch = `/v1/steam/inventory/${ALICE}/440/2/watch`;
    expect((await api(gateways[0]!, 'POST', `${watch}?interval_ms=150`)).status).toBe(201);
    await expect
      .poll(async () => (await api(gateways[1]!, 'GET', watch)).body.watch.last_snapshot, { timeout: 15_000 })
      .not.toBeNull();
    const [give] = await tradable(emulator.url, ALICE, 440, '2', 1);
    await completeTrade(emulator, ALICE, BOB, { give: [give!] });
    await receiver.waitFor(() => at('/inventory').length >= 1, 30_000);
    // A few more polls on both instances: still one event, and only two snapshots stored.
    const polled = (await api(gateways[0]!, 'GET', watch)).body.watch.last_polled_at;
    await expect
      .poll(async () => (await api(gateways[0]!, 'GET', watch)).body.watch.last_polled_at, {
        timeout: 15_000,
      })
      .not.toBe(polled);
    expect(at('/inventory')).toHaveLength(1);
    expect(at('/inventory')[0]!.body.data.counts).toMatchObject({ added: 0, removed: 1 });
    const database = await openDatabase({ databaseUrl });
    try {
      const snapshots = await new SnapshotStore(database.db).list({ steamid: ALICE, appid: 440 });
      expect(snapshots).toHaveLength(2);
    } finally {
      await database.close();
    }
  });
});
