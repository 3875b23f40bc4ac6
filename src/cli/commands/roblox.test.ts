/**
 * `gamestash roblox ...` as users run it: `node bin/gamestash.js` in a child process (which
 * loads dist/, so `npm run build` first; `npm test` does) against the Roblox emulator.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRobloxModule } from '../../emulator/roblox/module.js';
import { serveModules, type RunningEmulator } from '../../emulator/server.js';
import { ROBLOX_DOCS_EXAMPLE_ITEM } from '../../emulator/roblox/scenario.js';

const BIN = fileURLToPath(new URL('../../../bin/gamestash.js', import.meta.url));
const KEY = 'cli-test-roblox-key-789';
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await serveModules({
    modules: [
      createRobloxModule({
        users: {
          '123456': {
            assets: 30,
            collectibles: 6,
            badges: 2,
            extraItems: [ROBLOX_DOCS_EXAMPLE_ITEM],
          },
          '9': { assets: 1, private: true },
        },
        apiKeys: { [KEY]: { owner: 'cli' } },
        rateLimits: { apiKeyPerMinute: 600_000 },
      }),
    ],
  });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

function run(args: string[], env: Record<string, string> = { ROBLOX_API_KEY: KEY }) {
  const base = { ...process.env };
  for (const name of ['ROBLOX_API_KEY', 'ROBLOX_OAUTH_TOKEN', 'GAMESTASH_ROBLOX_API_KEY_OWNER'])
    delete base[name];
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [BIN, 'roblox', ...args],
      {
        env: {
          ...base,
          GAMESTASH_ROBLOX_API_URL: emulator.url,
          GAMESTASH_ROBLOX_API_KEY_PER_MINUTE: '600000',
          ...env,
        },
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('gamestash roblox inventory', () => {
  it('prints every item as JSON', async () => {
    const { code, stdout, stderr } = await run(['inventory', '123456', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const items = JSON.parse(stdout) as { kind: string; id: string }[];
    expect(items).toHaveLength(39);
    expect(items.find((i) => i.id === '1028595')).toMatchObject({
      kind: 'asset',
      assetType: 'CLASSIC_TSHIRT',
    });
  });

  it('prints collectibles as a table with serials and states, and no progress bar off a TTY', async () => {
    const { code, stdout, stderr } = await run(['inventory', '123456', '--collectibles']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/serial/);
    expect(stdout).toMatch(/AVAILABLE|HOLD/);
    expect(stdout.split('\n').filter((l) => /│ asset\s+│/.test(l)).length).toBe(6);
  });

  it('stops at --limit and accepts lower-case asset types', async () => {
    const [limited, tees] = await Promise.all([
      run(['inventory', '123456', '--limit', '5', '--json']),
      run(['inventory', '123456', '--asset-types', 'classic-tshirt', '--json']),
    ]);
    expect(JSON.parse(limited.stdout)).toHaveLength(5);
    const items = JSON.parse(tees.stdout) as { assetType: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.assetType === 'CLASSIC_TSHIRT')).toBe(true);
  });

  it('refuses bad input before any request, with exit code 2', async () => {
    const cases = [
      ['inventory', 'abc'],
      ['inventory', '123456', '--filter', 'badges=true;assetIds=1'],
      ['inventory', '123456', '--filter', 'badges=true', '--badges'],
      ['inventory', '123456', '--asset-types', 'HATZ'],
      ['inventory', '123456', '--json', '--table'],
      ['owns', '123456'],
    ];
    const results = await Promise.all(cases.map((args) => run(args)));
    results.forEach(({ code, stderr }, i) => {
      expect(code, cases[i]!.join(' ')).toBe(2);
      expect(stderr, cases[i]!.join(' ')).toMatch(/\S/);
    });
    expect(results[0]!.stderr).toMatch(/Roblox user id must be a positive number, got "abc"/);
    expect(results[1]!.stderr).toMatch(/cannot be combined/);
    expect(results[3]!.stderr).toMatch(/unknown asset type "HATZ"/);
    expect(emulator.stats.count()).toBe(0);
  });
  it('names the environment variables when no key is set', async () => {
    const { code, stderr } = await run(['inventory', '123456'], {});
    expect(code).toBe(2);
    expect(stderr).toMatch(/ROBLOX_API_KEY.*ROBLOX_OAUTH_TOKEN/);
  });

  it('maps upstream failures to exit codes without printing the key', async () => {
    const refused = await run(['inventory', '123456'], { ROBLOX_API_KEY: 'wrong-key-never-printed' });
    expect(refused.code).toBe(6);
    expect(refused.stderr).toMatch(/Invalid API Key/);
    expect(refused.stderr + refused.stdout).not.toContain('wrong-key-never-printed');
    const [hidden, missing] = await Promise.all([run(['inventory', '9']), run(['inventory', '404'])]);
    expect(hidden.code).toBe(4);
    expect(missing.code).toBe(5);
  });
});

describe('gamestash roblox owns', () => {
  it('answers yes/no per id in one request', async () => {
    const { code, stdout } = await run([
      'owns',
      '123456',
      '--asset',
      '62724852,1028595',
      '--asset',
      '4773588762',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/62724852\s*│\s*no/);
    expect(stdout).toMatch(/1028595\s*│\s*yes/);
    expect(stdout).toMatch(/4773588762\s*│\s*no/);
    expect(emulator.stats.count()).toBe(1);
  });

  it('answers as JSON', async () => {
    const { stdout } = await run(['owns', '123456', '--asset', '1028595', '--badge', '1', '--json']);
    expect(JSON.parse(stdout)).toEqual({
      userId: '123456',
      entries: [
        { kind: 'asset', id: '1028595', owned: true, copies: 1 },
        { kind: 'badge', id: '1', owned: false, copies: 0 },
      ],
    });
  });
});
