import { describe, expect, it } from 'vitest';
import { launcherChain, watchLauncher } from './launcher-watch.js';

/** A process table: pid -> [ppid, command]. */
const table: Record<number, [number, string]> = {
  500: [400, 'sh -c gamestash emulator'],
  400: [300, 'npm exec gamestash emulator'],
  300: [1, 'bash ci.sh'],
  700: [600, 'node worker.js'],
  600: [1, 'node runner.js'],
};
const describeFake = (pid: number) =>
  table[pid] ? { ppid: table[pid][0], command: table[pid][1] } : undefined;

describe('launcherChain', () => {
  it('goes up through the shell to npm and stops there', () => {
    expect(launcherChain(500, describeFake)).toEqual([500, 400]);
  });

  it('is just the parent when no npm is found above it', () => {
    expect(launcherChain(700, describeFake)).toEqual([700]);
    expect(launcherChain(999, describeFake)).toEqual([999]);
  });
});

describe('watchLauncher', () => {
  it('does nothing when npm did not start the process', () => {
    let gone = false;
    const stop = watchLauncher(() => (gone = true), { env: {}, ppid: () => 12345 });
    stop();
    expect(gone).toBe(false);
  });

  it('reports when the process is re-parented (the shell between it and npm died)', async () => {
    let parent = process.pid;
    let gone = 0;
    const stop = watchLauncher(() => gone++, {
      env: { npm_command: 'exec' },
      ppid: () => parent,
      describe: () => ({ ppid: 1, command: 'npm exec gamestash emulator' }),
    });
    try {
      parent = 1;
      await expect.poll(() => gone, { timeout: 5000 }).toBe(1);
    } finally {
      stop();
    }
  });
});
