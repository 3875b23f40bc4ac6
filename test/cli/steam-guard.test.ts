/**
 * The Steam Guard commands end to end: the built CLI against the emulator (its clock an hour
 * ahead) over real HTTP. Login codes the emulator accepts; confirmations listed, accepted and
 * cancelled by id, --all and --offer, offers read back from the emulator; secrets from the
 * environment or a maFile on stdin, and never in any output; runs at once never reuse a
 * confirmation time (the store in the data directory is shared).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../../src/emulator/index.js';
import { sendOffer, tradable } from '../trade-world.js';
import { CLI_BIN, runCli, type CliResult } from './run-cli.js';

const BOT = '76561198000000960';
const PARTNER = '76561198000000961';
const SKEW = 3600;

let emulator: StartedEmulator;
let dataDir: string;
let env: Record<string, string>;
const outputs: string[] = [];
const secrets: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      steam: {
        users: {
          [BOT]: { trade: { mobileAuthenticator: true }, inventories: { '730/2': { size: 30 } } },
          [PARTNER]: { name: 'Partner Pat' },
        },
        guard: { timeSkewSeconds: SKEW },
      },
    },
  });
  dataDir = await mkdtemp(join(tmpdir(), 'gamestash-cli-guard-'));
  const session = emulator.steam.trade.session(BOT);
  const account = emulator.steam.guard.account(BOT);
  env = {
    GAMESTASH_STEAM_API_URL: emulator.url,
    GAMESTASH_STEAM_COMMUNITY_URL: emulator.url,
    GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '0',
    GAMESTASH_HTTP_RETRIES: '0',
    GAMESTASH_DATA_DIR: dataDir,
    STEAM_COOKIES: `steamLoginSecure=${session.steamLoginSecure}; sessionid=${session.sessionid}`,
    STEAM_SHARED_SECRET: account.sharedSecret,
    STEAM_IDENTITY_SECRET: account.identitySecret,
  };
  secrets.push(account.sharedSecret, account.identitySecret, session.steamLoginSecure, session.sessionid);
});
afterAll(async () => {
  await emulator?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function steam(args: string[], extra: Record<string, string> = {}): Promise<CliResult> {
  const result = await runCli(['steam', ...args], { ...env, ...extra });
  outputs.push(result.stdout, result.stderr);
  return result;
}

/** The CLI with `input` on its stdin. */
function steamWithStdin(
  args: string[],
  input: string,
  extra: Record<string, string> = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_BIN, 'steam', ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env, ...extra },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => {
      outputs.push(stdout, stderr);
      resolve({ code: code ?? 1, stdout, stderr, timedOut: false });
    });
    child.stdin.end(input);
  });
}

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

// Each test runs the CLI several times: room for a loaded machine.
describe('gamestash steam guard code', { timeout: 120_000 }, () => {
  it("prints the login code at Steam's clock, which the emulator accepts", async () => {
    const { code, stdout, stderr } = await steam(['guard', 'code', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as {
      code: string;
      time: number;
      secondsLeft: number;
      offsetSeconds: number;
    };
    expect(printed.code).toBe(emulator.steam.guard.loginCode(BOT, printed.time));
    expect(Math.abs(printed.offsetSeconds - SKEW)).toBeLessThanOrEqual(1);
    expect(printed.secondsLeft).toBeGreaterThan(0);
    const text = await steam(['guard', 'code']);
    expect(text.stdout).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5} {2}\(\d+s left\)\n$/);
  });

  it('reads the secret from a maFile on stdin, and says what is missing without it', async () => {
    const maFile = JSON.stringify({ shared_secret: env.STEAM_SHARED_SECRET, account_name: 'bot' });
    const piped = await steamWithStdin(['guard', 'code', '--json', '--secrets-stdin'], maFile, {
      STEAM_SHARED_SECRET: '',
    });
    expect(piped.stderr).toBe('');
    const printed = JSON.parse(piped.stdout) as { code: string; time: number };
    expect(printed.code).toBe(emulator.steam.guard.loginCode(BOT, printed.time));

    const missing = await steam(['guard', 'code'], { STEAM_SHARED_SECRET: '' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^gamestash: a Steam Guard login code needs STEAM_SHARED_SECRET/);
    const bad = await steam(['guard', 'code'], { STEAM_SHARED_SECRET: 'not-the-secret-at-all' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toContain('not-the-secret-at-all');
  });
});

describe('gamestash steam confirmations', { timeout: 120_000 }, () => {
  it('lists, accepts by id (the offer becomes Active) and cancels by offer', async () => {
    const [first, second] = [await offer(), await offer()];
    const listed = await steam(['confirmations', 'list', '--json']);
    expect(listed.code).toBe(0);
    const confs = JSON.parse(listed.stdout) as { id: string; offerId: string; headline: string }[];
    expect(confs.map((c) => c.offerId).sort()).toEqual([first, second].sort());
    expect(confs[0]!.headline).toBe('Partner Pat');
    const table = await steam(['confirmations', 'list']);
    expect(table.stdout).toContain('Trade Offer');

    const id = confs.find((c) => c.offerId === first)!.id;
    const accepted = await steam(['confirmations', 'accept', id]);
    expect(accepted.stderr).toBe('');
    expect(accepted.stdout).toMatch(/^accepted 1 confirmation\n/);
    expect(emulator.steam.trade.offer(first)!.state).toBe(2);

    const cancelled = await steam(['confirmations', 'cancel', '--offer', second, '--json']);
    expect(JSON.parse(cancelled.stdout)).toMatchObject({
      action: 'cancel',
      confirmations: [{ offerId: second }],
    });
    expect(emulator.steam.trade.offer(second)!.state).toBe(10);
  });

  it('accepts everything waiting with --all', async () => {
    const ids = [await offer(), await offer()];
    const all = await steam(['confirmations', 'accept', '--all', '--json']);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout).confirmations).toHaveLength(2);
    expect(ids.map((o) => emulator.steam.trade.offer(o)!.state)).toEqual([2, 2]);
    const none = await steam(['confirmations', 'accept', '--all']);
    expect(none.stdout).toBe('nothing waits for a confirmation\n');
  });

  it('never reuses a confirmation time across runs at once (the store in the data directory)', async () => {
    const runs = await Promise.all([...Array(4)].map(() => steam(['confirmations', 'list', '--json'])));
    for (const run of runs) expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('refuses bad input in one line: no target, two kinds of target, an id that is not one', async () => {
    expect((await steam(['confirmations', 'accept'])).stderr).toMatch(
      /which confirmations\? give ids, --all, or --offer/,
    );
    expect((await steam(['confirmations', 'accept', '1', '--all'])).code).toBe(2);
    expect((await steam(['confirmations', 'cancel', 'abc'])).stderr).toMatch(/a confirmation id is a number/);
    const unknown = await steam(['confirmations', 'accept', '99']);
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toMatch(/no confirmation 99 waits/);
  });

  it('a wrong identity secret: exit 6 with one line naming STEAM_IDENTITY_SECRET, the secret not in it', async () => {
    const wrong = Buffer.alloc(20, 5).toString('base64');
    secrets.push(wrong);
    const run = await steam(['confirmations', 'list'], { STEAM_IDENTITY_SECRET: wrong });
    expect(run.code).toBe(6);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/Invalid authenticator.*STEAM_IDENTITY_SECRET/);
    const noSession = await steam(['confirmations', 'list'], { STEAM_COOKIES: '' });
    expect(noSession.code).toBe(2);
    expect(noSession.stderr).toMatch(/STEAM_COOKIES/);
  });
});

afterAll(() => {
  const all = outputs.join('\n');
  expect(all.length).toBeGreaterThan(0);
  for (const secret of secrets) expect(all).not.toContain(secret);
});
