/**
 * Watched inventories over real HTTP against the emulator (SQLite, the store's queue): a
 * key watches an inventory, a trade through the emulator changes it, and the keys watching
 * it (and only they) receive one `inventoryChanged` with the right diff; unchanged polls
 * publish nothing; bad input and private inventories are refused at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { startGateway, type Json, type TestGateway, WEBHOOK_SCOPES } from '../../test/services/gateway.js';
import { completeTrade, tradable } from '../../test/services/emulator-trade.js';
import { startReceiver, type WebhookReceiver } from '../../test/services/webhook-receiver.js';

const ALICE = '76561198000009101';
const BOB = '76561198000009102';
const HIDDEN = '76561198000009103';
let emulator: StartedEmulator;
let receiver: WebhookReceiver;
let gw: TestGateway;

beforeAll(async () => {
  [emulator, receiver] = await Promise.all([
    startEmulator({
      scenario: {
        steam: {
          users: {
            [ALICE]: { name: 'Alice', friends: [BOB], inventories: { '440/2': { size: 30 } } },
            [BOB]: { name: 'Bob', friends: [ALICE], inventories: { '440/2': { size: 30 } } },
            [HIDDEN]: { private: true },
          },
        },
      },
    }),
    startReceiver(),
  ]);
  gw = await startGateway({
    emulatorUrl: emulator.url,
    env: {
      GAMESTASH_WEBHOOK_ALLOW_PRIVATE: '1',
      GAMESTASH_WATCH_MIN_INTERVAL_MS: '100',
      GAMESTASH_WEBHOOK_RETRY_BASE_MS: '50',
    },
  });
});
afterAll(async () => {
  await gw?.close();
  await Promise.all([emulator?.close(), receiver?.close()]);
});

async function api(method: string, path: string, key: string, body?: unknown) {
  const res = await fetch(gw.url + path, {
    method,
    headers: { 'x-api-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, body: (text ? JSON.parse(text) : undefined) as Json };
}

async function subscriber(name: string) {
  const key = await gw.key({ name, scopes: WEBHOOK_SCOPES });
  const res = await api('POST', '/v1/webhooks', key, {
    url: `${receiver.url}/${name}`,
    events: ['inventoryChanged'],
  });
  expect(res.status).toBe(201);
  receiver.secrets.set(`/${name}`, res.body.secret);
  return key;
}
const at = (name: string) => receiver.received.filter((r) => r.path === `/${name}`);
const watchPath = (who: string) => `/v1/steam/inventory/${who}/440/2/watch`;

describe('watched inventories', () => {
  it('publishes inventoryChanged with the diff to the keys watching, once per change', async () => {
    const [watcher, second, bystander] = await Promise.all([
      subscriber('watcher'),
      subscriber('second'),
      subscriber('bystander'),
    ]);
    const created = await api('POST', `${watchPath(ALICE)}?interval_ms=200`, watcher);
    expect(created.status, created.text).toBe(201);
    expect(created.body.watch).toMatchObject({
      steamid: ALICE,
      appid: '440',
      contextid: '2',
      interval_ms: 200,
      polled_every_ms: 200,
    });
    expect((await api('POST', `${watchPath(ALICE)}?interval_ms=5000`, second)).status).toBe(201);
    // The baseline: the first poll's snapshot.
    await expect
      .poll(async () => (await api('GET', watchPath(ALICE), watcher)).body.watch.last_snapshot, {
        timeout: 10_000,
      })
      .not.toBeNull();
    const baseline = (await api('GET', watchPath(ALICE), watcher)).body.watch.last_snapshot;

    const [give] = await tradable(emulator.url, ALICE, 440, '2', 1);
    const receive = await tradable(emulator.url, BOB, 440, '2', 2);
    const trade = await completeTrade(emulator, ALICE, BOB, { give: [give!], receive });
    const arrived = trade.assets.filter((a) => a.to === ALICE).map((a) => a.newAssetid);
    expect(arrived).toHaveLength(2);

    await receiver.waitFor(() => at('watcher').length >= 1 && at('second').length >= 1, 20_000);
    const [event] = at('watcher');
    expect(event!.verified).toBe(true);
    expect(event!.body.type).toBe('inventoryChanged');
    expect(event!.body.id).toMatch(new RegExp(`^inventoryChanged:${baseline}:\\d+$`));
    expect(at('second')[0]!.body.id).toBe(event!.body.id);
    const data = event!.body.data;
    expect(data).toMatchObject({
      steamid: ALICE,
      appid: '440',
      contextid: '2',
      from: { snapshot: baseline },
      counts: { added: 2, removed: 1, changed: 0, protected: 0, released: 0, unchanged: 29 },
      truncated: false,
    });
    expect(data.removed).toEqual([
      expect.objectContaining({ assetid: give!.assetid, contextid: '2', amount: 1 }),
    ]);
    expect(data.added.map((l: Json) => l.assetid).sort()).toEqual([...arrived].sort());
    expect(data.added[0].marketHashName).toEqual(expect.any(String));
    expect(data.byName.length).toBeGreaterThan(0);

    // Later polls find nothing new: no second event, and the baseline is the new snapshot.
    const polled = (await api('GET', watchPath(ALICE), watcher)).body.watch.last_polled_at;
    await expect
      .poll(async () => (await api('GET', watchPath(ALICE), watcher)).body.watch.last_polled_at, {
        timeout: 10_000,
      })
      .not.toBe(polled);
    expect(at('watcher')).toHaveLength(1);
    expect(at('bystander')).toHaveLength(0);
    const watch = (await api('GET', watchPath(ALICE), watcher)).body.watch;
    expect(watch.last_snapshot).toBe(data.to.snapshot);
    expect(watch.last_changed_at).toMatch(/T/);
    expect(watch.last_error).toBeNull();
    // The snapshots are the inventory's history too.
    const history = await api('GET', `/v1/steam/inventory/${ALICE}/440/2/history?value=0`, watcher);
    expect(history.body.snapshots.map((s: Json) => s.id)).toEqual([data.to.snapshot, baseline]);
    expect(history.body.diff.counts).toMatchObject({ added: 2, removed: 1 });
    void bystander;
  });

  it('lists, shows and stops watches; refuses short intervals and private inventories', async () => {
    const key = await gw.key({ scopes: WEBHOOK_SCOPES });
    const short = await api('POST', `${watchPath(BOB)}?interval_ms=50`, key);
    expect(short.status).toBe(400);
    expect(short.body.error).toMatchObject({ code: 'invalid_input', parameter: 'interval_ms' });
    expect(short.body.error.message).toMatch(/at least 100/);
    const hidden = await api('POST', `/v1/steam/inventory/${HIDDEN}/440/2/watch`, key);
    expect(hidden.status).toBe(403);
    expect(hidden.body.error.code).toBe('private_inventory');
    const badId = await api('POST', '/v1/steam/inventory/nope!/440/2/watch', key);
    expect(badId.status).toBe(400);
    expect((await api('GET', watchPath(BOB), key)).body.error.code).toBe('watch_not_found');

    const made = await api('POST', watchPath(BOB), key);
    expect(made.status).toBe(201);
    expect(made.body.watch.interval_ms).toBe(300_000);
    const list = await api('GET', '/v1/steam/inventory/watches', key);
    expect(list.body.watches.map((w: Json) => w.steamid)).toEqual([BOB]);
    expect(
      (await api('GET', '/v1/steam/inventory/watches', await gw.key({ scopes: WEBHOOK_SCOPES }))).body
        .watches,
    ).toEqual([]);
    expect((await api('DELETE', watchPath(BOB), key)).body).toEqual({ status: 200, deleted: true });
    expect((await api('DELETE', watchPath(BOB), key)).status).toBe(404);
    expect((await api('GET', '/v1/steam/inventory/watches', key)).body.watches).toEqual([]);
  });
});
