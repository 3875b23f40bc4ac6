/**
 * The confirmation tools as an agent sees them: SDK clients over the in-memory transport,
 * real HTTP to the emulator. `steam_confirmations_list` is always there; accept and cancel
 * only with --allow-trading, and they are dry runs unless `confirm: true`. Offers are read
 * back from the emulator; no answer carries a secret.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { McpSessions } from '../../test/mcp-sessions.js';
import { sendOffer, tradable } from '../../test/trade-world.js';

const BOT = '76561198000000940';
const PARTNER = '76561198000000941';

let emulator: StartedEmulator;
let dataDir: string;
const secrets: string[] = [];
const sessions = new McpSessions(() => {
  const session = emulator.steam.trade.session(BOT);
  const identitySecret = emulator.steam.guard.account(BOT).identitySecret;
  secrets.push(session.steamLoginSecure, session.sessionid, identitySecret);
  return {
    GAMESTASH_STEAM_COMMUNITY_URL: emulator.url,
    GAMESTASH_STEAM_API_URL: emulator.url,
    GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '0',
    GAMESTASH_HTTP_RETRIES: '0',
    GAMESTASH_DATA_DIR: dataDir,
    STEAM_COOKIES: `steamLoginSecure=${session.steamLoginSecure}; sessionid=${session.sessionid}`,
    STEAM_IDENTITY_SECRET: identitySecret,
  };
});

let reader: Client;
let trader: Client;
beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      steam: {
        users: {
          [BOT]: { trade: { mobileAuthenticator: true }, inventories: { '730/2': { size: 30 } } },
          [PARTNER]: { name: 'Partner Pat' },
        },
        guard: { timeSkewSeconds: 1800 },
      },
    },
  });
  dataDir = await mkdtemp(join(tmpdir(), 'gamestash-mcp-guard-'));
  reader = await sessions.connect();
  trader = await sessions.connect({}, { allowTrading: true });
});
afterAll(async () => {
  await sessions.closeAll();
  await emulator?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function offer(): Promise<string> {
  const minted = emulator.steam.trade.session(BOT);
  const used = new Set(
    emulator.steam.trade.offers({ steamid: BOT }).flatMap((o) => o.itemsFromSender.map((i) => i.assetid)),
  );
  const item = (await tradable(emulator.url, BOT, 730, '2', 20, minted)).find((i) => !used.has(i.assetid))!;
  const sent = await sendOffer(emulator.url, minted, {
    partner: PARTNER,
    give: [item],
    token: emulator.steam.trade.account(PARTNER).token,
  });
  return sent.json.tradeofferid as string;
}

type Conf = { id: string; offerId: string | null; headline: string };
const confsOf = (data: Record<string, unknown>) => data.confirmations as Conf[];

describe('tools/list', () => {
  it('lists steam_confirmations_list always, accept and cancel only with --allow-trading', async () => {
    const plain = (await reader.listTools()).tools.map((t) => t.name);
    expect(plain).toContain('steam_confirmations_list');
    expect(plain).not.toContain('steam_confirmation_accept');
    expect(plain).not.toContain('steam_confirmation_cancel');
    const tools = (await trader.listTools()).tools;
    const accept = tools.find((t) => t.name === 'steam_confirmation_accept')!;
    expect(accept.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: false,
    });
    expect(accept.description).toMatch(/dry run/);
    expect(tools.find((t) => t.name === 'steam_confirmation_cancel')?.annotations?.destructiveHint).toBe(
      true,
    );
    expect(tools.find((t) => t.name === 'steam_confirmations_list')?.annotations?.readOnlyHint).toBe(true);
    const refused = await sessions.call(reader, 'steam_confirmation_accept', { all: true, confirm: true });
    expect(refused.result.isError).toBe(true);
  });
});

describe('steam_confirmations_list', () => {
  it('lists what waits, with the offer id', async () => {
    const id = await offer();
    const { data, text } = await sessions.call(reader, 'steam_confirmations_list', {});
    expect(data.count).toBe(1);
    expect(confsOf(data)[0]).toMatchObject({ offerId: id, headline: 'Partner Pat', type: 2 });
    expect(text).toMatch(
      new RegExp(`^1 confirmation waiting\\n\\d+: offer ${id} with Partner Pat — You will give up your `),
    );
    await sessions.call(trader, 'steam_confirmation_cancel', { offerIds: [id], confirm: true });
  });
});

describe('steam_confirmation_accept and _cancel', () => {
  it('is a dry run unless confirm is true; then the offer becomes Active', async () => {
    const id = await offer();
    const dry = await sessions.call(trader, 'steam_confirmation_accept', { offerIds: [id] });
    expect(dry.result.isError).toBeFalsy();
    expect(dry.data).toMatchObject({ dryRun: true, action: 'accept', confirmations: [{ offerId: id }] });
    expect(dry.text).toMatch(/^dry run: would accept 1 confirmation/);
    expect(emulator.steam.trade.offer(id)!.state).toBe(9);

    const done = await sessions.call(trader, 'steam_confirmation_accept', { offerIds: [id], confirm: true });
    expect(done.data).toMatchObject({ dryRun: false, confirmations: [{ offerId: id }], acknowledged: false });
    expect(emulator.steam.trade.offer(id)!.state).toBe(2);
  });

  it('cancels by confirmation id and accepts all', async () => {
    const [a, b, c] = [await offer(), await offer(), await offer()];
    const listed = confsOf((await sessions.call(reader, 'steam_confirmations_list', {})).data);
    const idOf = (offerId: string) => listed.find((conf) => conf.offerId === offerId)!.id;
    const cancelled = await sessions.call(trader, 'steam_confirmation_cancel', {
      ids: [idOf(a)],
      confirm: true,
    });
    expect(cancelled.text).toMatch(/^cancelled 1 confirmation/);
    expect(emulator.steam.trade.offer(a)!.state).toBe(10);
    const all = await sessions.call(trader, 'steam_confirmation_accept', { all: true, confirm: true });
    expect(
      confsOf(all.data)
        .map((conf) => conf.offerId)
        .sort(),
    ).toEqual([b, c].sort());
    expect([b, c].map((o) => emulator.steam.trade.offer(o)!.state)).toEqual([2, 2]);
  });

  it('answers bad input, an unknown id and a wrong secret with one line each', async () => {
    const both = await sessions.call(trader, 'steam_confirmation_accept', { ids: ['1'], all: true });
    expect(both.text).toMatch(/^invalid_input \(ids\): give exactly one of ids, offerIds or all/);
    const unknown = await sessions.call(trader, 'steam_confirmation_cancel', { ids: ['77'], confirm: true });
    expect(unknown.text).toMatch(/^not_found: no confirmation 77 waits/);
    const wrongSecret = Buffer.alloc(20, 1).toString('base64');
    secrets.push(wrongSecret);
    const wrong = await sessions.connect({ STEAM_IDENTITY_SECRET: wrongSecret });
    const refused = await sessions.call(wrong, 'steam_confirmations_list', {});
    expect(refused.result.isError).toBe(true);
    expect(refused.text).toMatch(/^confirmation_key_refused: Steam refused the confirmation key/);
    const none = await sessions.connect({ STEAM_IDENTITY_SECRET: '' });
    expect((await sessions.call(none, 'steam_confirmations_list', {})).text).toMatch(
      /^invalid_input \(STEAM_IDENTITY_SECRET\): mobile confirmations needs STEAM_IDENTITY_SECRET/,
    );
  });
});

afterAll(() => {
  const all = sessions.answers.join('\n');
  expect(sessions.answers.length).toBeGreaterThan(5);
  for (const secret of secrets) expect(all).not.toContain(secret);
});
