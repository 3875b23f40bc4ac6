/**
 * `gamestash emulator` end to end: the built CLI as a user starts it, directly and through
 * `npm exec` as a CI script would (`npx gamestash emulator & ... kill $!`).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CLI_BIN, runCli } from './run-cli.js';

describe('gamestash emulator', () => {
  it('says in one line that a port is taken, instead of crashing (exit 2)', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const { code, stdout, stderr } = await runCli(['emulator', '--port', String(port)]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `gamestash: cannot listen on 127.0.0.1:${port}: the port is already in use: pick another --port, or leave it out for a free one\n`,
      );
    } finally {
      taken.close();
    }
  });

  it('takes --port 0 as any free port, prints its URL and stops on SIGINT', async () => {
    const child = spawn(process.execPath, [CLI_BIN, 'emulator', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const firstLine = await new Promise<string>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().split('\n')[0] ?? '')),
    );
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(firstLine)?.[1];
    expect(url).toBeDefined();
    expect(Number(new URL(url!).port)).toBeGreaterThan(0);
    const response = await fetch(`${url}/inventory/76561198012345678/730/2?count=10`);
    expect(response.status).toBe(200);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
  });

  // `npm exec -c` starts it exactly as `npx gamestash emulator` does (npm, then `sh -c`, then
  // node), without installing the package into npm's cache first.
  it.each([
    ['SIGTERM', 'npm forwards it to the shell, which dies; the emulator is re-parented'],
    ['SIGKILL', 'the shell stays; only npm is gone'],
  ] as const)('stops when the npm exec that started it gets %s (%s)', async (signal, _what) => {
    const npm = spawn('npm', ['exec', '-c', `node ${CLI_BIN} emulator --port 0`], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so that a failing test can clean up everything it started.
      detached: true,
    });
    try {
      let output = '';
      npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await expect.poll(() => /listening on (http:\S+)/.test(output), { timeout: 30_000 }).toBe(true);
      const url = /listening on (http:\S+)/.exec(output)![1]!;
      expect((await fetch(`${url}/inventory/76561198012345678/730/2?count=10`)).status).toBe(200);
      npm.kill(signal);
      const answers = () =>
        fetch(`${url}/inventory/76561198012345678/730/2?count=10`).then(
          () => true,
          () => false,
        );
      await expect.poll(answers, { timeout: 15_000, interval: 200 }).toBe(false);
    } finally {
      try {
        process.kill(-npm.pid!, 'SIGKILL');
      } catch {
        /* already gone, as it should be */
      }
    }
  });
});
