/**
 * `gamestash steam offers watch` end to end: the built CLI against the emulator over real
 * HTTP, its store in a data directory. Events come out as JSON lines; SIGINT (and SIGTERM)
 * stop it with exit 0; a second run on the same data directory prints only what is new; a
 * session Steam refuses ends it with a one-line error; bad flags are refused.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../../src/emulator/index.js';
import { until } from '../watch-world.js';
import { CLI_BIN, runCli } from './run-cli.js';

const ME = '76561198000002101';
const PARTNER = '76561198000002102';
let emulator: StartedEmulator;
let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: { steam: { users: { [PARTNER]: { inventories: { '440/2': { size: 10 } } } } } },
  });
  dataDir = await mkdtemp(join(tmpdir(), 'gamestash-watch-cli-'));
  const session = emulator.steam.trade.session(ME, 86_400);
  env = {
    GAMESTASH_STEAM_COMMUNITY_URL: emulator.url,
    GAMESTASH_STEAM_API_URL: emulator.url,
    GAMESTASH_DATA_DIR: dataDir,
    GAMESTASH_HTTP_RETRIES: '1',
    STEAM_COOKIES: `steamLoginSecure=${session.steamLoginSecure}; sessionid=${session.sessionid}`,
  };
});
afterAll(async () => {
  await emulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  lines: () => Record<string, unknown>[];
  stderr: () => string;
  exit: Promise<number | null>;
}

function watch(args: string[] = [], extraEnv: Record<string, string> = {}): Running {
  const child = spawn(
    process.execPath,
    [CLI_BIN, 'steam', 'offers', 'watch', '--interval-ms', '1000', ...args],
    {
      env: { PATH: process.env.PATH ?? '', HOME: dataDir, ...env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    lines: () =>
      out
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stderr: () => err,
    exit,
  };
}

/** The partner offers ME one of their items; returns the offer id. */
async function offerFromPartner(): Promise<string> {
  const trade = emulator.steam.trade;
  const session = trade.session(PARTNER);
  const page = (await (
    await fetch(`${emulator.url}/inventory/${PARTNER}/440/2?l=english&count=100`, {
      headers: { cookie: `steamLoginSecure=${session.steamLoginSecure}` },
    })
  ).json()) as { assets: { assetid: string }[] };
  const used = new Set(
    trade.offers({ steamid: PARTNER }).flatMap((o) => o.itemsFromSender.map((i) => i.assetid)),
  );
  const asset = page.assets.find((a) => !used.has(a.assetid))!;
  const form = new URLSearchParams({
    sessionid: session.sessionid,
    serverid: '1',
    partner: ME,
    tradeoffermessage: 'hi',
    json_tradeoffer: JSON.stringify({
      newversion: true,
      version: 2,
      me: {
        assets: [{ appid: 440, contextid: '2', amount: 1, assetid: asset.assetid }],
        currency: [],
        ready: false,
      },
      them: { assets: [], currency: [], ready: false },
    }),
    captcha: '',
    trade_offer_create_params: JSON.stringify({ trade_offer_access_token: trade.account(ME).token }),
  });
  const sent = await fetch(`${emulator.url}/tradeoffer/new/send`, {
    method: 'POST',
    body: form.toString(),
    headers: {
      cookie: `sessionid=${session.sessionid}; steamLoginSecure=${session.steamLoginSecure}`,
      referer: `${emulator.url}/tradeoffer/new/`,
      origin: emulator.url,
      'content-type': 'application/x-www-form-urlencoded',
    },
  });
  return ((await sent.json()) as { tradeofferid: string }).tradeofferid;
}

const about = (run: Running, id: string) =>
  run
    .lines()
    .filter((line) => line.offerId === id)
    .map((line) => [line.event, line.oldState, line.newState]);

describe('gamestash steam offers watch', () => {
  it('prints events as JSON lines and stops on SIGINT with exit 0; a second run prints only what is new', async () => {
    const first = await offerFromPartner();
    const run = watch();
    await until(() => about(run, first).length === 1, 30_000, 'the new offer');
    expect(run.lines().find((line) => line.offerId === first)).toMatchObject({
      event: 'newOffer',
      id: `${ME}:${first}:2`,
      account: ME,
      offer: { id: first, partner: PARTNER, state: 2, message: 'hi' },
    });
    emulator.steam.trade.cancel(first);
    await until(() => about(run, first).length === 2, 30_000, 'the change');
    expect(about(run, first)).toEqual([
      ['newOffer', undefined, undefined],
      ['receivedOfferChanged', 2, 6],
    ]);
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toBe('');

    const second = await offerFromPartner();
    const again = watch();
    await until(() => about(again, second).length === 1, 30_000, 'the offer made while stopped');
    again.child.kill('SIGTERM');
    expect(await again.exit).toBe(0);
    expect(about(again, first)).toEqual([]);
    expect(again.stderr()).toBe('');
  });

  it('ends with a one-line error when Steam refuses the session, without printing it', async () => {
    const expired = emulator.steam.trade.session(ME, 86_400);
    emulator.steam.trade.endSessions(ME);
    const cookies = `steamLoginSecure=${expired.steamLoginSecure}; sessionid=${expired.sessionid}`;
    const run = watch([], { STEAM_COOKIES: cookies });
    expect(await run.exit).toBe(6);
    expect(run.lines().at(-1)).toMatchObject({ event: 'pollFailure', error: { kind: 'session_expired' } });
    expect(run.stderr()).toMatch(/^gamestash: .*session/im);
    expect(run.stderr().trim().split('\n')).toHaveLength(1);
    const token = expired.steamLoginSecure.split('%7C%7C')[1]!;
    expect(run.stderr() + JSON.stringify(run.lines())).not.toContain(token);
  });

  it('refuses bad flags before anything runs', async () => {
    const bad = await runCli(['steam', 'offers', 'watch', '--interval-ms', '0'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--interval-ms must be a whole number/);
    // The same floor as GAMESTASH_OFFER_POLL_INTERVAL_MS: a typo must not hammer Steam.
    const fast = await runCli(['steam', 'offers', 'watch', '--interval-ms', '10'], env);
    expect(fast.code).toBe(2);
    expect(fast.stderr).toMatch(/--interval-ms must be a whole number from 1000 to 86400000/);
    const none = await runCli(['steam', 'offers', 'watch'], { ...env, STEAM_COOKIES: '' });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/STEAM_COOKIES/);
    // A key and an id are not enough: Steam hides CS2 offers from key-only reads.
    const keyOnly = await runCli(['steam', 'offers', 'watch'], {
      ...env,
      STEAM_COOKIES: '',
      STEAM_ID: ME,
      STEAM_API_KEY: 'A'.repeat(32),
    });
    expect(keyOnly.code).toBe(2);
    expect(keyOnly.stderr).toMatch(
      /^gamestash: watching trade offers needs a logged-in Steam session: set STEAM_COOKIES/,
    );
  });
});
