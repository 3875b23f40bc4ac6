/**
 * `gamestash steam inventory` end to end: the built CLI against the emulator over real
 * HTTP, every output mode and every documented error.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { CLI_BIN, runCli } from './run-cli.js';

const OWNER = '76561198012345678';
const PRIVATE = '76561198000000002';
const BIG = '76561198000004500';
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      steam: {
        users: {
          [OWNER]: { inventories: { '730/2': { size: 30 } } },
          [PRIVATE]: { private: true },
          [BIG]: { inventories: { '730/2': { size: 4500 } } },
        },
      },
    },
  });
  env = {
    GAMESTASH_STEAM_COMMUNITY_URL: emulator.url,
    GAMESTASH_STEAM_API_URL: emulator.url,
    GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '0',
    GAMESTASH_HTTP_RETRIES: '1',
  };
});
afterAll(() => emulator.close());

function noStackTrace(text: string) {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('gamestash steam inventory', () => {
  it('prints a table of every item by default', async () => {
    const { code, stdout, stderr } = await runCli(['steam', 'inventory', OWNER, '--app', '730'], env);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/asset id .*name .*type/);
    expect(stdout).not.toContain('\u001b['); // no colour codes when stdout is not a TTY
    const rows = stdout.split('\n').filter((line) => /^│ \d+/.test(line));
    expect(rows).toHaveLength(30);
  });

  it('merges every page into Steam’s own JSON with --raw', async () => {
    emulator.reset();
    const { code, stdout } = await runCli(['steam', 'inventory', BIG, '--raw'], env);
    expect(code).toBe(0);
    const raw = JSON.parse(stdout) as {
      assets: { assetid: string }[];
      total_inventory_count: number;
      success: number;
    };
    expect(raw.assets).toHaveLength(4500);
    expect(new Set(raw.assets.map((a) => a.assetid)).size).toBe(4500);
    expect(raw.total_inventory_count).toBe(4500);
    expect(raw).not.toHaveProperty('more_items');
    expect(emulator.stats.count({ pathPrefix: '/inventory/' })).toBe(3);
  });

  it('prints normalized items with --json, filtered and limited', async () => {
    const all = JSON.parse((await runCli(['steam', 'inventory', OWNER, '--json'], env)).stdout) as {
      tradable: boolean;
      iconUrl: string;
    }[];
    expect(all).toHaveLength(30);
    expect(all[0]!.iconUrl).toMatch(/^https:\/\//);
    const tradable = JSON.parse(
      (await runCli(['steam', 'inventory', OWNER, '--json', '--tradable'], env)).stdout,
    ) as unknown[];
    expect(tradable.length).toBe(all.filter((i) => i.tradable).length);
    const limited = JSON.parse(
      (await runCli(['steam', 'inventory', BIG, '--json', '--limit', '5'], env)).stdout,
    ) as unknown[];
    expect(limited).toHaveLength(5);
  });

  it('summarizes names and quantities', async () => {
    const table = await runCli(['steam', 'inventory', OWNER, '--summary'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/name .*quantity/);
    const json = JSON.parse(
      (await runCli(['steam', 'inventory', OWNER, '--summary', '--json'], env)).stdout,
    ) as {
      quantity: number;
    }[];
    expect(json.reduce((n, l) => n + l.quantity, 0)).toBe(30);
  });

  it('resolves a vanity name through the profile XML page', async () => {
    const { code, stdout } = await runCli(['steam', 'inventory', 'gaben', '--json', '--limit', '1'], env);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(1);
  });

  it.each([
    [['steam', 'inventory', 'not a steam id!'], /invalid steamid "not a steam id!"/],
    [['steam', 'inventory', '123'], /invalid steamid "123"/],
    [['steam', 'inventory', OWNER, '--context', 'two'], /context id must be a number/],
    [['steam', 'inventory', OWNER, '--app', 'cs2'], /app id must be a positive number/],
    [
      ['steam', 'inventory', OWNER, '--count', '5000'],
      /^gamestash: --count must be a whole number from 1 to 2000, got "5000"$/,
    ],
    // Plain words, not "from 1 to 9007199254740991".
    [
      ['steam', 'inventory', OWNER, '--limit', '0'],
      /^gamestash: --limit must be a whole number of 1 or more, got "0"$/,
    ],
    [['steam', 'inventory', OWNER, '--lang', ' '], /^gamestash: --lang must not be empty$/],
    // Steam's own JSON is never filtered, so a filter with --raw would be silently ignored.
    [
      ['steam', 'inventory', OWNER, '--raw', '--tradable'],
      /^gamestash: --raw cannot be used with --tradable$/,
    ],
    [['steam', 'inventory', OWNER, '--table', '--json'], /^gamestash: --table cannot be used with --json$/],
  ])('rejects bad input %j with exit code 2 and a one-line message', async (args, message) => {
    const { code, stdout, stderr } = await runCli(args, env);
    expect(code).toBe(2);
    expect(stderr.trimEnd()).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
    noStackTrace(stderr);
  });

  it('accepts a profile URL copied without its scheme, and a context with a leading zero', async () => {
    const bare = await runCli(['steam', 'inventory', `steamcommunity.com/profiles/${OWNER}`, '--json'], env);
    expect(bare.code).toBe(0);
    expect(JSON.parse(bare.stdout)).toHaveLength(30);
    const padded = await runCli(['steam', 'inventory', OWNER, '--context', '02', '--json'], env);
    expect(padded.code).toBe(0);
    expect(JSON.parse(padded.stdout)).toHaveLength(30);
  });

  it('stops quietly when the reader of its output goes away (| head)', async () => {
    const child = spawn(process.execPath, [CLI_BIN, 'steam', 'inventory', BIG, '--json'], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `head -1`: read the first chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('says a private inventory is private (exit 4)', async () => {
    const { code, stderr } = await runCli(['steam', 'inventory', PRIVATE], env);
    expect(code).toBe(4);
    expect(stderr).toMatch(/^gamestash: inventory .* is private/);
    noStackTrace(stderr);
  });

  it('shows --help for every command', async () => {
    for (const args of [
      ['--help'],
      ['steam', '--help'],
      ['steam', 'inventory', '--help'],
      ['emulator', '--help'],
    ]) {
      const { code, stdout } = await runCli(args, env);
      expect(code).toBe(0);
      expect(stdout).toMatch(/Usage: gamestash/);
    }
  });

  it('shows usage on stderr with exit code 2 when a subcommand is missing', async () => {
    const { code, stdout, stderr } = await runCli(['steam'], env);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Usage: gamestash steam/);
  });
});

describe('gamestash steam inventory against a failing upstream', () => {
  it('reports a rate limit with the wait instead of hammering Steam (exit 3)', async () => {
    const limited = await startEmulator({
      scenario: {
        steam: {
          rateLimit: { minIntervalMs: 60_000 },
          users: { [BIG]: { inventories: { '730/2': { size: 4500 } } } },
        },
      },
    });
    const { code, stdout, stderr } = await runCli(['steam', 'inventory', BIG, '--raw'], {
      ...env,
      GAMESTASH_STEAM_COMMUNITY_URL: limited.url,
    });
    expect(code).toBe(3);
    expect(stderr).toMatch(/rate limited by steam-community, retry in 60s/);
    expect(stdout).toBe(''); // no partial inventory presented as complete
    expect(limited.stats.count({ status: 429 })).toBe(1);
    await limited.close();
  });

  it('fails cleanly on unreadable upstream JSON, printing nothing partial (exit 1)', async () => {
    const broken = await startEmulator({
      scenario: {
        steam: {
          faults: { rate: 1, kinds: ['truncated'] },
          users: { [OWNER]: { inventories: { '730/2': { size: 30 } } } },
        },
      },
    });
    const { code, stdout, stderr } = await runCli(['steam', 'inventory', OWNER, '--json'], {
      ...env,
      GAMESTASH_STEAM_COMMUNITY_URL: broken.url,
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/unreadable JSON/);
    expect(stdout).toBe('');
    noStackTrace(stderr);
    await broken.close();
  });

  it('tells the user to refresh cookies when Steam redirects to login (exit 6)', async () => {
    const expired = await startEmulator({
      scenario: { steam: { faults: { rate: 1, kinds: ['loginRedirect'] } } },
    });
    const { code, stderr } = await runCli(['steam', 'inventory', OWNER], {
      ...env,
      GAMESTASH_STEAM_COMMUNITY_URL: expired.url,
      STEAM_COOKIES: 'steamLoginSecure=76561198012345678%7C%7CeyJhbGciOiJFZERTQSJ9.secret',
    });
    expect(code).toBe(6);
    expect(stderr).toMatch(
      /session cookies have expired; sign in again and refresh the cookies \(STEAM_COOKIES\)/,
    );
    expect(stderr).not.toContain('eyJhbGciOiJFZERTQSJ9');
    await expired.close();
  });
});

describe('gamestash steam inventory --limit with filters', () => {
  it('counts matching items, not scanned ones', async () => {
    const all = JSON.parse(
      (await runCli(['steam', 'inventory', BIG, '--json', '--tradable'], env)).stdout,
    ) as unknown[];
    expect(all.length).toBeGreaterThan(10);
    const limited = await runCli(['steam', 'inventory', BIG, '--json', '--tradable', '--limit', '10'], env);
    const items = JSON.parse(limited.stdout) as { tradable: boolean }[];
    expect(items).toHaveLength(10);
    expect(items.every((i) => i.tradable)).toBe(true);
  });
});
