/**
 * The trade tools as an agent sees them: SDK clients over the in-memory transport, real HTTP
 * to the emulator, a real SQLite store, sessions minted by the emulator. The write tools are
 * absent without allowTrading; with it, a dry run sends nothing and confirm: true sends one
 * offer, once, however often the same call is repeated.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { McpSessions } from '../../test/mcp-sessions.js';
import { tradable, type Asset } from '../../test/trade-world.js';

const ALICE = '76561198000000901';
const BOB = '76561198000000902';
const WRITE_TOOLS = ['steam_offer_accept', 'steam_offer_cancel', 'steam_offer_decline', 'steam_offer_send'];
const READ_TOOLS = ['steam_offer_show', 'steam_offers_list', 'steam_offers_summary', 'steam_trade_history'];

let emulator: StartedEmulator;
let dir: string;
const sessions = new McpSessions(() => ({
  GAMESTASH_STEAM_COMMUNITY_URL: emulator.url,
  GAMESTASH_STEAM_API_URL: emulator.url,
  GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '0',
  GAMESTASH_HTTP_RETRIES: '1',
  GAMESTASH_SQLITE_PATH: join(dir, 'mcp.sqlite'),
}));
let alice: Client;
let bob: Client;
let readOnly: Client;
let pool: { alice: Asset[]; bob: Asset[] };
/** The sessions the servers run with. */
const cookies = new Map<string, string>();

const cookiesOf = (steamid: string) => {
  const s = emulator.steam.trade.session(steamid);
  return `steamLoginSecure=${s.steamLoginSecure}; sessionid=${s.sessionid}`;
};
const trade = () => emulator.steam.trade;
const spec = (a: Asset) => `${a.appid}/${a.contextid}/${a.assetid}`;
const tradeUrl = (steamid: string) =>
  trade().account(steamid).tradeUrl.replace('https://steamcommunity.com', emulator.url);

async function tradeStats() {
  const body = (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as {
    modules: { steamTrade: Record<'sends' | 'offersCreated' | 'accepts' | 'declines' | 'cancels', number> };
  };
  return body.modules.steamTrade;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gamestash-mcp-trade-'));
  emulator = await startEmulator({
    scenario: {
      steam: {
        users: {
          [ALICE]: { name: 'Alice', inventories: { '730/2': { size: 30 } } },
          [BOB]: { name: 'Bob', inventories: { '730/2': { size: 30 } } },
        },
      },
    },
  });
  cookies.set(ALICE, cookiesOf(ALICE)).set(BOB, cookiesOf(BOB));
  alice = await sessions.connect({ STEAM_COOKIES: cookies.get(ALICE)! }, { allowTrading: true });
  bob = await sessions.connect({ STEAM_COOKIES: cookies.get(BOB)! }, { allowTrading: true });
  readOnly = await sessions.connect({ STEAM_COOKIES: cookies.get(ALICE)! });
  pool = {
    alice: await tradable(emulator.url, ALICE, 730, '2', 8),
    bob: await tradable(emulator.url, BOB, 730, '2', 4),
  };
});
afterAll(async () => {
  await sessions.closeAll();
  await emulator?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('tools/list', () => {
  it('has no trade write tools unless the server allows trading', async () => {
    const names = (await readOnly.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(READ_TOOLS));
    for (const name of WRITE_TOOLS) expect(names).not.toContain(name);
    const call = await sessions.call(readOnly, 'steam_offer_send', { partner: BOB, give: ['730/2/1'] });
    expect(call.result.isError).toBe(true);
  });

  it('lists the write tools with trading allowed, as destructive and not read-only', async () => {
    const { tools } = await alice.listTools();
    for (const name of WRITE_TOOLS) {
      const tool = tools.find((t) => t.name === name);
      expect(tool, name).toBeDefined();
      expect(tool!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
      expect(tool!.description).toMatch(/dry run/);
      expect(tool!.description).toMatch(/--allow-trading/);
      expect(tool!.inputSchema.properties).toHaveProperty('confirm');
    }
    for (const name of READ_TOOLS) {
      expect(tools.find((t) => t.name === name)!.annotations?.readOnlyHint, name).toBe(true);
    }
  });
});

describe('steam_offer_send', () => {
  it('answers a dry run that names the items and sends nothing', async () => {
    const give = pool.alice.shift()!;
    const receive = pool.bob.shift()!;
    const before = await tradeStats();
    const { result, text, data } = await sessions.call(alice, 'steam_offer_send', {
      partner: tradeUrl(BOB),
      give: [spec(give)],
      receive: [{ appid: 730, contextid: '2', assetid: receive.assetid }],
      message: 'as discussed',
    });
    expect(result.isError).toBeFalsy();
    expect(data).toMatchObject({
      dryRun: true,
      preview: {
        sender: ALICE,
        partner: BOB,
        withToken: true,
        message: 'as discussed',
        idempotencyKey: expect.stringMatching(/^derived:/),
        existing: null,
        problems: [],
        give: [{ assetid: give.assetid, found: true, name: expect.any(String) }],
        receive: [{ assetid: receive.assetid, found: true, name: expect.any(String) }],
      },
    });
    const preview = data.preview as { give: { name: string }[]; receive: { name: string }[] };
    expect(text).toMatch(/^DRY RUN: nothing was sent\. Would send a trade offer to 76561198000000902/);
    expect(text).toContain(`you give: ${preview.give[0]!.name} [${spec(give)}]`);
    expect(text).toContain(`you receive: ${preview.receive[0]!.name}`);
    expect(text).toMatch(/confirm: true/);
    const after = await tradeStats();
    expect(after.sends).toBe(before.sends);
    expect(after.offersCreated).toBe(before.offersCreated);
  });

  it('with confirm: true sends exactly one offer, and the same call again returns it', async () => {
    const give = pool.alice.shift()!;
    const args = { partner: tradeUrl(BOB), give: [spec(give)], message: 'a gift' };
    const before = await tradeStats();
    const sent = await sessions.call(alice, 'steam_offer_send', { ...args, confirm: true });
    expect(sent.result.isError).toBeFalsy();
    expect(sent.data).toMatchObject({
      dryRun: false,
      result: { partner: BOB, stateName: 'Active', reconciled: false, replayed: false },
    });
    const id = (sent.data.result as { id: string }).id;
    expect(sent.text).toBe(`Sent offer ${id} to ${BOB} (1 item given, 0 received), Active.`);
    expect(trade().offer(id)).toMatchObject({ sender: ALICE, recipient: BOB, message: 'a gift' });
    expect((await tradeStats()).offersCreated).toBe(before.offersCreated + 1);

    // An agent retrying the same call (the answer never reached it) gets the same offer back.
    const again = await sessions.call(alice, 'steam_offer_send', { ...args, confirm: true });
    expect(again.data).toMatchObject({ dryRun: false, result: { id, replayed: true } });
    expect(again.text).toMatch(/already sent by an identical earlier call: nothing sent again/);
    const dry = await sessions.call(alice, 'steam_offer_send', args);
    expect(dry.data).toMatchObject({ preview: { existing: { status: 'sent', offerId: id } } });
    expect(dry.text).toContain(`already sent offer ${id}: confirm: true returns it and sends nothing`);
    const after = await tradeStats();
    expect(after.offersCreated).toBe(before.offersCreated + 1);
    expect(after.sends).toBe(before.sends + 1);
  });

  it('says in the dry run which items Steam would refuse', async () => {
    const { data, text } = await sessions.call(alice, 'steam_offer_send', {
      partner: tradeUrl(BOB),
      give: ['730/2/999999999999'],
    });
    expect(data).toMatchObject({ preview: { give: [{ found: false, name: null }] } });
    expect(text).toContain('! give 730/2/999999999999 is not in your inventory');
  });

  it('refuses bad input in one line, before any request, dry run or not', async () => {
    const requests = emulator.stats.requests.length;
    for (const confirm of [false, true]) {
      const bad = await sessions.call(alice, 'steam_offer_send', {
        partner: BOB,
        give: ['730/2/abc'],
        confirm,
      });
      expect(bad.result.isError).toBe(true);
      expect(bad.text).toBe(
        'invalid_input (give): give "730/2/abc" is not APP/CONTEXT/ASSETID[:AMOUNT] (e.g. 730/2/34714784915 or 753/6/1234:5)',
      );
      const self = await sessions.call(alice, 'steam_offer_send', {
        partner: ALICE,
        give: ['730/2/1'],
        confirm,
      });
      expect(self.text).toMatch(/^invalid_input \(partner\): .*cannot trade with yourself$/);
      const long = await sessions.call(alice, 'steam_offer_send', {
        partner: tradeUrl(BOB),
        give: ['730/2/1'],
        message: 'x'.repeat(129),
        confirm,
      });
      expect(long.text).toBe(
        'invalid_input (message): message is 129 characters long: Steam takes at most 128',
      );
    }
    expect(emulator.stats.requests.slice(requests).filter((r) => !r.path.startsWith('/__emulator/'))).toEqual(
      [],
    );
  });

  it('says what Steam meant when it refuses', async () => {
    const { result, text } = await sessions.call(alice, 'steam_offer_send', {
      partner: BOB,
      token: 'AAAAAAAA',
      give: [spec(pool.alice[0]!)],
      confirm: true,
    });
    expect(result.isError).toBe(true);
    expect(text).toBe(
      "trade_refused: Steam refused the offer: the partner's trade URL token is wrong or they cannot trade (trade ban, full or private inventory, or a trade hold) (EResult 15 AccessDenied)",
    );
  });
});

describe('steam_offer_accept, _decline, _cancel', () => {
  async function sendToBob(): Promise<string> {
    const { data } = await sessions.call(alice, 'steam_offer_send', {
      partner: tradeUrl(BOB),
      give: [spec(pool.alice.shift()!)],
      receive: [spec(pool.bob.shift()!)],
      confirm: true,
    });
    return (data.result as { id: string }).id;
  }

  it('answer a dry run that changes nothing, then act with confirm: true', async () => {
    const id = await sendToBob();
    const before = await tradeStats();
    const dry = await sessions.call(bob, 'steam_offer_accept', { id });
    expect(dry.data).toMatchObject({ dryRun: true, offer: { id, partner: ALICE, isOurOffer: false } });
    expect(dry.text).toMatch(
      new RegExp(`^DRY RUN: nothing was done\\. Would accept offer ${id}, the offer from ${ALICE}`),
    );
    expect(dry.text).toMatch(/- you give: \S/);
    expect((await tradeStats()).accepts).toBe(before.accepts);
    expect(trade().offer(id)?.state).toBe(2);

    const done = await sessions.call(bob, 'steam_offer_accept', { id, confirm: true });
    expect(done.result.isError).toBeFalsy();
    expect(done.data).toMatchObject({
      dryRun: false,
      result: { id, stateName: 'Accepted', reconciled: false },
    });
    const tradeId = (done.data.result as { tradeId: string }).tradeId;
    expect(done.text).toBe(`Accepted offer ${id}: trade ${tradeId}, now Accepted.`);
    expect(trade().offer(id)).toMatchObject({ state: 3, tradeid: tradeId });
    expect(trade().trade(tradeId)?.assets).toHaveLength(2);

    const history = await sessions.call(alice, 'steam_trade_history', { limit: 5 });
    expect((history.data.trades as { tradeId: string }[]).map((t) => t.tradeId)).toContain(tradeId);
  });

  it('decline and cancel: dry runs first, the refusal an action would meet, then the action', async () => {
    const declined = await sendToBob();
    const cancelled = await sendToBob();
    const before = await tradeStats();
    expect((await sessions.call(bob, 'steam_offer_decline', { id: declined })).data).toMatchObject({
      dryRun: true,
    });
    const wrongSide = await sessions.call(bob, 'steam_offer_cancel', { id: cancelled });
    expect(wrongSide.text).toBe(
      `invalid_input (offerId): offer ${cancelled} was sent to you: decline it instead of cancelling it`,
    );
    const own = await sessions.call(alice, 'steam_offer_accept', { id: cancelled, confirm: true });
    expect(own.text).toBe(
      `invalid_input (offerId): offer ${cancelled} is one you sent: only its recipient can accept it`,
    );
    const after = await tradeStats();
    expect([after.accepts, after.declines, after.cancels]).toEqual([
      before.accepts,
      before.declines,
      before.cancels,
    ]);

    expect((await sessions.call(bob, 'steam_offer_decline', { id: declined, confirm: true })).text).toBe(
      `Declined offer ${declined}, now Declined.`,
    );
    expect((await sessions.call(alice, 'steam_offer_cancel', { id: cancelled, confirm: true })).text).toBe(
      `Cancelled offer ${cancelled}, now Canceled.`,
    );
    expect(trade().offer(declined)?.state).toBe(7);
    expect(trade().offer(cancelled)?.state).toBe(6);
  });
});

describe('read tools', () => {
  it('list, show and count the offers, items named', async () => {
    const give = pool.alice.shift()!;
    const sent = await sessions.call(alice, 'steam_offer_send', {
      partner: tradeUrl(BOB),
      give: [spec(give)],
      message: 'for the list',
      confirm: true,
    });
    const id = (sent.data.result as { id: string }).id;
    const list = await sessions.call(readOnly, 'steam_offers_list', { received: false, limit: 50 });
    const offers = list.data.offers as { id: string; itemsToGive: { assetid: string; name: string }[] }[];
    const offer = offers.find((o) => o.id === id)!;
    expect(offer).toMatchObject({
      partner: BOB,
      isOurOffer: true,
      stateName: 'Active',
      message: 'for the list',
    });
    expect(offer.itemsToGive[0]).toMatchObject({ assetid: give.assetid, name: expect.any(String) });
    expect(list.text).toContain(
      `- offer ${id} to ${BOB}, Active: you give ${offer.itemsToGive[0]!.name}; you receive nothing "for the list"`,
    );

    const limited = await sessions.call(readOnly, 'steam_offers_list', { filter: 'all', limit: 1 });
    expect(limited.data).toMatchObject({ returned: 1, complete: false });
    expect(limited.data.note).toBeUndefined();
    // A key alone reads no CS2 offers: the answer says so instead of looking like "none".
    const keyOnly = await sessions.connect({ STEAM_ID: ALICE, STEAM_API_KEY: 'A'.repeat(32) });
    const keyList = await sessions.call(keyOnly, 'steam_offers_list', { filter: 'all', limit: 5 });
    expect(keyList.data.note).toMatch(/Steam leaves CS2 offers out/);
    expect(keyList.text).toMatch(/^\d+ offers?\nNote: read with STEAM_API_KEY alone/);

    const show = await sessions.call(readOnly, 'steam_offer_show', { id });
    expect(show.data).toMatchObject({ offer: { id, message: 'for the list' } });
    const missing = await sessions.call(readOnly, 'steam_offer_show', { id: '9999999999' });
    expect(missing.text).toBe('not_found: no trade offer 9999999999 visible to this account');

    const summary = await sessions.call(bob, 'steam_offers_summary', {});
    expect((summary.data as { pendingReceived: number }).pendingReceived).toBeGreaterThan(0);
  });

  it('read without a usable store; a write says the store is the trouble', async () => {
    const noStore = await sessions.connect(
      { STEAM_COOKIES: cookies.get(ALICE)!, GAMESTASH_SQLITE_PATH: '/dev/null/x.sqlite' },
      { allowTrading: true },
    );
    const list = await sessions.call(noStore, 'steam_offers_list', { limit: 1 });
    expect(list.result.isError).toBeFalsy();
    const before = await tradeStats();
    const send = await sessions.call(noStore, 'steam_offer_send', {
      partner: tradeUrl(BOB),
      give: [spec(pool.alice[0]!)],
      confirm: true,
    });
    expect(send.result.isError).toBe(true);
    expect(send.text).toMatch(/^store_unavailable: /);
    expect((await tradeStats()).sends).toBe(before.sends);
  });

  it('never leaks the session', () => {
    // The JWTs (after `%7C%7C`) and the sessionids.
    const secrets = [...cookies.values()].flatMap((c) =>
      c.split('; ').map((part) => part.split('=')[1]!.split('%7C%7C').at(-1)!),
    );
    expect(secrets).toHaveLength(4);
    expect(sessions.answers.length).toBeGreaterThan(20);
    for (const answer of sessions.answers) for (const secret of secrets) expect(answer).not.toContain(secret);
  });
});
