/**
 * `gamestash accounts ...` and the keys' scopes and accounts, run as a user runs them (the
 * built CLI, a real SQLite file), with sessions minted by the emulator: secrets come from the
 * environment or standard input and are never printed, never stored in the clear; a missing
 * or wrong GAMESTASH_SECRET_KEY is one clear line naming it.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BIN } from '../../../test/cli/run-cli.js';
import { removeTempDirs, tempSqlitePath } from '../../../test/services/gateway.js';
import { startEmulator, type MintedSession, type StartedEmulator } from '../../emulator/index.js';

const ALICE = '76561198000000701';
const BOB = '76561198000000702';
const KEY = Buffer.alloc(32, 3).toString('base64');
const OTHER_KEY = 'a passphrase that is not the key';
const SHARED = 'c2hhcmVkLXNlY3JldC0yMC1ieXQ=';
const IDENTITY = 'aWRlbnRpdHktc2VjcmV0LTIwYnk=';
const API_KEY = 'FEDCBA9876543210FEDCBA9876543210';

let emulator: StartedEmulator;
let sqlite: string;

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: { steam: { users: { [ALICE]: { name: 'Alice' }, [BOB]: { name: 'Bob' } } } },
  });
  sqlite = tempSqlitePath();
});
afterAll(async () => {
  await emulator?.close();
  removeTempDirs();
});

const cookie = (s: MintedSession) => `steamLoginSecure=${s.steamLoginSecure}; sessionid=${s.sessionid}`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}, input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [CLI_BIN, ...args, '--sqlite', sqlite],
      { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}

/** Nothing the operator gave as a secret shows in any output or in the database file. */
function expectNoSecrets(texts: string[], secrets: string[]): void {
  for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('gamestash accounts', () => {
  it('refuses to store an account without GAMESTASH_SECRET_KEY, and stores nothing', async () => {
    const session = emulator.steam.trade.session(ALICE);
    const run = await cli(['accounts', 'add', '--name', 'bot1'], { STEAM_COOKIES: cookie(session) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^gamestash: GAMESTASH_SECRET_KEY is not set: Steam accounts are stored encrypted with it/,
    );
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expectNoSecrets([run.stdout, run.stderr], [session.steamLoginSecure, session.accessToken]);
    expect((await cli(['accounts', 'list'])).stdout).toMatch(/^no accounts/);
  });

  it('adds from the environment and from standard input, lists, updates, removes; never prints a secret', async () => {
    const alice = emulator.steam.trade.session(ALICE);
    const bob = emulator.steam.trade.session(BOB);
    const secrets = [
      alice.steamLoginSecure,
      alice.accessToken,
      alice.sessionid,
      bob.steamLoginSecure,
      bob.accessToken,
      SHARED,
      IDENTITY,
      API_KEY,
      KEY,
    ];
    const outputs: string[] = [];
    // Shown once by `keys create` (by design), stored only as hashes.
    const gatewayKeys: string[] = [];
    const run = async (...args: Parameters<typeof cli>) => {
      const result = await cli(...args);
      outputs.push(result.stdout, result.stderr);
      return result;
    };

    const added = await run(['accounts', 'add', '--name', 'bot1', '--watch'], {
      GAMESTASH_SECRET_KEY: KEY,
      STEAM_COOKIES: cookie(alice),
      STEAM_SHARED_SECRET: SHARED,
      STEAM_IDENTITY_SECRET: IDENTITY,
      STEAM_API_KEY: API_KEY,
    });
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(
      new RegExp(
        `^added "bot1" \\(SteamID ${ALICE}; session expires \\d{4}-.*Z; secrets: cookies, shared_secret, identity_secret, api_key; offers watched\\)`,
      ),
    );

    // A maFile on standard input: its secrets are taken, the rest ignored; the session
    // cookie comes from the environment, as docs/trading.md shows.
    const maFile = JSON.stringify({
      shared_secret: SHARED,
      identity_secret: IDENTITY,
      revocation_code: 'R12345',
      device_id: 'android:00000000-1111-2222-3333-444444444444',
    });
    const fromStdin = await run(
      ['accounts', 'add', '--name', 'bot2', '--stdin', '--json'],
      { GAMESTASH_SECRET_KEY: KEY, STEAM_COOKIES: cookie(bob) },
      maFile,
    );
    expect(fromStdin.code).toBe(0);
    expect(JSON.parse(fromStdin.stdout)).toMatchObject({
      name: 'bot2',
      steamid: BOB,
      secrets: ['cookies', 'shared_secret', 'identity_secret', 'device_id'],
      watch: false,
      sessionExpired: false,
    });

    // Listing needs no key and shows no secret.
    const list = await run(['accounts', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('bot1');
    expect(list.stdout).toContain(BOB);
    expect(JSON.parse((await run(['accounts', 'list', '--json'])).stdout)).toHaveLength(2);

    // The same name or SteamID twice; a bad secret shape (named, not quoted).
    const twice = await run(['accounts', 'add', '--name', 'bot1'], {
      GAMESTASH_SECRET_KEY: KEY,
      STEAM_COOKIES: cookie(alice),
    });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/an account named "bot1" already exists/);
    const badSecret = await run(['accounts', 'add', '--name', 'bot3'], {
      GAMESTASH_SECRET_KEY: KEY,
      STEAM_COOKIES: cookie(alice),
      STEAM_IDENTITY_SECRET: 'not-a-secret-value',
    });
    expect(badSecret.code).toBe(2);
    expect(badSecret.stderr).toMatch(/STEAM_IDENTITY_SECRET is not a Steam Guard secret/);
    expect(badSecret.stderr).not.toContain('not-a-secret-value');

    // A wrong key: one line naming GAMESTASH_SECRET_KEY, nothing changed.
    const fresh = emulator.steam.trade.session(ALICE);
    secrets.push(fresh.steamLoginSecure, fresh.accessToken);
    const wrong = await run(['accounts', 'update', '--name', 'bot1'], {
      GAMESTASH_SECRET_KEY: OTHER_KEY,
      STEAM_COOKIES: cookie(fresh),
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(
      /^gamestash: cannot read the stored secrets of account bot1: GAMESTASH_SECRET_KEY is not the key they were stored with/,
    );

    // New cookies as KEY=value lines; cookies of another account are refused.
    const updated = await run(
      ['accounts', 'update', '--name', 'bot1', '--stdin', '--json'],
      { GAMESTASH_SECRET_KEY: KEY },
      `# fresh session\nSTEAM_COOKIES="${cookie(fresh)}"\n`,
    );
    expect(updated.code).toBe(0);
    expect(JSON.parse(updated.stdout)).toMatchObject({
      name: 'bot1',
      secrets: ['cookies', 'shared_secret', 'identity_secret', 'api_key'],
      watch: true,
    });
    const swapped = await run(['accounts', 'update', '--name', 'bot1'], {
      GAMESTASH_SECRET_KEY: KEY,
      STEAM_COOKIES: cookie(bob),
    });
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toMatch(
      new RegExp(`these cookies are a session of ${BOB}, but "bot1" is ${ALICE}`),
    );
    const typo = await run(
      ['accounts', 'update', '--name', 'bot1', '--stdin'],
      { GAMESTASH_SECRET_KEY: KEY },
      'STEAM_COOKIE=x\n',
    );
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown key "STEAM_COOKIE"/);

    // Watching on and off needs no key.
    const unwatched = await run(['accounts', 'update', '--name', 'bot1', '--no-watch', '--json']);
    expect(unwatched.code).toBe(0);
    expect(JSON.parse(unwatched.stdout).watch).toBe(false);

    // Keys with scopes and accounts.
    const key = await run([
      'keys',
      'create',
      '--name',
      'shop',
      '--scope',
      'offers:read,offers:write',
      '--account',
      'bot1,bot2',
      '--json',
    ]);
    expect(key.code).toBe(0);
    expect(JSON.parse(key.stdout)).toMatchObject({
      scopes: ['offers:read', 'offers:write'],
      accounts: ['bot1', 'bot2'],
    });
    gatewayKeys.push(JSON.parse(key.stdout).key as string);
    const unknownAccount = await run(['keys', 'create', '--name', 'x', '--account', 'nobody']);
    expect(unknownAccount.code).toBe(2);
    expect(unknownAccount.stderr).toMatch(/no account named "nobody": register it first/);
    const unknownScope = await run(['keys', 'create', '--name', 'x', '--scope', 'offers:delete']);
    expect(unknownScope.code).toBe(2);
    expect(unknownScope.stderr).toMatch(/unknown scope "offers:delete": choose from inventory:read, /);
    const plain = JSON.parse((await run(['keys', 'create', '--name', 'plain', '--json'])).stdout);
    expect(plain).toMatchObject({ scopes: ['inventory:read', 'webapi:read'], accounts: [] });
    gatewayKeys.push(plain.key as string);
    const keyList = await run(['keys', 'list']);
    expect(keyList.stdout).toMatch(/offers:read, offers:write/);
    expect(keyList.stdout).toMatch(/bot1, bot2/);
    const keyUpdate = await run([
      'keys',
      'update',
      'plain',
      '--scope',
      'inventory:read,confirmations:read',
      '--account',
      '*',
    ]);
    expect(keyUpdate.code).toBe(0);
    expect(keyUpdate.stdout).toMatch(
      /^updated key_\w+ "plain": scopes inventory:read, confirmations:read; accounts all/,
    );

    // Removing an account takes it off the keys.
    const removed = await run(['accounts', 'remove', 'bot2']);
    expect(removed.code).toBe(0);
    const shop = (
      JSON.parse((await run(['keys', 'list', '--json'])).stdout) as { name: string; accounts: string[] }[]
    ).find((k) => k.name === 'shop');
    expect(shop?.accounts).toEqual(['bot1']);

    // Rekey: the old key reads, the new one seals; then only the new key opens the account.
    const rekeyed = await run(['accounts', 'rekey'], {
      GAMESTASH_SECRET_KEY: OTHER_KEY,
      GAMESTASH_OLD_SECRET_KEY: KEY,
    });
    expect(rekeyed.code).toBe(0);
    expect(rekeyed.stdout).toMatch(/^rekeyed 1 account\(s\): bot1/);
    const withOld = await run(
      ['accounts', 'update', '--name', 'bot1', '--stdin'],
      { GAMESTASH_SECRET_KEY: KEY },
      `STEAM_API_KEY=${API_KEY}`,
    );
    expect(withOld.code).toBe(2);
    expect(withOld.stderr).toMatch(/GAMESTASH_SECRET_KEY is not the key they were stored with/);
    const withNew = await run(
      ['accounts', 'update', '--name', 'bot1', '--stdin'],
      { GAMESTASH_SECRET_KEY: OTHER_KEY },
      `STEAM_API_KEY=${API_KEY}`,
    );
    expect(withNew.code).toBe(0);

    expectNoSecrets(outputs, secrets);
    // The database file itself holds none of them either.
    const files = [sqlite, `${sqlite}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1'));
    expectNoSecrets(files, [...secrets, ...gatewayKeys]);
  }, 180_000);

  it('refuses an expired session before storing it', async () => {
    const expired = emulator.steam.trade.session(ALICE, -60);
    const run = await cli(['accounts', 'add', '--name', 'late'], {
      GAMESTASH_SECRET_KEY: KEY,
      STEAM_COOKIES: cookie(expired),
    });
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/^gamestash: the Steam session in STEAM_COOKIES expired at /);
    expect(
      JSON.parse((await cli(['accounts', 'list', '--json'])).stdout).map((a: { name: string }) => a.name),
    ).not.toContain('late');
  });
});
