/**
 * Logs never carry a credential: the API key (query or header), cookies, authorization and
 * the caller's Steam session are absent from every line, including request URLs and the
 * lines written when Steam fails.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { startGateway, type TestGateway } from '../../test/services/gateway.js';
import { redactRequestUrl } from './logger.js';

const PRIVATE = '76561198000000070';
const SESSION = 'steam-session-secret-value-1234';
let emulator: StartedEmulator;
let gw: TestGateway;
const lines: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      steam: { users: { [PRIVATE]: { private: true } }, faults: { script: { '3': 'eresult20' } } },
    },
  });
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  gw = await startGateway({ emulatorUrl: emulator.url, logStream });
});
afterAll(async () => {
  await gw?.close();
  await emulator?.close();
});

describe('log redaction', () => {
  it('keeps keys, cookies and sessions out of every log line', async () => {
    const key = await gw.key();
    const headers = {
      cookie: `steamLoginSecure=${SESSION}`,
      authorization: `Bearer ${SESSION}-bearer`,
      'x-steam-cookie': `steamLoginSecure=${SESSION}-x`,
    };
    expect(
      (await gw.get(`/inventory?steamid=76561198000000071&gameid=730&contextid=2&api_key=${key}`, headers))
        .status,
    ).toBe(200);
    expect(
      (await gw.get(`/inventory?steamid=${PRIVATE}&gameid=730&contextid=2`, { ...headers, 'x-api-key': key }))
        .status,
    ).toBe(403);
    expect(
      (await gw.get(`/inventory?steamid=76561198000000072&gameid=730&contextid=2&api_key=${key}`)).status,
    ).toBe(503);
    expect((await gw.get(`/nowhere?api_key=${key}&token=${SESSION}`)).status).toBe(404);
    expect((await gw.get(`/inventory?steamid=bad&api_key=${key}`)).status).toBe(400);
    await new Promise((r) => setTimeout(r, 50));

    const text = lines.join('\n');
    expect(lines.length).toBeGreaterThan(8);
    expect(text).toContain('api_key=[REDACTED]');
    expect(text).toContain('upstream failure');
    for (const secret of [key, SESSION]) expect(text).not.toContain(secret);
  });

  it('redacts secret query parameters in logged URLs', () => {
    expect(redactRequestUrl('/inventory?steamid=1&api_key=gs_secret&key=k&fresh=1')).toBe(
      '/inventory?steamid=1&api_key=[REDACTED]&key=[REDACTED]&fresh=1',
    );
    expect(redactRequestUrl('/healthz')).toBe('/healthz');
  });
});
