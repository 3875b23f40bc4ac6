/**
 * `gamestash steam offers ...` end to end: the built CLI against the emulator over real HTTP,
 * with sessions minted by the emulator's control endpoint and its own SQLite store; each
 * write is checked in the emulator's state afterwards (the offer exists, the items moved).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../../src/emulator/index.js';
import { tradable, type Asset } from '../trade-world.js';
import { CLI_BIN, runCli } from './run-cli.js';

const ALICE = '76561198000000801';
const BOB = '76561198000000802';
const MO = '76561198000000803';
const items = { '730/2': { size: 40 }, '440/2': { size: 20 } };

let emulator: StartedEmulator;
let dir: string;
let base: Record<string, string>;
const sessions = new Map<string, { cookies: string }>();
let pool: { alice: Asset[]; bob: Asset[]; mo: Asset[] };

/** A session minted through the control endpoint, as a user's STEAM_COOKIES. */
async function mint(steamid: string, expiresInSeconds?: number): Promise<string> {
  const response = await fetch(`${emulator.url}/__emulator/steam/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ steamid, ...(expiresInSeconds === undefined ? {} : { expiresInSeconds }) }),
  });
  const body = (await response.json()) as { steamLoginSecure: string; sessionid: string };
  return `steamLoginSecure=${body.steamLoginSecure}; sessionid=${body.sessionid}`;
}

const as = (steamid: string) => ({ ...base, STEAM_COOKIES: sessions.get(steamid)!.cookies });
const cli = (steamid: string, ...args: string[]) => runCli(['steam', 'offers', ...args], as(steamid));
const spec = (a: Asset) => `${a.appid}/${a.contextid}/${a.assetid}`;
const trade = () => emulator.steam.trade;
type TradeStats = Record<'sends' | 'offersCreated' | 'accepts' | 'declines' | 'cancels', number>;

async function tradeStats(): Promise<TradeStats> {
  const body = (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as {
    modules: { steamTrade: TradeStats };
  };
  return body.modules.steamTrade;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gamestash-cli-offers-'));
  emulator = await startEmulator({
    scenario: {
      steam: {
        users: {
          [ALICE]: { name: 'Alice', inventories: items },
          [BOB]: { name: 'Bob', inventories: items },
          [MO]: { name: 'Mo', inventories: items, trade: { mobileAuthenticator: true } },
        },
      },
    },
  });
  base = {
    GAMESTASH_STEAM_COMMUNITY_URL: emulator.url,
    GAMESTASH_STEAM_API_URL: emulator.url,
    GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '0',
    GAMESTASH_HTTP_RETRIES: '1',
    GAMESTASH_DATA_DIR: dir,
  };
  for (const id of [ALICE, BOB, MO]) sessions.set(id, { cookies: await mint(id) });
  pool = {
    alice: await tradable(emulator.url, ALICE, 730, '2', 12),
    bob: await tradable(emulator.url, BOB, 730, '2', 6),
    mo: await tradable(emulator.url, MO, 730, '2', 3),
  };
});
afterAll(async () => {
  await emulator?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const tradeUrlOf = (steamid: string) =>
  trade().account(steamid).tradeUrl.replace('https://steamcommunity.com', emulator.url);

describe('gamestash steam offers send', { timeout: 120_000 }, () => {
  it("sends through the partner's trade URL and says what it did in one line", async () => {
    const give = pool.alice.splice(0, 2);
    const receive = pool.bob.splice(0, 1);
    const { code, stdout, stderr } = await cli(
      ALICE,
      'send',
      '--to',
      tradeUrlOf(BOB),
      '--give',
      ...give.map(spec),
      '--receive',
      spec(receive[0]!),
      '--message',
      'as discussed',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const match = /^sent offer (\d+) to (\d+) \(2 items given, 1 received\)\n$/.exec(stdout);
    expect(match?.[2]).toBe(BOB);
    expect(trade().offer(match![1]!)).toMatchObject({
      sender: ALICE,
      recipient: BOB,
      state: 2,
      message: 'as discussed',
      itemsFromSender: give.map((a) => expect.objectContaining({ assetid: a.assetid })),
      itemsFromRecipient: [expect.objectContaining({ assetid: receive[0]!.assetid })],
    });
  });

  it('prints the result as JSON, and says when the mobile app must confirm', async () => {
    const { code, stdout } = await cli(
      MO,
      'send',
      '--to',
      ALICE,
      '--token',
      trade().account(ALICE).token,
      '--give',
      spec(pool.mo[0]!),
      '--json',
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result).toEqual({
      id: expect.stringMatching(/^\d+$/),
      partner: ALICE,
      state: 9,
      stateName: 'CreatedNeedsConfirmation',
      needsMobileConfirmation: true,
      needsEmailConfirmation: false,
      reconciled: false,
      replayed: false,
    });
    const line = await cli(MO, 'send', '--to', tradeUrlOf(ALICE), '--give', spec(pool.mo[1]!));
    expect(line.stdout).toMatch(
      /^sent offer \d+ to \d+ \(1 item given, 0 received\); it needs confirmation in the Steam mobile app\n$/,
    );
  });

  it('confirms the new offer with --confirm and the identity secret from the environment', async () => {
    const secret = emulator.steam.guard.account(MO).identitySecret;
    const give = spec(pool.mo[2]!);
    const env = { ...as(MO), STEAM_IDENTITY_SECRET: secret };
    const args = ['steam', 'offers', 'send', '--to', tradeUrlOf(ALICE), '--give', give, '--confirm'];
    const { code, stdout, stderr } = await runCli(args, env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const match =
      /^sent offer (\d+) to \d+ \(1 item given, 0 received\); confirmed with your identity secret\n$/.exec(
        stdout,
      );
    expect(trade().offer(match![1]!)?.state).toBe(2);
    expect(stdout + stderr).not.toContain(secret);
    // Without the secret, --confirm is refused before anything is sent.
    const before = (await tradeStats()).sends;
    const refused = await cli(MO, 'send', '--to', tradeUrlOf(ALICE), '--give', give, '--confirm');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/STEAM_IDENTITY_SECRET/);
    expect((await tradeStats()).sends).toBe(before);
  });

  it('sends once under an idempotency key, across runs, keeping the key in the data directory', async () => {
    const give = pool.alice.splice(0, 1);
    const args = [
      'send',
      '--to',
      tradeUrlOf(BOB),
      '--give',
      spec(give[0]!),
      '--idempotency-key',
      'order-8812',
    ];
    const before = (await tradeStats()).offersCreated;
    const first = await cli(ALICE, ...args);
    const second = await cli(ALICE, ...args, '--json');
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    const id = /^sent offer (\d+)/.exec(first.stdout)?.[1];
    expect(JSON.parse(second.stdout)).toMatchObject({ id, replayed: true });
    const third = await cli(ALICE, ...args);
    expect(third.stdout).toBe(
      `offer ${id} to ${BOB} was already sent under idempotency key "order-8812": nothing sent again (it was Active then)\n`,
    );
    expect((await tradeStats()).offersCreated).toBe(before + 1);
    expect(existsSync(join(dir, 'gamestash.sqlite'))).toBe(true);
  });

  it('exits 7 with what Steam meant when it refuses the offer', async () => {
    const { code, stdout, stderr } = await cli(
      ALICE,
      'send',
      '--to',
      BOB,
      '--token',
      'AAAAAAAA',
      '--give',
      spec(pool.alice[0]!),
    );
    expect(code).toBe(7);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      "gamestash: Steam refused the offer: the partner's trade URL token is wrong or they cannot trade (trade ban, full or private inventory, or a trade hold) (EResult 15 AccessDenied)\n",
    );
  });

  it('refuses bad input in one line, before any request', async () => {
    const token = trade().account(BOB).token;
    const cases: [string[], RegExp][] = [
      [
        ['--to', 'https://steamcommunity.com/tradeoffer/new/?partner=42&token=bad'],
        /is not a Steam trade token/,
      ],
      [['--to', BOB, '--token', 'short'], /token "short" is not a Steam trade token/],
      [['--to', BOB, '--give', '730/2/12ab'], /give "730\/2\/12ab" is not APP\/CONTEXT\/ASSETID/],
      [['--to', BOB, '--give', 'cs2/2/123'], /give "cs2\/2\/123" is not APP\/CONTEXT\/ASSETID/],
      [
        ['--to', BOB, '--token', token, '--give', '730/2/1', '--message', 'x'.repeat(129)],
        /129 characters long/,
      ],
      [['--to', ALICE, '--give', '730/2/1'], /cannot trade with yourself/],
      [['--to', BOB, '--token', token], /the offer has no items/],
      [['--give', '730/2/1'], /--to is required/],
    ];
    const sends = (await tradeStats()).sends;
    const requests = emulator.stats.requests.length;
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await cli(ALICE, 'send', ...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(new RegExp(`^gamestash: .*${message.source}.*\\n$`));
      expect(stderr.split('\n')).toHaveLength(2);
    }
    // The control endpoint's own requests are logged too: none other may be.
    expect(emulator.stats.requests.slice(requests).filter((r) => !r.path.startsWith('/__emulator/'))).toEqual(
      [],
    );
    expect((await tradeStats()).sends).toBe(sends);
  });

  it('needs a session from STEAM_COOKIES, and says when it expired', async () => {
    const none = await runCli(['steam', 'offers', 'send', '--to', BOB, '--give', '730/2/1'], base);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/needs a logged-in Steam session: set STEAM_COOKIES/);
    const expired = await runCli(['steam', 'offers', 'list'], {
      ...base,
      STEAM_COOKIES: await mint(ALICE, -60),
    });
    expect(expired.code).toBe(6);
    expect(expired.stderr).toMatch(/^gamestash: .*expired/);
  });
});

describe('gamestash steam offers accept|decline|cancel', { timeout: 120_000 }, () => {
  it('accepts as the partner: the trade happens and the items move', async () => {
    const give = pool.alice.splice(0, 1);
    const receive = pool.bob.splice(0, 1);
    const sent = await cli(
      ALICE,
      'send',
      '--to',
      tradeUrlOf(BOB),
      '--give',
      spec(give[0]!),
      '--receive',
      spec(receive[0]!),
      '--json',
    );
    const { id } = JSON.parse(sent.stdout) as { id: string };
    const { code, stdout, stderr } = await cli(BOB, 'accept', id);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const tradeid = /^accepted offer \d+: trade (\d+)\n$/.exec(stdout)?.[1];
    expect(trade().offer(id)).toMatchObject({ state: 3, tradeid });
    const moved = trade().trade(tradeid!)!;
    expect(moved.assets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ assetid: give[0]!.assetid, from: ALICE, to: BOB, newContextid: '16' }),
        expect.objectContaining({ assetid: receive[0]!.assetid, from: BOB, to: ALICE, newContextid: '16' }),
      ]),
    );
    const removed = trade()
      .inventoryChanges(ALICE)
      .flatMap((c) => c.removed);
    expect(removed).toContain(give[0]!.assetid);

    const status = await cli(ALICE, 'status', tradeid!, '--json');
    expect(JSON.parse(status.stdout)).toMatchObject({
      tradeId: tradeid,
      partner: BOB,
      statusName: 'Complete',
    });
    const history = await cli(ALICE, 'history', '--json');
    expect((JSON.parse(history.stdout) as { tradeId: string }[]).map((t) => t.tradeId)).toContain(tradeid);
  });

  it('declines a received offer and cancels a sent one', async () => {
    const a = JSON.parse(
      (await cli(ALICE, 'send', '--to', tradeUrlOf(BOB), '--give', spec(pool.alice.shift()!), '--json'))
        .stdout,
    ) as { id: string };
    const b = JSON.parse(
      (await cli(ALICE, 'send', '--to', tradeUrlOf(BOB), '--give', spec(pool.alice.shift()!), '--json'))
        .stdout,
    ) as { id: string };
    expect(await cli(BOB, 'decline', a.id)).toMatchObject({ code: 0, stdout: `declined offer ${a.id}\n` });
    expect(await cli(ALICE, 'cancel', b.id)).toMatchObject({ code: 0, stdout: `cancelled offer ${b.id}\n` });
    expect(trade().offer(a.id)?.state).toBe(7);
    expect(trade().offer(b.id)?.state).toBe(6);
  });

  it("refuses, before any write, an unknown offer, accepting one's own, cancelling a received one", async () => {
    const { id } = JSON.parse(
      (await cli(ALICE, 'send', '--to', tradeUrlOf(BOB), '--give', spec(pool.alice.shift()!), '--json'))
        .stdout,
    ) as { id: string };
    const before = await tradeStats();
    const own = await cli(ALICE, 'accept', id);
    expect(own).toMatchObject({ code: 2, stdout: '' });
    expect(own.stderr).toBe(`gamestash: offer ${id} is one you sent: only its recipient can accept it\n`);
    const received = await cli(BOB, 'cancel', id);
    expect(received.code).toBe(2);
    expect(received.stderr).toBe(
      `gamestash: offer ${id} was sent to you: decline it instead of cancelling it\n`,
    );
    const unknown = await cli(BOB, 'accept', '9999999999');
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toBe('gamestash: no trade offer 9999999999 visible to this account\n');
    const malformed = await cli(BOB, 'decline', 'abc');
    expect(malformed.code).toBe(2);
    const after = await tradeStats();
    expect([after.accepts, after.declines, after.cancels]).toEqual([
      before.accepts,
      before.declines,
      before.cancels,
    ]);
    expect(trade().offer(id)?.state).toBe(2);
  });
});

describe('gamestash steam offers list|show|summary|partner', { timeout: 120_000 }, () => {
  it('lists offers as a table with item names, and as the offer model in JSON', async () => {
    const give = pool.alice.shift()!;
    const sent = JSON.parse(
      (
        await cli(
          ALICE,
          'send',
          '--to',
          tradeUrlOf(BOB),
          '--give',
          spec(give),
          '--message',
          'hello table',
          '--json',
        )
      ).stdout,
    ) as { id: string };
    const table = await cli(BOB, 'list', '--received', '--active');
    expect(table.code).toBe(0);
    const row = table.stdout.split('\n').find((l) => l.includes(sent.id))!;
    expect(row).toMatch(new RegExp(`${ALICE}.*theirs.*Active.*—.*hello table`));
    const json = await cli(BOB, 'list', '--received', '--json');
    const offers = JSON.parse(json.stdout) as {
      id: string;
      itemsToReceive: { assetid: string; name: string }[];
    }[];
    const offer = offers.find((o) => o.id === sent.id)!;
    expect(offer).toMatchObject({
      partner: ALICE,
      isOurOffer: false,
      stateName: 'Active',
      message: 'hello table',
    });
    expect(offer.itemsToReceive[0]).toMatchObject({ assetid: give.assetid, name: expect.any(String) });
    expect(row).toContain(offer.itemsToReceive[0]!.name.slice(0, 10));
    const limited = JSON.parse(
      (await cli(ALICE, 'list', '--sent', '--all', '--limit', '2', '--json')).stdout,
    ) as unknown[];
    expect(limited).toHaveLength(2);

    const show = await cli(ALICE, 'show', sent.id);
    expect(show.stdout).toMatch(
      new RegExp(`^offer ${sent.id} · Active · sent to ${BOB}\\nmessage: hello table\\n`),
    );
    expect(show.stdout).toContain(`730/2/${give.assetid}`);
    expect(show.stderr).toBe('');

    // A key alone reads no CS2 offers: said once on stderr, so an empty table is not "none".
    const keyOnly = await runCli(['steam', 'offers', 'list', '--sent', '--all'], {
      ...base,
      STEAM_ID: ALICE,
      STEAM_API_KEY: 'A'.repeat(32),
    });
    expect(keyOnly.code).toBe(0);
    expect(keyOnly.stderr.trim().split('\n')).toEqual([
      'gamestash: warning: offers read with STEAM_API_KEY alone: Steam leaves CS2 offers (and their trades) out of such reads; set STEAM_COOKIES to see them all',
    ]);
  });

  it('prints the summary and the hold days', async () => {
    const summary = JSON.parse((await cli(BOB, 'summary', '--json')).stdout) as Record<string, number>;
    expect(summary.pendingReceived).toBeGreaterThan(0);
    const table = await cli(BOB, 'summary');
    expect(table.stdout).toMatch(/pending received\s*│\s*\d+/);
    const partner = await cli(ALICE, 'partner', tradeUrlOf(BOB));
    expect(partner).toMatchObject({
      code: 0,
      stdout: `${BOB}: a trade now would hold your items 0 days and theirs 0 days (from GetTradeHoldDurations)\n`,
    });
    // A SteamID alone (not a friend): what is missing is named, not only Steam's words.
    const bare = await cli(ALICE, 'partner', BOB);
    expect(bare.code).not.toBe(0);
    expect(bare.stderr).toMatch(/no trade URL token was given: .* the partner's trade URL, or --token\)\n$/);
  });

  it('refuses conflicting filters', async () => {
    const { code, stderr } = await cli(ALICE, 'list', '--active', '--historical');
    expect(code).toBe(2);
    expect(stderr).toBe('gamestash: --active cannot be used with --historical\n');
  });
});

describe('gamestash mcp --allow-trading', () => {
  it('adds the trade write tools to the server the command starts', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI_BIN, 'mcp', '--allow-trading'],
      env: { ...base, PATH: process.env.PATH ?? '' },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'cli-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'steam_offer_send',
          'steam_offer_accept',
          'steam_offer_decline',
          'steam_offer_cancel',
        ]),
      );
    } finally {
      await client.close();
    }
  });
});
