/**
 * `npm pack` makes a package that installs and runs away from this checkout: the tarball is
 * installed into an empty directory (from npm's cache when it can, the registry otherwise)
 * and its `gamestash` binary answers --version, runs the emulator and reads an inventory
 * from it. Install scripts are skipped (better-sqlite3 compiles for minutes and the commands
 * run here never open SQLite); GAMESTASH_PACK_TEST_SCRIPTS=1 runs them and `keys list` too.
 * Packs the built dist/ as it is (`npm test` builds first).
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WITH_SCRIPTS = process.env.GAMESTASH_PACK_TEST_SCRIPTS === '1';
const OWNER = '76561198012345678';

let dir: string;
let bin: string;
let files: string[];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return new Promise<Run>((resolve) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** The installed CLI with only what a user's shell would have: no repo paths, a fresh HOME. */
function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: join(dir, 'home'), ...extra };
}

beforeAll(async () => {
  expect(existsSync(join(ROOT, 'dist/cli/main.js')), 'build first: npx tsc -p tsconfig.build.json').toBe(
    true,
  );
  dir = mkdtempSync(join(tmpdir(), 'gamestash-pack-'));
  const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
    cwd: ROOT,
  });
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  files = info!.files.map((f) => f.path);
  const tarball = join(dir, info!.filename);
  const project = join(dir, 'project');
  await run('mkdir', ['-p', project, join(dir, 'home')]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'pack-check', private: true }));
  const install = (mode: string) =>
    run(
      'npm',
      [
        'install',
        mode,
        '--no-audit',
        '--no-fund',
        '--no-package-lock',
        ...(WITH_SCRIPTS ? [] : ['--ignore-scripts']),
        tarball,
      ],
      { cwd: project },
    );
  // From npm's cache alone when everything is in it; the registry fills any gap.
  let installed = await install('--offline');
  if (installed.code !== 0) installed = await install('--prefer-offline');
  expect(installed.code, installed.stderr).toBe(0);
  bin = join(project, 'node_modules/.bin/gamestash');
}, 600_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('ships the CLI and the compiled library, without sources or tests', () => {
    expect(files).toEqual(
      expect.arrayContaining(['package.json', 'README.md', 'bin/gamestash.js', 'dist/index.js']),
    );
    expect(files.filter((f) => /^src\/|\.test\.|^test\//.test(f))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('installs into an empty directory and answers --version', async () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const version = await run(bin, ['--version'], { env: cliEnv() });
    expect(version).toMatchObject({ code: 0, stdout: `${manifest.version}\n` });
  });

  it('runs the emulator and reads an inventory from it', async () => {
    const emulator = spawn(bin, ['emulator', '--port', '0'], {
      env: cliEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        emulator.once('error', reject);
        emulator.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().split('\n')[0] ?? ''));
      });
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(firstLine)?.[1];
      expect(url, firstLine).toBeDefined();
      const env = cliEnv({
        GAMESTASH_STEAM_COMMUNITY_URL: url!,
        GAMESTASH_STEAM_API_URL: url!,
        GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '0',
      });
      const read = await run(bin, ['steam', 'inventory', OWNER, '--json', '--limit', '5'], { env });
      expect(read.stderr).toBe('');
      expect(read.code).toBe(0);
      expect(JSON.parse(read.stdout)).toHaveLength(5);
      const summary = await run(bin, ['steam', 'inventory', OWNER, '--summary'], { env });
      expect(summary.code).toBe(0);
      expect(summary.stdout).toMatch(/name .*quantity/);
    } finally {
      emulator.kill('SIGINT');
      await new Promise((resolve) => emulator.once('close', resolve));
    }
  });

  // Part of the full suite only (.ci/run sets it on one Node major): compiling takes minutes.
  if (WITH_SCRIPTS) {
    it('opens its SQLite store (native module built on install)', async () => {
      const listed = await run(bin, ['keys', 'list'], {
        env: cliEnv({ GAMESTASH_DATA_DIR: join(dir, 'data') }),
      });
      expect(listed).toMatchObject({ code: 0, stdout: expect.stringMatching(/^no keys/) });
    });
  }
});
