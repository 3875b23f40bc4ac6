/**
 * Helpers shared by the gateway benchmarks: child-process servers (see gateway-child.ts),
 * API keys written straight into the gateway's store, and small formatting helpers.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ApiKeyStore } from '../src/store/api-keys.js';
import { openDatabase, type StoreOptions } from '../src/store/database.js';

const CHILD = fileURLToPath(new URL('./gateway-child.ts', import.meta.url));

export interface ChildServer {
  url: string;
  pid: number;
  /** Writes a line to the child's stdin and resolves with its next JSON line on stdout. */
  ask(line: string): Promise<unknown>;
  stop(): Promise<void>;
}

export function spawnChild(args: string[], env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let buffered = '';
  const waiting: ((value: unknown) => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.startsWith('{') && !line.startsWith('{"url"') && !line.startsWith('{"level"')) {
        waiting.shift()?.(JSON.parse(line));
      }
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${args[0]} did not start`)), 30_000);
    const onStart = (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (!line) return;
      clearTimeout(timer);
      // Once started, stop collecting: at log level info the gateway writes lines per request,
      // and re-splitting all of them on every chunk would make this process the bottleneck.
      child.stdout.off('data', onStart);
      out = '';
      resolve({
        url: (JSON.parse(line) as { url: string }).url,
        pid: child.pid!,
        ask: (line) =>
          new Promise((answer) => {
            waiting.push(answer);
            child.stdin.write(`${line}\n`);
          }),
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout.on('data', onStart);
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
  });
}

/** Creates a key in the store the gateways will use (before they start, or alongside). */
export async function createKey(store: StoreOptions, quotaPerMinute = 100_000_000): Promise<string> {
  const database = await openDatabase(store);
  try {
    // Key names are unique: a store reused across runs gets one more key, not a refusal.
    const name = `bench-${Date.now().toString(36)}`;
    return (
      await new ApiKeyStore(database.db).create({
        name,
        quotaPerMinute,
        scopes: ['inventory:read', 'webapi:read', 'webhooks:write'],
      })
    ).key;
  } finally {
    await database.close();
  }
}

/** Gateway environment: pointed at the emulator, quiet logs unless asked. */
export function gatewayEnv(emulatorUrl: string, extra: Record<string, string>): Record<string, string> {
  return {
    GAMESTASH_STEAM_COMMUNITY_URL: emulatorUrl,
    GAMESTASH_PORT: '0',
    GAMESTASH_LOG_LEVEL: 'warn',
    GAMESTASH_HTTP_RETRIES: '0',
    ...extra,
  };
}

export function check(ok: boolean, label: string): boolean {
  process.stdout.write(`${ok ? 'PASS' : 'FAIL'}  ${label}\n`);
  return ok;
}
