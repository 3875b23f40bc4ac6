/**
 * `gamestash keys ...` in process (main() with stdout captured) on a real SQLite file:
 * create prints the key once, list shows it without the secret, usage and revoke work, and
 * mistakes exit with the usage code and a one-line message.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main.js';
import { removeTempDirs, tempSqlitePath } from '../../../test/services/gateway.js';

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
    const listed = JSON.parse((await run('list', '--json')).out) as {
      name: string;
      quotaPerMinute: number | null;
    }[];
    expect(listed.map((k) => [k.name, k.quotaPerMinute])).toEqual([
      ['ci', 10],
      ['other', null],
    ]);

    expect((await run('usage', 'ci')).out).toMatch(/no recorded requests/);
    expect((await run('revoke', 'ci')).out).toMatch(/^revoked key_\w+ "ci"/);
    expect(JSON.parse((await run('list', '--json')).out)).toHaveLength(1);
    expect(JSON.parse((await run('list', '--all', '--json')).out)).toHaveLength(2);
    expect((await run('revoke', json.id, '--json')).code).toBe(0);
  });

  it('exits with the usage code and one line for mistakes', async () => {
    const missing = await run('revoke', 'nobody');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^gamestash: no active key with id or name "nobody"\n$/);
    const noName = await run('create');
    expect(noName.code).toBe(2);
    const badQuota = await run('create', '--name', 'x', '--quota-per-minute', 'lots');
    expect(badQuota.code).toBe(2);
  });
});
