/**
 * The trading gateway's offer events reach webhooks end to end: a registered, watched account
 * gets an offer in the emulator, the library's watcher sees it, and a signed `newOffer`
 * arrives at the webhook of a key with offers:read for that account, with the event id
 * receivers de-duplicate on; a key that may manage webhooks but not read the account's
 * offers, and a key for another account, hear nothing. A session Steam stops accepting is a
 * `pollFailure` that says how the operator renews it behind the gateway.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendOffer, tradable } from '../../test/trade-world.js';
import { removeTempDirs, startGateway, type TestGateway } from '../../test/services/gateway.js';
import { startReceiver, type WebhookReceiver } from '../../test/services/webhook-receiver.js';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import type { KeyScope } from '../store/key-scopes.js';
import { SecretBox } from '../store/secret-box.js';
import { SteamAccountStore } from '../store/steam-accounts.js';

const ALICE = '76561198000000801';
const CAROL = '76561198000000803';
const SECRET_KEY = Buffer.alloc(32, 7).toString('base64');

let emulator: StartedEmulator;
let receiver: WebhookReceiver;
let gw: TestGateway;

beforeAll(async () => {
  [emulator, receiver] = await Promise.all([
    startEmulator({
      scenario: { steam: { users: { [ALICE]: { name: 'Alice' }, [CAROL]: { name: 'Carol' } } } },
    }),
    startReceiver(),
  ]);
  gw = await startGateway({
    emulatorUrl: emulator.url,
    env: {
      GAMESTASH_SECRET_KEY: SECRET_KEY,
      GAMESTASH_STEAM_API_URL: emulator.url,
      GAMESTASH_OFFER_POLL_INTERVAL_MS: '1000',
      GAMESTASH_WEBHOOK_ALLOW_PRIVATE: '1',
      GAMESTASH_WEBHOOK_RETRY_BASE_MS: '100',
    },
  });
  const s = emulator.steam.trade.session(ALICE);
  await new SteamAccountStore(gw.app.services.database.db, SecretBox.fromSecretKey(SECRET_KEY)).add({
    name: 'bot1',
    steamid: ALICE,
    secrets: { cookies: `steamLoginSecure=${s.steamLoginSecure}; sessionid=${s.sessionid}` },
    present: [],
    sessionExpiresAt: s.expiresAt * 1000,
    watch: true,
  });
}, 60_000);
afterAll(async () => {
  await gw?.close();
  await Promise.all([emulator?.close(), receiver?.close()]);
  removeTempDirs();
});

async function subscriber(
  path: string,
  scopes: KeyScope[],
  accounts: string[],
  events = ['newOffer', 'receivedOfferChanged'],
): Promise<void> {
  const key = await gw.key({ name: path.slice(1), scopes: ['webhooks:write', ...scopes], accounts });
  const res = await fetch(`${gw.url}/v1/webhooks`, {
    method: 'POST',
    headers: { 'x-api-key': key, 'content-type': 'application/json' },
    body: JSON.stringify({ url: receiver.url + path, events }),
  });
  const body = (await res.json()) as { secret: string };
  expect(res.status).toBe(201);
  receiver.secrets.set(path, body.secret);
}

describe('offer events by webhook', () => {
  it('delivers a watched account’s new offer, signed, to the keys that may read its offers, and only them', async () => {
    await subscriber('/listener', ['offers:read'], ['bot1']);
    await subscriber('/blind', [], ['bot1']);
    await subscriber('/elsewhere', ['offers:read'], ['bot2']);
    await receiver.waitFor(() => gw.app.services.offerWatchers.held().includes('bot1'), 30_000);

    const carol = emulator.steam.trade.session(CAROL);
    const [item] = await tradable(emulator.url, CAROL, 440, '2', 1, carol);
    const sent = await sendOffer(emulator.url, carol, {
      partner: ALICE,
      give: [item!],
      token: emulator.steam.trade.account(ALICE).token,
    });
    const offerId = sent.json.tradeofferid as string;
    const eventId = `${ALICE}:${offerId}:2`;
    await receiver.waitFor(() => receiver.delivered('/listener').has(eventId), 30_000);
    const [delivery] = receiver.received.filter((r) => r.path === '/listener' && r.eventId === eventId);
    expect(delivery!.verified).toBe(true);
    expect(delivery!.body).toMatchObject({
      id: eventId,
      type: 'newOffer',
      account: 'bot1',
      data: { offer: { id: offerId, partner: CAROL } },
    });

    // Accepted in Steam: the change follows under its own id.
    expect(emulator.steam.trade.accept(offerId).ok).toBe(true);
    await receiver.waitFor(() => receiver.delivered('/listener').has(`${ALICE}:${offerId}:3`), 30_000);
    expect(receiver.received.filter((r) => r.path === '/blind' || r.path === '/elsewhere')).toEqual([]);
  }, 90_000);

  it('tells receivers of an expired session how the operator renews it behind the gateway', async () => {
    await subscriber('/failures', ['offers:read'], ['bot1'], ['pollFailure']);
    emulator.steam.trade.endSessions(ALICE);
    await receiver.waitFor(() => receiver.delivered('/failures').size > 0, 30_000);
    const [failure] = receiver.received.filter((r) => r.path === '/failures');
    expect(failure!.verified).toBe(true);
    expect(failure!.body).toMatchObject({ type: 'pollFailure', account: 'bot1' });
    expect(failure!.body.data.error).toMatchObject({ kind: 'session_expired' });
    expect(failure!.body.data.error.message).toContain('gamestash accounts update --name bot1');
    expect(failure!.body.data.error.message).not.toContain('STEAM_COOKIES');
  }, 60_000);
});
