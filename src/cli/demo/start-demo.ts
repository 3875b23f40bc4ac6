/**
 * @module cli/demo/start-demo
 * Everything `gamestash demo` runs, on loopback only: the emulator with the demo's world, a
 * gateway pointed at it (its own throwaway SQLite store, nothing read from the environment),
 * a demo API key, warm prices and a stored history. Tests and the viewer benchmark start it
 * the same way.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type StartedEmulator } from '../../emulator/index.js';
import { loadGatewayConfig } from '../../gateway/config.js';
import { startServer, type RunningServer } from '../../gateway/server.js';
import { SteamInventoryClient } from '../../steam/community/inventory/client.js';
import { DEFAULT_KEY_SCOPES } from '../../store/key-scopes.js';
import { DEMO, demoScenario } from './scenario.js';
import { recordDemoHistory } from './history.js';
import { registerDemoAccount, sendPartnerOffers } from './trading.js';

export interface DemoOptions {
  /** The gateway's port (0: a free one). */
  port: number;
  /** CS2 items of the demo collector. */
  cs2Items?: number;
  /** Skip the stored history (benchmarks). */
  history?: boolean;
  logLevel?: 'silent' | 'warn' | 'info';
  /** GAMESTASH_SECRET_KEY for the demo's trading account (default: random, for this run only). */
  secretKey?: string | undefined;
}

export interface RunningDemo {
  emulator: StartedEmulator;
  gateway: RunningServer;
  /** The gateway's base URL. */
  url: string;
  /** A key with the default quota, the read scopes and offers:read/write for account `demo`. */
  key: string;
  /** The viewer with the key in a one-time fragment (never sent to a server). */
  viewerUrl: string;
  close(): Promise<void>;
}

export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const emulator = await startEmulator({ scenario: demoScenario(options.cs2Items) });
  const dir = mkdtempSync(join(tmpdir(), 'gamestash-demo-'));
  let gateway: RunningServer | undefined;
  const close = async () => {
    await gateway?.shutdown();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const secretKey = options.secretKey || randomBytes(32).toString('hex');
  try {
    // Only what the demo sets: a developer's GAMESTASH_DATABASE_URL or REDIS_URL must not leak in.
    const config = loadGatewayConfig({
      GAMESTASH_HOST: '127.0.0.1',
      GAMESTASH_PORT: String(options.port),
      GAMESTASH_LOG_LEVEL: options.logLevel ?? 'warn',
      GAMESTASH_DATA_DIR: dir,
      GAMESTASH_SQLITE_PATH: join(dir, 'gamestash.sqlite'),
      GAMESTASH_STEAM_COMMUNITY_URL: emulator.url,
      GAMESTASH_STEAM_API_URL: emulator.url,
      GAMESTASH_STEAM_CDN_URL: emulator.url,
      GAMESTASH_ROBLOX_API_URL: emulator.url,
      GAMESTASH_SKINPORT_URL: emulator.url,
      GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '0',
      GAMESTASH_SKINPORT_INTERVAL_MS: '0',
      GAMESTASH_DEFAULT_QUOTA_PER_MINUTE: '600',
      STEAM_API_KEY: DEMO.steamApiKey,
      ROBLOX_API_KEY: DEMO.robloxApiKey,
      GAMESTASH_ROBLOX_API_KEY_OWNER: '1001',
      GAMESTASH_SECRET_KEY: secretKey,
    });
    gateway = await startServer(config);
    const { services } = gateway.fastify;
    await registerDemoAccount(emulator, services.database, secretKey);
    const created = await services.keys.create({
      name: 'demo',
      scopes: [...DEFAULT_KEY_SCOPES, 'offers:read', 'offers:write'],
      accounts: [DEMO.account],
    });
    await sendPartnerOffers(emulator, services.http);
    if (options.history !== false) {
      const client = new SteamInventoryClient({
        http: services.http,
        communityUrl: emulator.url,
        intervalMs: 0,
        pageSize: 2000,
        language: 'english',
      });
      const items = await client.fetchItems({ steamid: DEMO.steamid, appid: 730, contextid: 2 });
      await recordDemoHistory(
        services.market.snapshots,
        services.market.prices,
        { steamid: DEMO.steamid, appid: 730, contextid: '2' },
        items,
      );
    }
    return {
      emulator,
      gateway,
      url: gateway.url,
      key: created.key,
      viewerUrl: `${gateway.url}/viewer?who=${DEMO.vanity}#key=${created.key}`,
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
