/**
 * `gamestash keys ...` in process (main() with stdout captured) on a real SQLite file:
 * create prints the key once, list shows it without the secret, usage and revoke work, and
 * mistakes exit with the usage code and a one-line message.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main.js';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { removeTempDirs, tempSqlitePath } from '../../../test/services/gateway.js';
import { loadGatewayConfig } from '../../gateway/config.js';
import { ApiKeyStore } from '../../store/api-keys.js';
import { openDatabase } from '../../store/database.js';

let sqlite: string;
let out: string;
let err: string;

beforeEach(() => {
  sqlite = tempSqlitePath();
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});
afterAll(removeTempDirs);

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  out = '';
  err = '';
  const code = await main(['node', 'gamestash', 'keys', ...args, '--sqlite', sqlite]);
  return { code, out, err };
}

describe('gamestash keys', () => {
  it('creates, lists, reports usage and revokes', async () => {
    const created = await run('create', '--name', 'ci', '--quota-per-minute', '10');
    expect(created.code).toBe(0);
    const key = created.out.trim();
    expect(key).toMatch(/^gs_[A-Za-z0-9_-]{32}$/);
    expect(created.err).toMatch(/only time the key is shown/);

    const json = JSON.parse((await run('create', '--name', 'other', '--json')).out) as {
      key: string;
      id: string;
    };
    expect(json.key).toMatch(/^gs_/);

    const list = await run('list');
    expect(list.code).toBe(0);
    expect(list.out).toContain('ci');
    expect(list.out).toContain(key.slice(0, 8));
    expect(list.out).not.toContain(key);
    // Quotas as numbers (the default one too); the table's ISO timestamps in JSON as well.
    expect(list.out).toMatch(/│\s+10 │/);
    expect(list.out).toMatch(/│\s+60 \(default\) │/);
    const listed = JSON.parse((await run('list', '--json')).out) as {
      name: string;
      quotaPerMinute: number;
      quotaIsDefault: boolean;
      createdAt: string;
      lastUsedAt: string | null;
      revokedAt: string | null;
    }[];
    expect(listed.map((k) => [k.name, k.quotaPerMinute, k.quotaIsDefault])).toEqual([
      ['ci', 10, false],
      ['other', 60, true],
    ]);
    for (const k of listed) {
      expect(k.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(list.out).toContain(k.createdAt);
      expect([k.lastUsedAt, k.revokedAt]).toEqual([null, null]);
    }

    expect((await run('usage', 'ci')).out).toMatch(/no recorded requests/);
    expect((await run('revoke', 'ci')).out).toMatch(/^revoked key_\w+ "ci"/);
    expect(JSON.parse((await run('list', '--json')).out)).toHaveLength(1);
    expect(JSON.parse((await run('list', '--all', '--json')).out)).toHaveLength(2);
    const revoked = JSON.parse((await run('revoke', json.id, '--json')).out) as { revokedAt: string };
    expect(revoked.revokedAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
  });

  it('refuses a second key with a name already taken, revoked or not', async () => {
    expect((await run('create', '--name', 'ci')).code).toBe(0);
    const again = await run('create', '--name', 'ci');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(
      /^gamestash: a key named "ci" already exists \(key_\w+, active\): key names are unique, choose another\n$/,
    );
    expect(again.out).toBe('');
    expect((await run('revoke', 'ci')).code).toBe(0);
    expect((await run('create', '--name', 'ci')).err).toMatch(/already exists \(key_\w+, revoked\)/);
    expect(JSON.parse((await run('usage', 'ci', '--json')).out).key.name).toBe('ci');
  });

  it('exits with the usage code and one line for mistakes', async () => {
    const missing = await run('revoke', 'nobody');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^gamestash: no key with id or name "nobody"\n$/);
    const noName = await run('create');
    expect(noName.code).toBe(2);
    const badQuota = await run('create', '--name', 'x', '--quota-per-minute', 'lots');
    expect(badQuota.code).toBe(2);
  });

  it('uses the store serve uses: gamestash.sqlite in GAMESTASH_DATA_DIR', async () => {
    const dir = dirname(tempSqlitePath());
    const saved = process.env.GAMESTASH_DATA_DIR;
    process.env.GAMESTASH_DATA_DIR = dir;
    try {
      const code = await main(['node', 'gamestash', 'keys', 'create', '--name', 'shared']);
      expect(code).toBe(0);
      const key = out.trim();
      expect(existsSync(join(dir, 'gamestash.sqlite'))).toBe(true);
      // What `serve` opens with the same environment.
      const config = loadGatewayConfig(process.env);
      expect(config.sqlitePath).toBe(join(dir, 'gamestash.sqlite'));
      const database = await openDatabase({ sqlitePath: config.sqlitePath });
      expect((await new ApiKeyStore(database.db).findActive(key))?.name).toBe('shared');
      await database.close();
    } finally {
      if (saved === undefined) delete process.env.GAMESTASH_DATA_DIR;
      else process.env.GAMESTASH_DATA_DIR = saved;
    }
  });
});
