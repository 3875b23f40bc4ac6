/**
 * The trading gateway over real HTTP against the emulator, on a real SQLite store: a
 * registered account's offers (list, one, send under an Idempotency-Key, a lost answer
 * reconciled, accept, decline, cancel), its own inventory with its session, Steam's refusals
 * and an expired session in the gateway's words, scopes and account restrictions on every
 * route, the secret key missing or wrong, and no secret in any response or log line.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALICE,
  BANNED,
  BOB,
  CAROL,
  DAVE,
  FRESH,
  MOBILE,
  spec,
  tradeClientWorld,
} from '../../test/trade-client-world.js';
import {
  httpGet,
  startGateway,
  type Answer,
  type Json,
  type TestGateway,
} from '../../test/services/gateway.js';
import type { MintedSession } from '../emulator/index.js';
import { checkAccountSecrets, presentSecrets, sessionOf } from '../steam/accounts/secrets.js';
import type { KeyScope } from '../store/key-scopes.js';
import { SecretBox } from '../store/secret-box.js';
import { SteamAccountStore } from '../store/steam-accounts.js';

const w = tradeClientWorld();
const SECRET_KEY = Buffer.alloc(32, 9).toString('hex');

let gw: TestGateway;
const lines: string[] = [];
const answers: string[] = [];
const secrets: string[] = [SECRET_KEY];
const keys: Record<string, string> = {};

const cookieOf = (s: MintedSession) => `steamLoginSecure=${s.steamLoginSecure}; sessionid=${s.sessionid}`;

async function register(
  name: string,
  steamid: string,
  extra: { identitySecret?: string; lifetime?: number } = {},
) {
  const minted = w.trade().session(steamid, extra.lifetime);
  secrets.push(minted.steamLoginSecure, minted.accessToken, minted.sessionid);
  const given = checkAccountSecrets({ cookies: cookieOf(minted), identitySecret: extra.identitySecret });
  const session = sessionOf({ cookies: given.cookies! }, 'test');
  await new SteamAccountStore(gw.app.services.database.db, SecretBox.fromSecretKey(SECRET_KEY)).add({
    name,
    steamid: session.steamid,
    secrets: { cookies: given.cookies!, ...given },
    present: presentSecrets(given),
    sessionExpiresAt: session.expiresAt?.getTime() ?? null,
    watch: false,
  });
}

async function key(name: string, scopes: KeyScope[], accounts: string[]): Promise<string> {
  const created = await gw.app.services.keys.create({ name, scopes, accounts });
  secrets.push(created.key);
  keys[name] = created.key;
  return created.key;
}

async function call(
  method: 'GET' | 'POST',
  path: string,
  keyName: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(gw.url + path, {
    method,
    headers: {
      'x-api-key': keys[keyName]!,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  answers.push(text, JSON.stringify([...res.headers]));
  let parsed: Json;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

const get = (path: string, keyName: string) => call('GET', path, keyName);
const post = (path: string, keyName: string, body?: unknown, headers?: Record<string, string>) =>
  call('POST', path, keyName, body ?? {}, headers);
const tradeUrl = (steamid: string) => w.trade().account(steamid).tradeUrl;
/** The identity secret the emulator checks this account's confirmation keys with. */
const identityOf = (steamid: string) => {
  const secret = w.world.emulator.steam.guard.account(steamid).identitySecret;
  secrets.push(secret);
  return secret;
};

beforeAll(async () => {
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  gw = await startGateway({
    emulatorUrl: w.url(),
    env: { GAMESTASH_STEAM_API_URL: w.url(), GAMESTASH_SECRET_KEY: SECRET_KEY, GAMESTASH_KEY_CACHE_MS: '0' },
    logStream,
  });
  await register('bot1', ALICE, { identitySecret: identityOf(ALICE) });
  await register('mobile', MOBILE, { identitySecret: identityOf(MOBILE) });
  await register('dave', DAVE);
  // A well-formed identity secret that is not Fresh's own.
  await register('fresh', FRESH, { identitySecret: Buffer.alloc(20, 1).toString('base64') });
  await key('reader', ['offers:read', 'inventory:read'], ['bot1']);
  await key('writer', ['offers:read', 'offers:write'], ['bot1', 'mobile', 'dave']);
  await key('writer2', ['offers:read', 'offers:write'], ['*']);
  await key('elsewhere', ['offers:read', 'offers:write', 'inventory:read', 'confirmations:read'], ['mobile']);
  await key('legacy', ['inventory:read', 'webapi:read'], ['bot1']);
  await key('confirmer', ['confirmations:read', 'confirmations:write'], ['bot1', 'mobile', 'dave', 'fresh']);
  await key('bot', ['offers:read', 'offers:write', 'confirmations:write'], ['mobile']);
});
afterAll(async () => {
  await gw?.close();
});

describe('scopes and accounts', () => {
  const routes: [method: 'GET' | 'POST', path: string, scope: string, body?: unknown][] = [
    ['GET', '/v1/steam/accounts/bot1/offers', 'offers:read'],
    ['GET', '/v1/steam/accounts/bot1/offers/123', 'offers:read'],
    ['POST', '/v1/steam/accounts/bot1/offers', 'offers:write', { partner: BOB }],
    ['POST', '/v1/steam/accounts/bot1/offers/123/accept', 'offers:write'],
    ['POST', '/v1/steam/accounts/bot1/offers/123/decline', 'offers:write'],
    ['POST', '/v1/steam/accounts/bot1/offers/123/cancel', 'offers:write'],
    ['GET', '/v1/steam/accounts/bot1/confirmations', 'confirmations:read'],
    [
      'POST',
      '/v1/steam/accounts/bot1/confirmations',
      'confirmations:write',
      { action: 'accept', ids: ['1'] },
    ],
  ];

  it.each(routes)('%s %s needs %s', async (method, path, scope, body) => {
    const refused = await call(method, path, 'legacy', body);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'missing_scope' });
    expect(refused.body.error.message).toContain(`lacks the ${scope} scope`);
  });

  it('answers 404 account_not_found alike for an account the key may not use and one that does not exist', async () => {
    const notAllowed = await get('/v1/steam/accounts/bot1/offers', 'elsewhere');
    const missing = await get('/v1/steam/accounts/ghost/offers', 'writer2');
    for (const answer of [notAllowed, missing]) {
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('account_not_found');
    }
    expect(notAllowed.body.error.message.replace('bot1', 'X')).toBe(
      missing.body.error.message.replace('ghost', 'X'),
    );
    expect((await get('/v1/steam/accounts/bot1/inventory/730/2', 'elsewhere')).status).toBe(404);
    expect((await get('/v1/steam/accounts/Not_Valid/offers', 'writer2')).status).toBe(400);
  });

  it('says in the trading routes’ own words what a parameter expects', async () => {
    const expects = async (answer: Promise<Answer>) => {
      const { status, body } = await answer;
      expect(status).toBe(400);
      return body.error.message as string;
    };
    expect(await expects(get('/v1/steam/accounts/Not_Valid/offers', 'writer2'))).toMatch(
      /1 to 32 lower-case letters/,
    );
    expect(await expects(call('POST', '/v1/steam/accounts/bot1/offers/abc/accept', 'writer', {}))).toMatch(
      /expected a trade offer id/,
    );
    expect(await expects(get('/v1/steam/accounts/bot1/offers?limit=5000', 'writer'))).toMatch(
      /expected a whole number from 1 to 500$/,
    );
    expect(
      await expects(
        call('POST', '/v1/steam/accounts/bot1/offers', 'writer', { partner: BOB, give: ['12345'] }),
      ),
    ).toMatch(/APP\/CTX\/ASSETID/);
    expect(
      await expects(
        call('POST', '/v1/steam/accounts/bot1/confirmations', 'confirmer', { action: 'allow', ids: ['1'] }),
      ),
    ).toMatch(/expected accept or cancel/);
  });

  it('lists the accounts a key may act for, naming which secrets they hold without showing any', async () => {
    const names = async (keyName: string) =>
      ((await get('/v1/steam/accounts', keyName)).body.accounts as Json[]).map((a) => a.name);
    expect(await names('elsewhere')).toEqual(['mobile']);
    expect(await names('writer2')).toEqual(['bot1', 'dave', 'fresh', 'mobile']);
    const listed = await get('/v1/steam/accounts', 'writer');
    expect(listed.status).toBe(200);
    const bot1 = (listed.body.accounts as Json[]).find((a) => a.name === 'bot1');
    expect(bot1).toMatchObject({ steamid: ALICE, watched: false, can_confirm: true });
    expect(bot1.session_expires_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((listed.body.accounts as Json[]).find((a) => a.name === 'dave').can_confirm).toBe(false);
  });

  it('keeps the read routes open to keys with the read scopes, and closed to trading keys without them', async () => {
    expect((await gw.get(`/v1/steam/inventory/${CAROL}/730/2?api_key=${keys.legacy}`)).status).toBe(200);
    const refused = await gw.get(`/v1/steam/inventory/${CAROL}/730/2?api_key=${keys.writer}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('lacks the inventory:read scope');
    const webapi = await gw.get(`/v1/steam/players/${CAROL}?api_key=${keys.reader}`);
    expect(webapi.body.error.message).toContain('lacks the webapi:read scope');
  });
});

describe('offers', () => {
  it('sends under an Idempotency-Key once, answers the same twice, and refuses the key for another request', async () => {
    const give = (await w.take(ALICE, 440, 1)).map(spec);
    const body = { partner: tradeUrl(BOB), give, message: 'gateway idempotent' };
    const before = (await w.stats()).offersCreated;
    const first = await post('/v1/steam/accounts/bot1/offers', 'writer', body, {
      'idempotency-key': 'order-1',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 201,
      account: 'bot1',
      partner: BOB,
      state: 2,
      stateName: 'Active',
      replayed: false,
    });
    const again = await post('/v1/steam/accounts/bot1/offers', 'writer', body, {
      'idempotency-key': 'order-1',
    });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect({ ...again.body, replayed: false }).toEqual(first.body);
    expect((await w.stats()).offersCreated).toBe(before + 1);

    const conflict = await post(
      '/v1/steam/accounts/bot1/offers',
      'writer',
      { ...body, message: 'another request' },
      { 'idempotency-key': 'order-1' },
    );
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatchObject({ code: 'idempotency_conflict', reason: 'different_request' });
    // The caller's own key in the words, not the record's namespaced one.
    expect(conflict.body.error.message).toContain('"order-1"');
    expect(conflict.body.error.message).not.toContain('gw:');

    // Another gateway key's "order-1" is its own: keys never collide.
    const give2 = (await w.take(ALICE, 440, 1)).map(spec);
    const other = await post(
      '/v1/steam/accounts/bot1/offers',
      'writer2',
      { ...body, give: give2 },
      { 'idempotency-key': 'order-1' },
    );
    expect(other.status).toBe(201);
    expect(other.body.replayed).toBe(false);
    expect(other.body.id).not.toBe(first.body.id);

    const one = await get(`/v1/steam/accounts/bot1/offers/${first.body.id}`, 'reader');
    expect(one.status).toBe(200);
    expect(one.body.offer).toMatchObject({
      id: first.body.id,
      partner: BOB,
      isOurOffer: true,
      message: 'gateway idempotent',
    });
    expect(one.body.offer.itemsToGive[0]).toMatchObject({
      appid: 440,
      missing: false,
      name: expect.any(String),
    });
  });

  it('finds an offer whose answer was lost instead of sending it twice', async () => {
    const give = (await w.take(ALICE, 440, 1)).map(spec);
    const before = (await w.stats()).offersCreated;
    w.trade().faults({ nextSends: ['dropAfterCreate'] });
    const sent = await post(
      '/v1/steam/accounts/bot1/offers',
      'writer',
      { partner: tradeUrl(BOB), give, message: 'lost answer' },
      { 'idempotency-key': 'order-lost' },
    );
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ reconciled: true, replayed: false });
    expect((await w.stats()).offersCreated).toBe(before + 1);
    const replay = await post(
      '/v1/steam/accounts/bot1/offers',
      'writer',
      { partner: tradeUrl(BOB), give, message: 'lost answer' },
      { 'idempotency-key': 'order-lost' },
    );
    expect(replay.body).toMatchObject({ id: sent.body.id, replayed: true });
  });

  it("answers Steam's refusal as 422 trade_refused with the EResult and reason", async () => {
    const give = (await w.take(ALICE, 440, 1)).map(spec);
    const refused = await post('/v1/steam/accounts/bot1/offers', 'writer', { partner: BANNED, give });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'trade_refused', reason: 'TradeBan' });
    expect(refused.body.error.message).toMatch(/Steam refused/);
    w.trade().faults({ nextSends: ['eresult26'] });
    const gone = await post('/v1/steam/accounts/bot1/offers', 'writer', {
      partner: tradeUrl(BOB),
      give: (await w.take(ALICE, 440, 1)).map(spec),
    });
    expect(gone.status).toBe(422);
    expect(gone.body.error).toMatchObject({ code: 'trade_refused', eresult: 26 });
    const bad = await post('/v1/steam/accounts/bot1/offers', 'writer', {
      partner: BOB,
      give: ['730/2/1', '730/2/1'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_input', parameter: 'give' });
  });

  it('accepts, declines and cancels, and lists with paging', async () => {
    // Carol: a friend without a trade hold, so an accepted offer is Accepted at once.
    const carol = w.client(CAROL).client;
    const fromCarol = async (message: string) =>
      (await carol.send({ partner: ALICE, give: (await w.take(CAROL, 440, 1)).map(spec), message })).id;
    const [toAccept, toDecline] = [await fromCarol('please accept'), await fromCarol('please decline')];

    const accepted = await post(`/v1/steam/accounts/bot1/offers/${toAccept}/accept`, 'writer');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      account: 'bot1',
      id: toAccept,
      state: 3,
      stateName: 'Accepted',
      tradeId: expect.any(String),
    });
    const declined = await post(`/v1/steam/accounts/bot1/offers/${toDecline}/decline`, 'writer');
    expect(declined.body).toMatchObject({ id: toDecline, state: 7, stateName: 'Declined' });

    // The library refuses impossible actions before any request.
    const again = await post(`/v1/steam/accounts/bot1/offers/${toDecline}/accept`, 'writer');
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invalid_input');
    const unknown = await post('/v1/steam/accounts/bot1/offers/999999999/cancel', 'writer');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('offer_not_found');

    const give = (await w.take(ALICE, 440, 1)).map(spec);
    const mine = await post('/v1/steam/accounts/bot1/offers', 'writer', {
      partner: tradeUrl(BOB),
      give,
      message: 'to cancel',
    });
    const cancelled = await post(`/v1/steam/accounts/bot1/offers/${mine.body.id}/cancel`, 'writer');
    expect(cancelled.body).toMatchObject({ state: 6, stateName: 'Canceled' });

    const all: Json[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Answer = await get(
        `/v1/steam/accounts/bot1/offers?active=1&historical=1&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        'reader',
      );
      expect(page.status).toBe(200);
      expect(page.body.count).toBeLessThanOrEqual(2);
      all.push(...page.body.offers);
      cursor = page.body.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThan(1);
    const ids = all.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([toAccept, toDecline, mine.body.id]));
    const received = await get('/v1/steam/accounts/bot1/offers?sent=0&historical=1', 'reader');
    expect(received.body.offers.every((o: Json) => o.isOurOffer === false)).toBe(true);
    expect((await get('/v1/steam/accounts/bot1/offers?cursor=bm9wZQ', 'reader')).status).toBe(400);
  });

  it('shows the account its own items with its session (context 16 after a protected trade)', async () => {
    const carol = w.client(CAROL).client;
    const item = (await w.take(CAROL, 730, 1))[0]!;
    const offer = await carol.send({ partner: ALICE, give: [spec(item)] });
    expect((await post(`/v1/steam/accounts/bot1/offers/${offer.id}/accept`, 'writer')).status).toBe(200);
    const own = await get('/v1/steam/accounts/bot1/inventory/730/2?limit=5', 'reader');
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      account: 'bot1',
      steamid: ALICE,
      appid: '730',
      contextid: '2',
      count: 5,
    });
    const held = await get('/v1/steam/accounts/bot1/inventory/730/16', 'reader');
    expect(held.status).toBe(200);
    expect(held.body.total_inventory_count).toBeGreaterThan(0);
    // Without the account's session, Steam shows context 16 to nobody.
    const outsider = await gw.get(`/v1/steam/inventory/${ALICE}/730/16?api_key=${keys.legacy}`);
    expect(outsider.status).toBe(200);
    expect(outsider.body.total_inventory_count).toBe(0);
  });
});

describe('mobile confirmations', () => {
  const sendFromMobile = async (keyName: string, extra: object = {}) =>
    post('/v1/steam/accounts/mobile/offers', keyName, {
      partner: tradeUrl(BOB),
      give: (await w.take(MOBILE, 440, 1)).map(spec),
      ...extra,
    });

  it('lists what waits and accepts or cancels it by id', async () => {
    const sent = await sendFromMobile('writer');
    expect(sent.body).toMatchObject({ state: 9, needsMobileConfirmation: true });
    const listed = await get('/v1/steam/accounts/mobile/confirmations', 'confirmer');
    expect(listed.status).toBe(200);
    const conf = listed.body.confirmations.find((c: Json) => c.offerId === sent.body.id);
    expect(conf).toMatchObject({ type: 2, typeName: 'Trade Offer', creatorId: sent.body.id });
    expect(conf.nonce).toBeUndefined();

    const accepted = await post('/v1/steam/accounts/mobile/confirmations', 'confirmer', {
      action: 'accept',
      ids: [conf.id],
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      account: 'mobile',
      action: 'accept',
      confirmations: [{ id: conf.id }],
    });
    expect((await get(`/v1/steam/accounts/mobile/offers/${sent.body.id}`, 'writer')).body.offer.state).toBe(
      2,
    );

    const other = await sendFromMobile('writer');
    const waiting = (await get('/v1/steam/accounts/mobile/confirmations', 'confirmer')).body.confirmations;
    const refuse = waiting.find((c: Json) => c.offerId === other.body.id);
    const cancelled = await post('/v1/steam/accounts/mobile/confirmations', 'confirmer', {
      action: 'cancel',
      ids: [refuse.id],
    });
    expect(cancelled.body.action).toBe('cancel');
    expect(
      (await get(`/v1/steam/accounts/mobile/offers/${other.body.id}`, 'writer')).body.offer.stateName,
    ).toBe('CanceledBySecondFactor');
    const gone = await post('/v1/steam/accounts/mobile/confirmations', 'confirmer', {
      action: 'accept',
      ids: [refuse.id],
    });
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('confirmation_not_found');
  });

  it('confirms a send in the same call with confirm: true, for keys that may confirm', async () => {
    const refused = await sendFromMobile('writer', { confirm: true });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('lacks the confirmations:write scope');
    const sent = await sendFromMobile('bot', { confirm: true });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ state: 2, confirmation: { status: 'confirmed' } });
    expect(w.trade().offer(sent.body.id)?.state).toBe(2);
  });

  it("answers 409 for an account without an identity secret, 502 when Steam refuses the account's", async () => {
    const answer = await get('/v1/steam/accounts/dave/confirmations', 'confirmer');
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('identity_secret_missing');
    const refused = await get('/v1/steam/accounts/fresh/confirmations', 'confirmer');
    expect(refused.status).toBe(502);
    expect(refused.body.error.code).toBe('identity_secret_refused');
    // confirm: true for that account is refused the same way, before anything is sent.
    await key('dave-bot', ['offers:write', 'confirmations:write'], ['dave']);
    const sends = (await w.stats()).sends;
    const send = await post('/v1/steam/accounts/dave/offers', 'dave-bot', {
      partner: BOB,
      token: w.trade().account(BOB).token,
      give: (await w.take(DAVE, 440, 1)).map(spec),
      confirm: true,
    });
    expect(send.status).toBe(409);
    expect(send.body.error.code).toBe('identity_secret_missing');
    expect((await w.stats()).sends).toBe(sends);
  });
});

describe('the account and the gateway', () => {
  it("answers 409 account_session_expired once Steam stops accepting the account's session", async () => {
    w.trade().endSessions(DAVE);
    const answer = await get('/v1/steam/accounts/dave/offers', 'writer');
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('account_session_expired');
    expect(answer.body.error.message).toMatch(/gamestash accounts update --name dave/);
  });

  it('answers 409 with the time when the stored session has run out', async () => {
    await register('brief', CAROL, { lifetime: 2 });
    await gw.app.services.keys.update('writer', { accounts: ['bot1', 'mobile', 'dave', 'brief'] });
    await new Promise((r) => setTimeout(r, 2_100));
    const answer = await get('/v1/steam/accounts/brief/offers', 'writer');
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toMatch(/session of account "brief" expired at \d{4}-/);
  });

  it('answers 503 naming GAMESTASH_SECRET_KEY when the gateway has none, or the wrong one', async () => {
    const sqlite = gw.config.sqlitePath;
    for (const [env, code] of [
      [{}, 'trading_not_configured'],
      [{ GAMESTASH_SECRET_KEY: 'another passphrase, not the key' }, 'account_secrets_unreadable'],
    ] as const) {
      const other = await startGateway({
        emulatorUrl: w.url(),
        env: { GAMESTASH_STEAM_API_URL: w.url(), GAMESTASH_SQLITE_PATH: sqlite, ...env },
      });
      try {
        const answer = await httpGet(`${other.url}/v1/steam/accounts/bot1/offers`, {
          'x-api-key': keys.reader!,
        });
        answers.push(answer.text);
        expect(answer.status).toBe(503);
        expect(answer.body.error.code).toBe(code);
        expect(answer.body.error.message).toContain('GAMESTASH_SECRET_KEY');
        // A key without the account still learns nothing.
        expect(
          (await httpGet(`${other.url}/v1/steam/accounts/bot1/offers`, { 'x-api-key': keys.elsewhere! }))
            .status,
        ).toBe(404);
      } finally {
        await other.close();
      }
    }
  });

  it('documents the trading routes in OpenAPI', async () => {
    const doc = (await gw.get('/openapi.json')).body;
    for (const path of [
      '/v1/steam/accounts',
      '/v1/steam/accounts/{account}/offers',
      '/v1/steam/accounts/{account}/offers/{id}',
      '/v1/steam/accounts/{account}/offers/{id}/accept',
      '/v1/steam/accounts/{account}/confirmations',
      '/v1/steam/accounts/{account}/inventory/{appid}/{contextid}',
    ])
      expect(doc.paths[path]).toBeDefined();
    const send = doc.paths['/v1/steam/accounts/{account}/offers'].post;
    expect(send.parameters.map((p: Json) => p.name)).toContain('idempotency-key');
    expect(send.responses['422']).toBeDefined();
  });

  it('puts no secret in any answer or log line', async () => {
    await new Promise((r) => setTimeout(r, 50));
    expect(lines.length).toBeGreaterThan(20);
    const logs = lines.join('\n');
    const replies = answers.join('\n');
    for (const secret of secrets) {
      expect(logs).not.toContain(secret);
      expect(replies).not.toContain(secret);
    }
  });
});
