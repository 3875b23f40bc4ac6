/**
 * @module test/services/redis
 * A throwaway redis-server on a free loopback port: no persistence, its own directory,
 * started as a child process (so we hold its pid) and stopped by that pid.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, killOnExit, stopPid } from './ports.js';

export interface RedisServer {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

const REDIS_BIN = process.env.GAMESTASH_TEST_REDIS_SERVER ?? 'redis-server';

export async function startRedis(): Promise<RedisServer> {
  let lastError: unknown;
  // A free port can be taken between probing and binding: try a few.
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await tryStart(await freePort());
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function tryStart(port: number): Promise<RedisServer> {
  const dir = await mkdtemp(join(tmpdir(), 'gamestash-redis-'));
  const child = spawn(
    REDIS_BIN,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${REDIS_BIN}`);
  const forget = killOnExit(pid);
  const stop = async () => {
    forget();
    await stopPid(pid);
    await rm(dir, { recursive: true, force: true });
  };
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
    await stop();
    throw error;
  }
  // Keep draining its output so a chatty server never blocks on a full pipe.
  child.stdout.resume();
  child.stderr.resume();
  child.unref();
  return { url: `redis://127.0.0.1:${port}`, port, pid, stop };
}
