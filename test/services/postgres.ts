/**
 * @module test/services/postgres
 * A throwaway PostgreSQL 15 cluster on a free loopback port: initdb into a temp directory,
 * `postgres` started as our own child process (so we hold its pid), stopped by that pid.
 * PostgreSQL refuses to run as root, so as root both run as the `postgres` user (the
 * equivalent of STACK.md's `runuser -u postgres`, through spawn's uid/gid). It can be killed
 * and restarted on the same port and data, to test what its clients do meanwhile.
 */
import { execFileSync, spawn, type SpawnOptions } from 'node:child_process';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, killOnExit, stopPid } from './ports.js';

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` (trust auth unless a password was asked for). */
  url: string;
  port: number;
  /** The running postmaster's pid (a new one after `restart()`). */
  readonly pid: number;
  /** A fresh, empty database on this server; returns its URL. */
  createDatabase(name: string): Promise<string>;
  /**
   * Stops the server the way a crash would (SIGQUIT, by pid: "immediate shutdown", every
   * session cut, no checkpoint); `restart()` brings it back with its data.
   */
  kill(): Promise<void>;
  /** Starts the server again on the same port and data directory. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** Require this password for `postgres` over TCP (scram-sha-256); the URLs carry it. */
  password?: string;
}

const BIN = process.env.GAMESTASH_TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';

function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

function run(command: string, args: string[], options: SpawnOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} exited ${code}:\n${output}`)),
    );
  });
}

export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresServer> {
  const user = runAs();
  const dir = await mkdtemp(join(tmpdir(), 'gamestash-pg-'));
  if (user) await chown(dir, user.uid, user.gid);
  const spawnOptions: SpawnOptions = { cwd: dir, env: { ...process.env, LC_ALL: 'C' }, ...(user ?? {}) };
  const data = join(dir, 'data');
  // --no-sync and fsync=off: a throwaway cluster needs no durability against power loss.
  const auth = ['-A', 'trust'];
  if (options.password) {
    const pwfile = join(dir, 'pwfile');
    await writeFile(pwfile, options.password);
    if (user) await chown(pwfile, user.uid, user.gid);
    auth.splice(0, 2, '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${pwfile}`);
  }
  await run(
    `${BIN}/initdb`,
    ['-D', data, ...auth, '-U', 'postgres', '--no-sync', '-E', 'UTF8'],
    spawnOptions,
  );
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const port = await freePort();
      const first = await launch(dir, data, port, spawnOptions);
      return server(dir, data, port, spawnOptions, first, options);
    } catch (error) {
      lastError = error;
    }
  }
  await rm(dir, { recursive: true, force: true });
  throw lastError;
}

function server(
  dir: string,
  data: string,
  port: number,
  spawnOptions: SpawnOptions,
  first: Running,
  options: PostgresOptions,
): PostgresServer {
  let running: Running | undefined = first;
  let removed = false;
  const halt = async (signal: NodeJS.Signals) => {
    const current = running;
    running = undefined;
    await current?.stop(signal);
  };
  const auth = options.password ? `postgres:${encodeURIComponent(options.password)}` : 'postgres';
  const url = `postgres://${auth}@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    get pid() {
      return running?.pid ?? 0;
    },
    async createDatabase(name: string) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      const pg = await import('pg');
      const client = new pg.default.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://${auth}@127.0.0.1:${port}/${name}`;
    },
    kill: () => halt('SIGQUIT'),
    async restart() {
      await halt('SIGINT');
      running = await launch(dir, data, port, spawnOptions);
    },
    async stop() {
      await halt('SIGINT');
      if (!removed) {
        removed = true;
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

interface Running {
  pid: number;
  stop(signal: NodeJS.Signals): Promise<void>;
}

async function launch(dir: string, data: string, port: number, options: SpawnOptions): Promise<Running> {
  const args = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'];
  // fsync=off: nothing here survives a machine crash, and need not. synchronous_commit stays
  // on: with fsync off it costs a write() per commit, and a kill() (a crash of the server
  // alone) must not lose commits its clients were told had happened.
  args.push('-c', 'fsync=off', '-c', 'full_page_writes=off');
  const child = spawn(`${BIN}/postgres`, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start postgres');
  const forget = killOnExit(pid);
  // SIGINT is PostgreSQL's "fast shutdown": it ends sessions and exits cleanly.
  const stop = async (signal: NodeJS.Signals) => {
    forget();
    await stopPid(pid, signal, 10_000);
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`postgres did not start:\n${output}`)), 20_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('database system is ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`postgres exited with ${code}:\n${output}`));
      });
    });
  } catch (error) {
    await stop('SIGINT');
    throw error;
  }
  child.stdout?.resume();
  child.stderr?.resume();
  child.unref();
  return { pid, stop };
}
