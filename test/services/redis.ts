/**
 * @module test/services/redis
 * A throwaway redis-server on a free loopback port: no persistence, its own directory,
 * started as a child process (so we hold its pid) and stopped by that pid. It can be killed
 * and restarted on the same port, to test what its clients do meanwhile.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, killOnExit, stopPid } from './ports.js';

export interface RedisServer {
  url: string;
  port: number;
  /** The running server's pid (a new one after `restart()`). */
  readonly pid: number;
  /** Kills the server at once (SIGKILL, by pid), as a crash would; `restart()` brings it back. */
  kill(): Promise<void>;
  /** Starts the server again on the same port (empty: nothing is persisted). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface RedisOptions {
  /** Require this password (`requirepass`); the URL carries it. */
  password?: string;
}

const REDIS_BIN = process.env.GAMESTASH_TEST_REDIS_SERVER ?? 'redis-server';

export async function startRedis(options: RedisOptions = {}): Promise<RedisServer> {
  let lastError: unknown;
  // A free port can be taken between probing and binding: try a few.
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await tryStart(await freePort(), options);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function tryStart(port: number, options: RedisOptions): Promise<RedisServer> {
  const dir = await mkdtemp(join(tmpdir(), 'gamestash-redis-'));
  let running: { pid: number; forget: () => void } | undefined;
  const halt = async (signal: NodeJS.Signals) => {
    if (!running) return;
    const { pid, forget } = running;
    running = undefined;
    forget();
    await stopPid(pid, signal);
  };
  try {
    running = await launch(port, dir, options);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const auth = options.password ? `:${encodeURIComponent(options.password)}@` : '';
  return {
    url: `redis://${auth}127.0.0.1:${port}`,
    port,
    get pid() {
      return running?.pid ?? 0;
    },
    kill: () => halt('SIGKILL'),
    async restart() {
      await halt('SIGTERM');
      running = await launch(port, dir, options);
    },
    async stop() {
      await halt('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function launch(port: number, dir: string, options: RedisOptions) {
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
  ];
  if (options.password) args.push('--requirepass', options.password);
  const child = spawn(REDIS_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${REDIS_BIN}`);
  const forget = killOnExit(pid);
  try {
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}:\n${output}`));
      });
    });
  } catch (error) {
    forget();
    await stopPid(pid);
    throw error;
  }
  // Keep draining its output so a chatty server never blocks on a full pipe.
  child.stdout.resume();
  child.stderr.resume();
  child.unref();
  return { pid, forget };
}
