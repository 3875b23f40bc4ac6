/**
 * Roblox's budget is per API-key owner, not per gateway: two gateways on one Redis pace
 * their Open Cloud requests through one shared queue, so the emulator (in its own process,
 * enforcing the owner's limit) sees zero 429s; without Redis, each paces alone and the
 * owner's limit is overrun.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorProcess, type EmulatorProcess } from '../emulator/process.js';
import { startRedis, type RedisServer } from '../../test/services/redis.js';
import { removeTempDirs, startGateway, type TestGateway } from '../../test/services/gateway.js';

const ROBLOX_KEY = 'scale-out-roblox-key-1';
const PER_MINUTE = '1200'; // one request per 50 ms, scaled down from Roblox's 100/min
const USERS = ['301', '302', '303', '304'];
let emulator: EmulatorProcess;
let redis: RedisServer;

beforeAll(async () => {
  [emulator, redis] = await Promise.all([
    startEmulatorProcess({
      scenario: {
        roblox: {
          users: Object.fromEntries(USERS.map((id) => [id, { assets: 250 }])),
          apiKeys: { [ROBLOX_KEY]: { owner: 'shop' } },
          rateLimits: { apiKeyPerMinute: Number(PER_MINUTE), burst: 3 },
        },
      },
    }),
    startRedis(),
  ]);
});
afterAll(async () => {
  await emulator.close();
  await redis.stop();
  removeTempDirs();
});

async function hammer(shared: boolean): Promise<{ ok: number; limited: number }> {
  await emulator.reset();
  const env = {
    GAMESTASH_ROBLOX_API_URL: emulator.url,
    ROBLOX_API_KEY: ROBLOX_KEY,
    GAMESTASH_ROBLOX_API_KEY_PER_MINUTE: PER_MINUTE,
    GAMESTASH_HTTP_RETRIES: '0',
    ...(shared ? { GAMESTASH_REDIS_URL: redis.url } : {}),
  };
  const gateways: TestGateway[] = [];
  for (let i = 0; i < 2; i++) gateways.push(await startGateway({ emulatorUrl: emulator.url, env }));
  try {
    const keys = await Promise.all(gateways.map((g) => g.key()));
    const answers = await Promise.all(
      USERS.map((userId, i) =>
        gateways[i % 2]!.get(
          `/v1/roblox/users/${userId}/inventory-items?all=1&fresh=1&api_key=${keys[i % 2]}`,
        ),
      ),
    );
    const stats = await emulator.stats();
    return { ok: answers.filter((a) => a.status === 200).length, limited: stats.byStatus['429'] ?? 0 };
  } finally {
    for (const g of gateways) await g.close();
  }
}

describe('Roblox budget across gateway instances', () => {
  it('is shared through Redis: every listing succeeds, zero 429s', async () => {
    expect(await hammer(true)).toEqual({ ok: USERS.length, limited: 0 });
  });

  it('is overrun without Redis, which is why it is shared', async () => {
    expect((await hammer(false)).limited).toBeGreaterThan(0);
  });
});
