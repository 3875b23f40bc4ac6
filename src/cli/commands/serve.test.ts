/**
 * `gamestash serve` as a real process: it starts on a free port with the embedded SQLite
 * store, answers with a key made by `gamestash keys create`, and exits 0 on SIGTERM after
 * a graceful shutdown.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../../emulator/index.js';
import { ApiKeyStore } from '../../store/api-keys.js';
import { openDatabase } from '../../store/database.js';
import { httpGet, removeTempDirs, tempSqlitePath } from '../../../test/services/gateway.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let emulator: StartedEmulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
  removeTempDirs();
});

describe('gamestash serve', () => {
  it('serves until SIGTERM, then shuts down cleanly', async () => {
    const sqlite = tempSqlitePath();
    const database = await openDatabase({ sqlitePath: sqlite });
    const { key } = await new ApiKeyStore(database.db).create({ name: 'serve-test' });
    await database.close();

    const script = `const { main } = await import('./src/cli/main.ts'); process.exitCode = await main(process.argv);`;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        script,
        'gamestash',
        'serve',
        '--port',
        '0',
        '--sqlite',
        sqlite,
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          GAMESTASH_STEAM_COMMUNITY_URL: emulator.url,
          GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '0',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 45_000);
        const check = () => {
          const ready = output
            .split('\n')
            .filter((l) => l.startsWith('{'))
            .map((l) => JSON.parse(l) as { msg: string; url?: string })
            .find((l) => l.msg === 'gamestash gateway ready');
          if (ready?.url) {
            clearTimeout(timer);
            resolve(ready.url);
          } else setTimeout(check, 50);
        };
        check();
      });
      const res = await httpGet(
        `${url}/inventory?steamid=76561198000000080&gameid=730&contextid=2&api_key=${key}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('shutting down');
      expect(output).not.toContain(key);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 90_000);
});
