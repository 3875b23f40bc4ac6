/**
 * @module emulator/process
 * Runs the emulator in a child process. Its per-IP rate limiting stamps request arrival
 * times; in the same process as a busy client (parsing a 2000-item page blocks the event
 * loop) those stamps arrive late and bunch up, so timing-sensitive tests and benchmarks
 * run it apart. Counters come from the control endpoints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { EmulatorStatsReport } from './control.js';
import type { StartEmulatorOptions } from './index.js';

export interface EmulatorProcess {
  url: string;
  pid: number;
  stats(): Promise<EmulatorStatsReport>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startEmulatorProcess(options: StartEmulatorOptions = {}): Promise<EmulatorProcess> {
  // From source (tests, benchmarks) the child is TypeScript and needs tsx; from dist it is JS.
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSource ? './child.ts' : './child.js', import.meta.url);
  const child = spawn(
    process.execPath,
    [...(fromSource ? ['--import', 'tsx'] : []), entry.pathname, JSON.stringify(options)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const url = await firstLine(child);
  const pid = child.pid ?? 0;
  const control = (path: string, method = 'GET') => fetch(`${url}/__emulator/${path}`, { method });
  return {
    url,
    pid,
    stats: async () => (await (await control('stats')).json()) as EmulatorStatsReport,
    reset: async () => void (await control('reset', 'POST')).body?.cancel(),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      lines.close();
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch (error) {
        reject(error as Error);
      }
    });
    child.once('exit', (code) => reject(new Error(`emulator process exited (${code}) before it started`)));
  });
}
