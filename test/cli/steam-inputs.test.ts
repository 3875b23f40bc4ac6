/**
 * What the CLI takes and how it says no: every form of account (STEAM_ID and `me` included),
 * the one leading-zero rule, `--limit` as rows printed, EResult 55 in the library's words, and
 * commander's own complaints as one-line `gamestash:` messages in plain words. The built CLI
 * against the emulator over real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { runCli } from './run-cli.js';

const OWNER = '76561198012345678';
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      steam: { users: { [OWNER]: { inventories: { '730/2': { size: 30 }, '753/6': { size: 8 } } } } },
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

describe('gamestash steam inventory inputs', () => {
  it('reads STEAM_ID when no account is named, and for "me"', async () => {
    for (const args of [
      ['steam', 'inventory', '--json'],
      ['steam', 'inventory', 'me', '--json'],
    ]) {
      const { code, stdout } = await runCli(args, {
        ...env,
        STEAM_ID: `https://steamcommunity.com/profiles/${OWNER}`,
      });
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toHaveLength(30);
    }
  });

  it('takes app and context ids with leading zeros', async () => {
    const { code, stdout } = await runCli(
      ['steam', 'inventory', OWNER, '--app', '0730', '--context', '02', '--json'],
      env,
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(30);
  });

  it('prints at most --limit rows: items (a currency entry counted) or summary lines', async () => {
    const rows = (stdout: string) =>
      stdout.split('\n').filter((line) => /^│ \S/.test(line) && !/asset id|name/.test(line));
    // App 753 adds a gems entry on top of the assets (UPSTREAM.md: a separate currency array).
    const gems = await runCli(
      ['steam', 'inventory', OWNER, '--app', '753', '--context', '6', '--limit', '5'],
      env,
    );
    expect(gems.code).toBe(0);
    expect(rows(gems.stdout)).toHaveLength(5);
    const gemsJson = JSON.parse(
      (
        await runCli(
          ['steam', 'inventory', OWNER, '--app', '753', '--context', '6', '--json', '--limit', '5'],
          env,
        )
      ).stdout,
    ) as unknown[];
    expect(gemsJson).toHaveLength(5);
    const lines = JSON.parse(
      (await runCli(['steam', 'inventory', OWNER, '--summary', '--json'], env)).stdout,
    ) as {
      quantity: number;
    }[];
    expect(lines.length).toBeGreaterThan(3);
    const cut = JSON.parse(
      (await runCli(['steam', 'inventory', OWNER, '--summary', '--json', '--limit', '3'], env)).stdout,
    ) as unknown[];
    // The first lines of the whole inventory's summary, not a summary of its first items.
    expect(cut).toEqual(lines.slice(0, 3));
    const table = await runCli(['steam', 'inventory', OWNER, '--summary', '--limit', '3'], env);
    expect(rows(table.stdout)).toHaveLength(3);
  });

  it('says an app without an inventory has none for this account, not to retry (exit 5)', async () => {
    const { code, stderr } = await runCli(['steam', 'inventory', OWNER, '--app', '999999'], env);
    expect(code).toBe(5);
    expect(stderr).toMatch(
      /^gamestash: Steam could not load inventory .*: EResult 55 \(RemoteCallFailed\): Steam has no inventory of this app for this account .*not temporary/,
    );
  });
});

describe('usage errors', () => {
  it.each([
    // Commander's own complaints, in the same one-line style.
    [
      ['steam', 'inventory', OWNER, '--jsn'],
      /^gamestash: unknown option '--jsn' \(did you mean --json\?\) \(see --help\)$/,
    ],
    [['steam', 'inventory', OWNER, '--limit'], /^gamestash: --limit needs a value \(--limit <n>\)$/],
    [
      ['steam', 'inventory', OWNER, 'extra'],
      /^gamestash: too many arguments for inventory: expected 1, got 2/,
    ],
    [
      ['steam', 'inventry'],
      /^gamestash: unknown command 'inventry' \(did you mean inventory\?\) \(see --help\)$/,
    ],
    [
      ['serve', '--log-level', 'loud'],
      /^gamestash: --log-level must be one of fatal, error, warn, info, debug, trace, silent, got "loud"$/,
    ],
    [['keys', 'create'], /^gamestash: --name is required \(see --help\)$/],
    [
      ['steam', 'inventory', OWNER, '--interval-ms', '-1'],
      /^gamestash: --interval-ms must be a whole number from 0 to 3600000, got "-1"$/,
    ],
    // Profile and trade URLs only on Steam's hosts (and the configured community host).
    [['steam', 'inventory', `https://evil.example/profiles/${OWNER}`], /evil\.example is not Steam/],
    [['steam', 'inventory'], /^gamestash: which account\? give one .* or set STEAM_ID to your own$/],
    [['steam', 'inventory', 'me'], /"me" stands for your own account, but STEAM_ID is not set/],
  ])('rejects %j with exit code 2 and one plain line', async (args, message) => {
    const { code, stdout, stderr } = await runCli(args, env);
    expect(code).toBe(2);
    expect(stderr.trimEnd()).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
  });
});
