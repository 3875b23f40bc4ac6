/**
 * Webhooks over real HTTP on the store's own queue (SQLite, no Redis): subscriptions per key
 * (the secret shown once, never listed; another key's webhooks invisible), bad input, signed
 * deliveries verified with the library's function, retries with backoff until the receiver
 * answers, giving up past the horizon, the delivery log, manual redelivery, secret rotation,
 * idempotent publishing, and private targets refused at creation and at delivery.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { verifyWebhookSignature } from '../webhooks/signature.js';
import {
  startGateway,
  tempSqlitePath,
  removeTempDirs,
  type Json,
  type TestGateway,
  WEBHOOK_SCOPES,
} from '../../test/services/gateway.js';
import { startReceiver, type WebhookReceiver } from '../../test/services/webhook-receiver.js';

let emulator: StartedEmulator;
let receiver: WebhookReceiver;
let gw: TestGateway;
let key: string;
let keyId: string;
const BASE_MS = 50;
/** A key that manages webhooks and hears every trading account's events. */
const HEARS_ALL = { scopes: [...WEBHOOK_SCOPES, 'offers:read' as const], accounts: ['*'] };
const sqlite = tempSqlitePath();
const ENV = {
  GAMESTASH_WEBHOOK_ALLOW_PRIVATE: '1',
  GAMESTASH_WEBHOOK_RETRY_BASE_MS: String(BASE_MS),
  GAMESTASH_WEBHOOK_RETRY_MAX_MS: '400',
  GAMESTASH_WEBHOOK_RETRY_FOR_MS: '20000',
  GAMESTASH_WEBHOOK_TIMEOUT_MS: '3000',
  GAMESTASH_SQLITE_PATH: sqlite,
};

beforeAll(async () => {
  [emulator, receiver] = await Promise.all([startEmulator({ scenario: {} }), startReceiver()]);
  gw = await startGateway({ emulatorUrl: emulator.url, env: ENV });
  key = await gw.key({ name: 'shop', ...HEARS_ALL });
  keyId = (await gw.app.services.keys.find('shop'))!.id;
});
afterAll(async () => {
  await gw?.close();
  await Promise.all([emulator?.close(), receiver?.close()]);
  removeTempDirs();
});
beforeEach(() => {
  receiver.respond = () => 200;
});

async function call(base: string, method: string, path: string, apiKey: string | undefined, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(apiKey ? { 'x-api-key': apiKey } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: Json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, body: json, headers: res.headers };
}
const api = (method: string, path: string, body?: unknown, apiKey: string | undefined = key) =>
  call(gw.url, method, path, apiKey, body);

let paths = 0;
/** A webhook on its own receiver path, whose signatures the receiver checks. */
async function subscribe(events: string[] = ['*'], extra: Json = {}, apiKey = key, base = gw.url) {
  const path = `/hook-${++paths}`;
  const res = await call(base, 'POST', '/v1/webhooks', apiKey, {
    url: receiver.url + path,
    events,
    ...extra,
  });
  expect(res.status, res.text).toBe(201);
  receiver.secrets.set(path, res.body.secret);
  return { id: res.body.webhook.id as string, path, secret: res.body.secret as string };
}
const at = (path: string) => receiver.received.filter((r) => r.path === path);
const publish = (event: Json, target = gw) => target.app.services.webhooks.publish(event);

describe('subscriptions', () => {
  it('answers the secret once; lists never show it; another key sees none of them', async () => {
    const created = await api('POST', '/v1/webhooks', {
      url: `${receiver.url}/hook-a`,
      events: ['newOffer', 'inventoryChanged'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 201,
      webhook: { url: `${receiver.url}/hook-a`, events: ['newOffer', 'inventoryChanged'], account: null },
    });
    expect(created.body.webhook.id).toMatch(/^wh_/);
    expect(created.body.secret).toMatch(/^whsec_/);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const id = created.body.webhook.id;
    const list = await api('GET', '/v1/webhooks');
    expect(list.status).toBe(200);
    expect(list.body.webhooks.map((w: Json) => w.id)).toContain(id);
    expect(list.text).not.toContain(created.body.secret);
    expect(list.text).not.toContain('whsec_');
    const one = await api('GET', `/v1/webhooks/${id}`);
    expect(one.body.webhook).toEqual(created.body.webhook);
    expect(one.text).not.toContain('whsec_');

    const other = await gw.key({ name: 'other', scopes: WEBHOOK_SCOPES });
    expect((await api('GET', '/v1/webhooks', undefined, other)).body.webhooks).toEqual([]);
    for (const [method, path] of [
      ['GET', `/v1/webhooks/${id}`],
      ['DELETE', `/v1/webhooks/${id}`],
      ['GET', `/v1/webhooks/${id}/deliveries`],
      ['POST', `/v1/webhooks/${id}/rotate-secret`],
    ] as const) {
      const res = await api(method, path, undefined, other);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe('webhook_not_found');
    }
    expect((await api('DELETE', `/v1/webhooks/${id}`)).body).toEqual({ status: 200, id, deleted: true });
    expect((await api('GET', `/v1/webhooks/${id}`)).status).toBe(404);
  });

  it('refuses bad input with a 4xx naming the problem', async () => {
    const bad = async (body: Json, status: number, code: string, message: RegExp, parameter?: string) => {
      const res = await api('POST', '/v1/webhooks', body);
      expect(res.status, res.text).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(message);
      if (parameter) expect(res.body.error.parameter).toBe(parameter);
    };
    await bad(
      { url: 'ftp://example.com/x', events: ['*'] },
      400,
      'invalid_input',
      /http:\/\/ or https:\/\//,
      'url',
    );
    await bad({ url: 'javascript:alert(1)', events: ['*'] }, 400, 'invalid_input', /http/, 'url');
    await bad({ url: 'nonsense', events: ['*'] }, 400, 'invalid_input', /not a URL/, 'url');
    await bad(
      { url: `${receiver.url}/x`, events: ['newOffer', 'offerAccepted'] },
      400,
      'invalid_input',
      /unknown event "offerAccepted": events are newOffer, newSentOffer, sentOfferChanged, receivedOfferChanged, offerReverted, pollFailure, inventoryChanged, or \*/,
      'events',
    );
    await bad({ url: `${receiver.url}/x`, events: [] }, 400, 'invalid_input', /events/, 'events');
    await bad({ events: ['*'] }, 400, 'invalid_input', /url is missing/, 'url');
    await bad(
      { url: 'https://no-such-host.invalid/x', events: ['*'] },
      400,
      'invalid_input',
      /does not resolve/,
    );
    const noKey = await call(gw.url, 'POST', '/v1/webhooks', undefined, {
      url: `${receiver.url}/x`,
      events: ['*'],
    });
    expect(noKey.status).toBe(401);
    const put = await api('PUT', '/v1/webhooks', {});
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
    const text = await fetch(`${gw.url}/v1/webhooks`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'text/plain' },
      body: 'url=x',
    });
    expect(text.status).toBe(400);
    expect(((await text.json()) as Json).error).toMatchObject({
      parameter: 'body',
      message: 'the body must be a JSON object (Content-Type: application/json)',
    });
    // curl -d's default content type, and a JSON content type with no body at all.
    const form = await fetch(`${gw.url}/v1/webhooks`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'url=x',
    });
    expect(form.status).toBe(415);
    expect(((await form.json()) as Json).error.message).toMatch(/Content-Type: application\/json/);
    const empty = await fetch(`${gw.url}/v1/webhooks`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
    });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as Json).error).toMatchObject({
      code: 'empty_json_body',
      message: expect.stringMatching(/send \{\} or leave the Content-Type out/),
    });
    const wrongType = await api('POST', '/v1/webhooks', { url: `${receiver.url}/x`, events: { all: true } });
    expect(wrongType.body.error).toMatchObject({
      parameter: 'events',
      message: expect.stringMatching(/list of 1 to 20/),
    });
  });

  it('refuses loopback and private targets unless the operator allows them', async () => {
    const strict = await startGateway({ emulatorUrl: emulator.url });
    try {
      const strictKey = await strict.key({ scopes: WEBHOOK_SCOPES });
      for (const url of [
        `${receiver.url}/x`,
        'http://localhost:8080/x',
        'http://10.0.0.8/x',
        'http://[::1]:80/x',
        'http://169.254.169.254/latest',
      ]) {
        const res = await call(strict.url, 'POST', '/v1/webhooks', strictKey, { url, events: ['*'] });
        expect(res.status, url).toBe(400);
        expect(res.body.error).toMatchObject({ code: 'private_target', parameter: 'url' });
        expect(res.body.error.message).toMatch(/GAMESTASH_WEBHOOK_ALLOW_PRIVATE=1/);
      }
    } finally {
      await strict.close();
    }
  });
});

describe('deliveries', () => {
  it('POSTs the event signed: the library verifies it, headers carry the event id', async () => {
    const hook = await subscribe(['newOffer']);
    await publish({ type: 'newOffer', id: 'evt-signed-1', account: 'bot1', data: { offer: { id: '42' } } });
    await receiver.waitFor(() => at(hook.path).length === 1);
    const [got] = at(hook.path);
    expect(got!.verified).toBe(true);
    expect(verifyWebhookSignature(hook.secret, got!.headers['gamestash-signature'] as string, got!.raw)).toBe(
      true,
    );
    expect(
      verifyWebhookSignature(hook.secret, got!.headers['gamestash-signature'] as string, `${got!.raw} `),
    ).toBe(false);
    expect(got!.headers['gamestash-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(got!.headers['gamestash-event-id']).toBe('evt-signed-1');
    expect(got!.headers['gamestash-event-type']).toBe('newOffer');
    expect(got!.headers['user-agent']).toMatch(/^gamestash-webhooks\//);
    expect(got!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(got!.body).toEqual({
      id: 'evt-signed-1',
      type: 'newOffer',
      created: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      account: 'bot1',
      data: { offer: { id: '42' } },
    });
  });

  it('delivers only what a webhook subscribed to, to the keys named, for its account', async () => {
    const other = await gw.key({ name: 'other-keys', ...HEARS_ALL });
    const otherId = (await gw.app.services.keys.find('other-keys'))!.id;
    const offers = await subscribe(['newOffer']);
    const everything = await subscribe(['*']);
    const bot2 = await subscribe(['*'], { account: 'bot2' });
    const others = await subscribe(['*'], {}, other);
    await publish({ type: 'pollFailure', id: 'evt-match-1', account: 'bot1', data: {} });
    await publish({ type: 'newOffer', id: 'evt-match-2', account: 'bot2', data: {} });
    await publish({ type: 'newOffer', id: 'evt-match-3', keyIds: [otherId], data: {} });
    await publish({ type: 'newOffer', id: 'evt-match-4', keyIds: [keyId], account: 'bot1', data: {} });
    // Deliveries of different events race each other: wait for each webhook's whole set.
    await receiver.waitFor(() => receiver.delivered(others.path).size === 3);
    await receiver.waitFor(() => receiver.delivered(offers.path).size === 2);
    await receiver.waitFor(() => receiver.delivered(everything.path).size === 3);
    await receiver.waitFor(() => receiver.delivered(bot2.path).size === 1);
    expect(receiver.delivered(offers.path)).toEqual(new Set(['evt-match-2', 'evt-match-4']));
    expect(receiver.delivered(everything.path)).toEqual(
      new Set(['evt-match-1', 'evt-match-2', 'evt-match-4']),
    );
    expect(receiver.delivered(bot2.path)).toEqual(new Set(['evt-match-2']));
    expect(receiver.delivered(others.path)).toEqual(new Set(['evt-match-1', 'evt-match-2', 'evt-match-3']));
  });

  it("falls silent for a revoked key's webhooks", async () => {
    const doomed = await gw.key({ name: 'doomed', scopes: WEBHOOK_SCOPES });
    const gone = await subscribe(['pollFailure'], {}, doomed);
    const kept = await subscribe(['pollFailure']);
    await gw.app.services.keys.revoke('doomed');
    await publish({ type: 'pollFailure', id: 'evt-after-revoke', data: {} });
    await receiver.waitFor(() => receiver.delivered(kept.path).has('evt-after-revoke'));
    expect(at(gone.path)).toHaveLength(0);
  });

  it('publishing an event id again delivers nothing more', async () => {
    const hook = await subscribe(['newOffer']);
    const event = { type: 'newOffer', id: 'evt-once', data: { n: 1 } };
    await publish(event);
    await publish({ ...event, data: { n: 2 } });
    await receiver.waitFor(() => at(hook.path).length >= 1);
    await publish(event);
    const log = await api('GET', `/v1/webhooks/${hook.id}/deliveries`);
    expect(log.body.deliveries).toHaveLength(1);
    expect(at(hook.path)).toHaveLength(1);
    expect(at(hook.path)[0]!.body.data).toEqual({ n: 1 });
  });

  it('retries with growing waits until the receiver answers 2xx, with the same event id', async () => {
    const hook = await subscribe(['offerReverted']);
    receiver.respond = (_d, nth) => (nth <= 3 ? 500 : 204);
    await publish({ type: 'offerReverted', id: 'evt-retry', data: {} });
    await receiver.waitFor(() => receiver.delivered(hook.path).has('evt-retry'));
    const attempts = at(hook.path);
    expect(attempts).toHaveLength(4);
    expect(attempts.map((a) => a.eventId)).toEqual(['evt-retry', 'evt-retry', 'evt-retry', 'evt-retry']);
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4]);
    expect(attempts.every((a) => a.verified)).toBe(true);
    // Wait n is at least half of base * 2^(n-1): 25, 50, 100 ms (never sooner; later is fine).
    for (let n = 1; n < attempts.length; n++)
      expect(attempts[n]!.at - attempts[n - 1]!.at).toBeGreaterThanOrEqual((BASE_MS * 2 ** (n - 1)) / 2 - 5);
    const log = await api('GET', `/v1/webhooks/${hook.id}/deliveries`);
    expect(log.body.deliveries).toEqual([
      expect.objectContaining({
        event_id: 'evt-retry',
        type: 'offerReverted',
        status: 'delivered',
        attempts: 4,
        last_status: 204,
        last_error: null,
        next_attempt_at: null,
        delivered_at: expect.stringMatching(/T/),
      }),
    ]);
  });

  it('redelivers by hand: the same event id again, attempt count going on', async () => {
    const hook = await subscribe(['newOffer']);
    await publish({ type: 'newOffer', id: 'evt-again', data: {} });
    await receiver.waitFor(() => at(hook.path).length === 1);
    const [delivery] = (await api('GET', `/v1/webhooks/${hook.id}/deliveries`)).body.deliveries;
    const again = await api('POST', `/v1/webhooks/${hook.id}/deliveries/${delivery.id}/redeliver`);
    expect(again.status).toBe(202);
    expect(again.body.delivery).toMatchObject({ id: delivery.id, status: 'pending', event_id: 'evt-again' });
    await receiver.waitFor(() => at(hook.path).length === 2);
    expect(at(hook.path).map((r) => [r.eventId, r.attempt])).toEqual([
      ['evt-again', 1],
      ['evt-again', 2],
    ]);
    const missing = await api('POST', `/v1/webhooks/${hook.id}/deliveries/dlv_nope/redeliver`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('delivery_not_found');
  });

  it('signs with the old secret too for a while after a rotation', async () => {
    const hook = await subscribe(['newOffer']);
    const rotated = await api('POST', `/v1/webhooks/${hook.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(hook.secret);
    await publish({ type: 'newOffer', id: 'evt-rotated', data: {} });
    await receiver.waitFor(() => at(hook.path).length === 1);
    const [got] = at(hook.path);
    const header = got!.headers['gamestash-signature'] as string;
    expect(header.split(',v1=')).toHaveLength(3);
    expect(verifyWebhookSignature(rotated.body.secret, header, got!.raw)).toBe(true);
    expect(verifyWebhookSignature(hook.secret, header, got!.raw)).toBe(true);
    const listed = await api('GET', `/v1/webhooks/${hook.id}`);
    expect(listed.body.webhook.previous_secret_valid_until).toMatch(/T/);
    expect(listed.text).not.toContain('whsec_');
  });

  it('stops delivering to a deleted webhook', async () => {
    const hook = await subscribe(['newOffer']);
    receiver.respond = () => 503;
    await publish({ type: 'newOffer', id: 'evt-deleted', data: {} });
    await receiver.waitFor(() => at(hook.path).length >= 1);
    expect((await api('DELETE', `/v1/webhooks/${hook.id}`)).status).toBe(200);
    const seen = at(hook.path).length;
    await new Promise((r) => setTimeout(r, 600));
    expect(at(hook.path).length).toBeLessThanOrEqual(seen + 1);
  });
});

describe('giving up and private targets at delivery time', () => {
  it('gives up past the horizon, then delivers on a manual redelivery', async () => {
    const short = await startGateway({
      emulatorUrl: emulator.url,
      env: { ...ENV, GAMESTASH_SQLITE_PATH: tempSqlitePath(), GAMESTASH_WEBHOOK_RETRY_FOR_MS: '400' },
    });
    try {
      const shortKey = await short.key({ scopes: WEBHOOK_SCOPES });
      const hook = await subscribe(['newOffer'], {}, shortKey, short.url);
      receiver.respond = () => 500;
      await publish({ type: 'newOffer', id: 'evt-give-up', data: {} }, short);
      const log = () => call(short.url, 'GET', `/v1/webhooks/${hook.id}/deliveries`, shortKey);
      await expect
        .poll(async () => (await log()).body.deliveries[0].status, { timeout: 15_000 })
        .toBe('failed');
      const [failed] = (await log()).body.deliveries;
      expect(failed).toMatchObject({ last_status: 500, next_attempt_at: null, delivered_at: null });
      expect(failed.attempts).toBeGreaterThanOrEqual(2);
      expect(failed.last_error).toMatch(/^HTTP 500/);
      const attempts = at(hook.path).length;
      expect(attempts).toBe(failed.attempts);

      receiver.respond = () => 200;
      const again = await call(
        short.url,
        'POST',
        `/v1/webhooks/${hook.id}/deliveries/${failed.id}/redeliver`,
        shortKey,
      );
      expect(again.status).toBe(202);
      await receiver.waitFor(() => receiver.delivered(hook.path).has('evt-give-up'));
      expect(at(hook.path)).toHaveLength(attempts + 1);
      expect(at(hook.path).at(-1)!.eventId).toBe('evt-give-up');
      await expect.poll(async () => (await log()).body.deliveries[0].status).toBe('delivered');
    } finally {
      await short.close();
    }
  });

  it('checks the target again when delivering (a name now on a private address is refused)', async () => {
    const path = `/hook-${++paths}`;
    const port = new URL(receiver.url).port;
    // Created while private targets were allowed, delivered by a gateway that refuses them.
    const created = await api('POST', '/v1/webhooks', {
      url: `http://localhost:${port}${path}`,
      events: ['newOffer'],
    });
    expect(created.status).toBe(201);
    await gw.close();
    gw = await startGateway({
      emulatorUrl: emulator.url,
      env: { ...ENV, GAMESTASH_WEBHOOK_ALLOW_PRIVATE: '0' },
    });
    await publish({ type: 'newOffer', id: 'evt-rebound', data: {} });
    const log = () => api('GET', `/v1/webhooks/${created.body.webhook.id}/deliveries`);
    await expect
      .poll(async () => (await log()).body.deliveries[0]?.attempts ?? 0, { timeout: 10_000 })
      .toBeGreaterThan(0);
    const [delivery] = (await log()).body.deliveries;
    expect(delivery.status).toBe('pending');
    expect(delivery.last_error).toMatch(
      /localhost is \(it resolves to .*\) on loopback or a private network/,
    );
    expect(at(path)).toHaveLength(0);
  });
});

describe('scopes and accounts', () => {
  it('refuses keys without webhooks:write, accounts a key may not hear, and their events', async () => {
    // The keys' own scopes and accounts: "reader" lacks webhooks:write; "writer" has it and
    // offers:read for bot1 only; "blind" has webhooks:write but not offers:read.
    const scoped = await startGateway({
      emulatorUrl: emulator.url,
      env: { ...ENV, GAMESTASH_SQLITE_PATH: tempSqlitePath() },
    });
    try {
      const reader = await scoped.key({ name: 'reader', scopes: ['inventory:read'] });
      for (const [method, path] of [
        ['POST', '/v1/webhooks'],
        ['GET', '/v1/webhooks'],
        ['POST', `/v1/steam/inventory/76561198000009999/440/2/watch`],
        ['GET', '/v1/steam/inventory/watches'],
      ] as const) {
        const res = await call(
          scoped.url,
          method,
          path,
          reader,
          method === 'POST' && path === '/v1/webhooks'
            ? { url: `${receiver.url}/x`, events: ['*'] }
            : undefined,
        );
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(res.body.error.code).toBe('missing_scope');
        expect(res.body.error.message).toMatch(/webhooks:write/);
      }
      const writer = await scoped.key({
        name: 'writer',
        scopes: [...WEBHOOK_SCOPES, 'offers:read'],
        accounts: ['bot1'],
      });
      const blind = await scoped.key({ name: 'blind', scopes: WEBHOOK_SCOPES, accounts: ['bot1'] });
      const vault = await call(scoped.url, 'POST', '/v1/webhooks', writer, {
        url: `${receiver.url}/x`,
        events: ['*'],
        account: 'vault',
      });
      expect(vault.status).toBe(403);
      expect(vault.body.error).toMatchObject({ code: 'account_not_allowed', parameter: 'account' });
      const unheard = await subscribe(['newOffer'], {}, blind, scoped.url);
      const hook = await subscribe(['newOffer'], {}, writer, scoped.url);
      await publish({ type: 'newOffer', id: 'evt-vault', account: 'vault', data: {} }, scoped);
      await publish({ type: 'newOffer', id: 'evt-bot1', account: 'bot1', data: {} }, scoped);
      await receiver.waitFor(() => receiver.delivered(hook.path).has('evt-bot1'));
      expect(at(hook.path).map((r) => r.eventId)).toEqual(['evt-bot1']);
      const unheardLog = await call(scoped.url, 'GET', `/v1/webhooks/${unheard.id}/deliveries`, blind);
      expect(unheardLog.body.deliveries).toEqual([]);
    } finally {
      await scoped.close();
    }
  });
});

describe('OpenAPI', () => {
  it('documents the webhook routes', async () => {
    const doc = (await gw.get('/openapi.json')).body;
    for (const path of [
      '/v1/webhooks',
      '/v1/webhooks/{id}',
      '/v1/webhooks/{id}/deliveries',
      '/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver',
      '/v1/webhooks/{id}/rotate-secret',
      '/v1/steam/inventory/{steamid}/{appid}/{contextid}/watch',
      '/v1/steam/inventory/watches',
    ])
      expect(doc.paths[path], path).toBeDefined();
  });
});
