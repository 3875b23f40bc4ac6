/**
 * @module test/services/gateway-process
 * Starts test/services/gateway-child.ts as a child process (killed by pid when the test
 * process exits), waits for its URL, and lets a test publish events through it and kill it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { killOnExit, stopPid } from './ports.js';

export interface GatewayProcess {
  url: string;
  pid: number;
  /** Event ids whose publish resolved in the child. */
  published: Set<string>;
  publish(event: { type: string; id: string; data: unknown; keyIds?: string[]; account?: string }): void;
  /** SIGKILL: no shutdown, no flush, as a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'test/services/gateway-child.ts'], {
    env: { ...process.env, GAMESTASH_PORT: '0', GAMESTASH_LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const pid = child.pid!;
  const forget = killOnExit(pid);
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  const published = new Set<string>();
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway child did not start:\n${stderr}`)), 90_000);
    child.once('exit', (code) => reject(new Error(`gateway child exited ${code}:\n${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let message: { url?: string; published?: string; failed?: string; error?: string };
      try {
        message = JSON.parse(line);
      } catch {
        return;
      }
      if (message.url) {
        clearTimeout(timer);
        resolve(message.url);
      }
      if (message.published) published.add(message.published);
      if (message.failed) process.stderr.write(`publish ${message.failed} failed: ${message.error}\n`);
    });
  });
  return {
    url,
    pid,
    published,
    publish(event) {
      child.stdin!.write(`${JSON.stringify({ publish: event })}\n`);
    },
    async kill() {
      forget();
      await stopPid(pid, 'SIGKILL');
    },
    async stop() {
      forget();
      await stopPid(pid, 'SIGTERM', 15_000);
    },
  };
}
