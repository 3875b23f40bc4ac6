/**
 * `send({ confirm: true })` against the emulator: the offer is confirmed through the account's
 * mobile confirmations in the same call (checked with the emulator's own identity-secret
 * algorithm), and a confirmation that cannot be made leaves the sent offer reported, not thrown.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import { HttpClient } from '../../core/http/client.js';
import { InvalidInputError } from '../../core/errors.js';
import { ALICE, asSession, BOB, MOBILE, spec, tradeClientWorld } from '../../../test/trade-client-world.js';
import { createSteamConfirmations } from '../guard/from-config.js';
import { SteamTradeClient } from './client.js';
import { SteamWebApiClient } from '../webapi/client.js';
import { MemoryTradeStateStore } from './state-store.js';

const w = tradeClientWorld();

function confirmingClient(steamid: string, identitySecret?: string) {
  const http = new HttpClient({ retries: 0 });
  const session = asSession(w.trade().session(steamid));
  const config = loadConfig({
    GAMESTASH_STEAM_COMMUNITY_URL: w.url(),
    GAMESTASH_STEAM_API_URL: w.url(),
    GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '0',
    STEAM_IDENTITY_SECRET: identitySecret ?? w.world.emulator.steam.guard.account(steamid).identitySecret,
  });
  const confirmer = createSteamConfirmations(config, http, { session });
  const client = new SteamTradeClient({
    http,
    webapi: new SteamWebApiClient({ http, apiUrl: w.url(), communityUrl: w.url() }),
    communityUrl: w.url(),
    store: new MemoryTradeStateStore(),
    session,
    steamId: steamid,
    confirmer,
  });
  return { client, close: () => http.close() };
}

describe('send({ confirm: true })', () => {
  it('confirms an offer that waits for the mobile app, in the same call', async () => {
    const { client, close } = confirmingClient(MOBILE);
    try {
      const sent = await client.send({
        partner: BOB,
        token: w.trade().account(BOB).token,
        give: (await w.take(MOBILE, 440, 1)).map(spec),
        confirm: true,
      });
      expect(sent).toMatchObject({ state: 2, stateName: 'Active', confirmation: { status: 'confirmed' } });
      // Steam's side: the offer left state 9 and reached its recipient.
      expect(w.trade().offer(sent.id)?.state).toBe(2);
    } finally {
      await close();
    }
  });

  it('answers a replay under the same idempotency key as the first call, confirmation included, without asking Steam', async () => {
    const { client, close } = confirmingClient(MOBILE);
    try {
      const input = {
        partner: BOB,
        token: w.trade().account(BOB).token,
        give: (await w.take(MOBILE, 440, 1)).map(spec),
        confirm: true,
        idempotencyKey: 'order-replay-1',
      };
      const first = await client.send(input);
      expect(first).toMatchObject({ state: 2, confirmation: { status: 'confirmed' }, replayed: false });
      const before = await w.stats();
      const asked = () => w.world.emulator.stats.count({ pathPrefix: '/mobileconf/' });
      const confirmationsAsked = asked();
      const again = await client.send(input);
      expect(again).toEqual({ ...first, replayed: true });
      expect(await w.stats()).toEqual(before);
      expect(asked()).toBe(confirmationsAsked);
    } finally {
      await close();
    }
  });

  it('confirms on a replay of a send made without confirm, reading the offer first', async () => {
    const { client, close } = confirmingClient(MOBILE);
    try {
      const input = {
        partner: BOB,
        token: w.trade().account(BOB).token,
        give: (await w.take(MOBILE, 440, 1)).map(spec),
        idempotencyKey: 'order-replay-2',
      };
      const first = await client.send(input);
      expect(first).toMatchObject({ state: 9 });
      const again = await client.send({ ...input, confirm: true });
      expect(again).toMatchObject({ replayed: true, state: 2, confirmation: { status: 'confirmed' } });
      expect(w.trade().offer(first.id)?.state).toBe(2);
    } finally {
      await close();
    }
  });

  it('says when no confirmation was needed', async () => {
    const { client, close } = confirmingClient(ALICE, 'c2VjcmV0IHRoYXQgaXMgbm90IHVzZWQ=');
    try {
      const sent = await client.send({
        partner: BOB,
        token: w.trade().account(BOB).token,
        give: (await w.take(ALICE, 440, 1)).map(spec),
        confirm: true,
      });
      expect(sent).toMatchObject({ state: 2, confirmation: { status: 'not_needed' } });
    } finally {
      await close();
    }
  });

  it('reports a refused confirmation on the sent offer instead of throwing', async () => {
    const { client, close } = confirmingClient(
      MOBILE,
      Buffer.from('a wrong identity secret').toString('base64'),
    );
    try {
      const sent = await client.send({
        partner: BOB,
        token: w.trade().account(BOB).token,
        give: (await w.take(MOBILE, 440, 1)).map(spec),
        confirm: true,
      });
      expect(sent.id).toMatch(/^\d+$/);
      expect(sent.state).toBe(9);
      expect(sent.confirmation?.status).toBe('failed');
      expect(sent.confirmation?.error).toMatch(/confirmations accept --offer \d+/);
      expect(w.trade().offer(sent.id)?.state).toBe(9);
    } finally {
      await close();
    }
  });

  it('refuses confirm: true without a confirmer before anything is sent', async () => {
    const before = w.trade().offers().length;
    const { client } = w.client(MOBILE);
    const give = (await w.take(MOBILE, 440, 1)).map(spec);
    const input = { partner: BOB, token: w.trade().account(BOB).token, give, confirm: true };
    await expect(client.send(input)).rejects.toThrow(InvalidInputError);
    await expect(client.send(input)).rejects.toThrow(/STEAM_IDENTITY_SECRET/);
    expect(w.trade().offers().length).toBe(before);
  });
});
