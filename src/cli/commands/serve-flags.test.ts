/**
 * `gamestash serve` flags for what a public gateway exposes: `--cors-origins`,
 * `--metrics-port` (the ready line says where) and `--docs-require-key`, as a real process.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../../emulator/index.js';
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

describe('gamestash serve: CORS, metrics port, docs behind a key', () => {
  it('takes --cors-origins, --metrics-port and --docs-require-key', async () => {
    const script = `const { main } = await import('./src/cli/main.ts'); process.exitCode = await main(process.argv);`;
    const args = ['--port', '0', '--sqlite', tempSqlitePath(), '--cors-origins', 'https://app.example'];
    args.push('--metrics-port', '0', '--docs-require-key');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script, 'gamestash', 'serve', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, GAMESTASH_STEAM_COMMUNITY_URL: emulator.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const ready = await new Promise<{ url: string; metrics?: string }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 45_000);
        const check = () => {
          const line = output
            .split('\n')
            .filter((l) => l.startsWith('{'))
            .map((l) => JSON.parse(l) as { msg: string; url?: string; metrics?: string })
            .find((l) => l.msg === 'gamestash gateway ready');
          if (line?.url) {
            clearTimeout(timer);
            resolve({ url: line.url, ...(line.metrics ? { metrics: line.metrics } : {}) });
          } else setTimeout(check, 50);
        };
        check();
      });
      const health = await httpGet(`${ready.url}/healthz`, { origin: 'https://app.example' });
      expect(health.headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect((await httpGet(`${ready.url}/openapi.json`)).status).toBe(401);
      expect((await httpGet(`${ready.url}/metrics`)).status).toBe(404);
      expect(ready.metrics).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await httpGet(`${ready.metrics}/metrics`)).text).toMatch(/gamestash_http_requests_total/);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 90_000);
});
