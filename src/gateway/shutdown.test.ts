/**
 * Graceful shutdown over real HTTP: a request in flight when shutdown starts still gets its
 * full answer, new connections are refused, usage counters reach the store, and the store
 * is closed afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { ApiKeyStore } from '../store/api-keys.js';
import { openDatabase } from '../store/database.js';
import { httpGet, startGateway, removeTempDirs, tempSqlitePath } from '../../test/services/gateway.js';

const SLOW = '76561198000005003';
const SLOW_V1 = '76561198000005004';
let emulator: StartedEmulator;

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      steam: {
        users: {
          [SLOW]: { inventories: { '730/2': { size: 5000 } } },
          [SLOW_V1]: { inventories: { '730/2': { size: 5000 } } },
        },
      },
    },
  });
});
afterAll(async () => {
  await emulator?.close();
  removeTempDirs();
});

describe('graceful shutdown', () => {
  it('finishes in-flight requests, refuses new ones, saves usage and closes the store', async () => {
    const sqlite = tempSqlitePath();
    // Three pages each, 250 ms apart: both requests are still running when shutdown begins.
    const env = { GAMESTASH_SQLITE_PATH: sqlite, GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '250' };
    const gw = await startGateway({ emulatorUrl: emulator.url, env });
    const key = await gw.key({ name: 'in-flight' });
    const inFlight = gw.get(`/inventory?steamid=${SLOW}&gameid=730&contextid=2&api_key=${key}`);
    const v1InFlight = gw.get(`/v1/steam/inventory/${SLOW_V1}/730/2?limit=5000&api_key=${key}`);
    // Shut down once both are being served (Steam was asked for each), not after a fixed
    // wait that a busy machine can outlast.
    const asked = (id: string) => emulator.stats.count({ pathPrefix: `/inventory/${id}/` }) > 0;
    await expect.poll(() => asked(SLOW) && asked(SLOW_V1), { timeout: 10_000, interval: 5 }).toBe(true);
    const closing = gw.server.shutdown('SIGTERM');
    await expect.poll(() => gw.app.server.listening, { timeout: 5000, interval: 5 }).toBe(false);
    await expect(httpGet(`${gw.url}/healthz`)).rejects.toThrow();

    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.headers.get('connection')).toBe('close');
    // Uncompressed although fetch accepts gzip: decompressing while the FIN arrives crashes
    // undici clients (nodejs/undici#5360); this very fetch would throw an uncaught assertion.
    expect(answer.headers.get('content-encoding')).toBeNull();
    expect(answer.body.assets).toHaveLength(5000);
    // The same for answers the compress plugin would otherwise compress.
    const v1Answer = await v1InFlight;
    expect(v1Answer.status).toBe(200);
    expect(v1Answer.headers.get('connection')).toBe('close');
    expect(v1Answer.headers.get('content-encoding')).toBeNull();
    expect(v1Answer.body.items).toHaveLength(5000);
    await closing;
    await expect(gw.app.services.database.ping()).rejects.toThrow();

    const database = await openDatabase({ sqlitePath: sqlite });
    const [record] = await new ApiKeyStore(database.db).list();
    expect(record).toMatchObject({ name: 'in-flight', requestCount: 2 });
    await database.close();
  });
});
