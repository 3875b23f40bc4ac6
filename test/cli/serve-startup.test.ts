/**
 * `gamestash serve` that cannot start, as an operator meets it: the built CLI exits non-zero
 * on its own (nothing left open keeps it alive), with one line on stderr naming what failed
 * (Redis, PostgreSQL, the SQLite file, the port), where (credentials redacted), the setting
 * as it was given (`--redis-url` or `GAMESTASH_REDIS_URL`) and why. Real Redis and PostgreSQL
 * requiring passwords stand in for the wrong-password cases.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from '../services/postgres.js';
import { startRedis, type RedisServer } from '../services/redis.js';
import { runCli } from './run-cli.js';

const PASSWORD = 'pw-0f9e8d7c6b';
const WRONG = 'wrong-5a4b3c2d1e';
let pg: PostgresServer;
let redis: RedisServer;
let dir: string;
let sqlite: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gamestash-serve-startup-'));
  sqlite = join(dir, 'gateway.sqlite');
  [pg, redis] = await Promise.all([
    startPostgres({ password: PASSWORD }),
    startRedis({ password: PASSWORD }),
  ]);
});
afterAll(async () => {
  await Promise.all([pg?.stop(), redis?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs `serve` and returns its one stderr line. A process still running after 20 s is a
 * hang (the bug this guards against hung for good), far beyond a slow start on a busy machine.
 */
async function failedStart(args: string[], env: Record<string, string> = {}): Promise<string> {
  const result = await runCli(
    ['serve', ...args],
    { GAMESTASH_LOG_LEVEL: 'info', ...env },
    { timeoutMs: 20_000 },
  );
  expect(result.timedOut, `serve still running after 20 s:\n${result.stderr}`).toBe(false);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^gamestash: [^\n]+\n$/);
  // No stack trace, no driver internals.
  expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+|node_modules|Connection is closed|unexpected failure/);
  for (const secret of [PASSWORD, WRONG, 'hunter2-pass']) expect(result.stderr).not.toContain(secret);
  return result.stderr.trimEnd();
}

function withRedisPassword(password: string): string {
  return redis.url.replace(encodeURIComponent(PASSWORD), encodeURIComponent(password));
}

function withPostgres(password: string, database = 'postgres'): string {
  return pg.url
    .replace(encodeURIComponent(PASSWORD), encodeURIComponent(password))
    .replace(/\/postgres$/, `/${database}`);
}

describe('gamestash serve that cannot start', () => {
  it('names Redis, its redacted URL and --redis-url when Redis refuses the connection', async () => {
    const line = await failedStart([
      '--port',
      '0',
      '--sqlite',
      sqlite,
      '--redis-url',
      'redis://:hunter2-pass@127.0.0.1:1',
    ]);
    expect(line).toBe(
      'gamestash: cannot use Redis at redis://:[REDACTED]@127.0.0.1:1 (from --redis-url): ' +
        'connection refused (is Redis running and listening there?)',
    );
  });

  it('names GAMESTASH_REDIS_URL when that is where the URL came from, and a wrong password', async () => {
    const line = await failedStart(['--port', '0', '--sqlite', sqlite], {
      GAMESTASH_REDIS_URL: withRedisPassword(WRONG),
    });
    expect(line).toBe(
      `gamestash: cannot use Redis at redis://:[REDACTED]@127.0.0.1:${redis.port} (from GAMESTASH_REDIS_URL): ` +
        'authentication failed: check the password',
    );
  });

  it('names PostgreSQL, its redacted URL and --database-url when the port is closed', async () => {
    const line = await failedStart([
      '--port',
      '0',
      '--database-url',
      'postgres://gamestash:hunter2-pass@127.0.0.1:1/gamestash',
    ]);
    expect(line).toBe(
      'gamestash: cannot use PostgreSQL at postgres://[REDACTED]:[REDACTED]@127.0.0.1:1/gamestash ' +
        '(from --database-url): connection refused (is PostgreSQL running and listening there?)',
    );
  });

  it('says the password was refused, naming GAMESTASH_DATABASE_URL', async () => {
    const line = await failedStart(['--port', '0'], { GAMESTASH_DATABASE_URL: withPostgres(WRONG) });
    expect(line).toBe(
      `gamestash: cannot use PostgreSQL at postgres://[REDACTED]:[REDACTED]@127.0.0.1:${pg.port}/postgres ` +
        '(from GAMESTASH_DATABASE_URL): password authentication failed for user "postgres"',
    );
  });

  it('says the database does not exist', async () => {
    const line = await failedStart(['--port', '0', '--database-url', withPostgres(PASSWORD, 'no_such_db')]);
    expect(line).toMatch(
      /^gamestash: cannot use PostgreSQL at postgres:\/\/\S+\/no_such_db \(from --database-url\): /,
    );
    expect(line).toMatch(/database "no_such_db" does not exist$/);
  });

  it('names the SQLite file and --sqlite when it cannot be created', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a directory');
    const line = await failedStart(['--port', '0', '--sqlite', join(file, 'gateway.sqlite')]);
    expect(line).toBe(
      `gamestash: cannot use the SQLite file ${join(file, 'gateway.sqlite')} (from --sqlite): ` +
        'a part of the path is a file, not a directory',
    );
  });

  it('names a busy port with --port, or GAMESTASH_PORT when that set it', async () => {
    const taken = await listening();
    const { port } = taken.address() as AddressInfo;
    try {
      // Redis and PostgreSQL were reached before the port failed: both must be closed again,
      // or their sockets (and pg's idle clients) would keep the process alive.
      const stores = { GAMESTASH_REDIS_URL: redis.url, GAMESTASH_DATABASE_URL: pg.url };
      const flag = await failedStart(['--port', String(port)], stores);
      expect(flag).toBe(
        `gamestash: cannot listen on 127.0.0.1:${port} (port from --port): the port is in use by another ` +
          'process; stop it or choose another with --port or GAMESTASH_PORT',
      );
      const env = await failedStart(['--sqlite', sqlite], { GAMESTASH_PORT: String(port) });
      expect(env).toContain(`(port from GAMESTASH_PORT)`);
    } finally {
      taken.close();
    }
  });

  it('names an address this machine does not have, and --host', async () => {
    const line = await failedStart(['--port', '0', '--sqlite', sqlite, '--host', '192.0.2.1']);
    expect(line).toBe(
      'gamestash: cannot listen on 192.0.2.1:0 (host from --host): this machine has no such address; ' +
        'choose another with --host or GAMESTASH_HOST',
    );
  });
});

function listening(): Promise<Server> {
  const server = createServer();
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
