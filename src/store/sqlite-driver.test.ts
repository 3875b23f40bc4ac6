import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { hasNodeApi10, loadSqliteDriver } from './sqlite-driver.js';

const require = createRequire(import.meta.url);

describe('loadSqliteDriver', () => {
  it('takes 13.x only where Node-API 10 exists (Node 22.14+), 12.x on Node 20', () => {
    expect(hasNodeApi10('9')).toBe(false);
    expect(hasNodeApi10('10')).toBe(true);
    expect(hasNodeApi10('8')).toBe(false);
  });

  it('loads a driver that works on this Node', async () => {
    const SQLite = await loadSqliteDriver();
    const db = new SQLite(':memory:');
    db.exec('create table t (x integer)');
    const insert = db.prepare('insert into t values (?)');
    for (let i = 0; i < 100; i++) insert.run(i);
    expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 100 });
    db.close();
    const expected = hasNodeApi10() ? 'better-sqlite3-13' : 'better-sqlite3';
    const { version } = require(`${expected}/package.json`) as { version: string };
    expect(version.split('.')[0]).toBe(hasNodeApi10() ? '13' : '12');
    expect(SQLite).toBe(require(expected));
  });
});
