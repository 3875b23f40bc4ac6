/**
 * The set-up the Web API command tests share: an emulator with the Web API people, a
 * throwaway GAMESTASH_DATA_DIR, and `steam(args)` running the built CLI against both.
 * Call it at a test file's top level: it registers its own beforeAll and afterAll.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type StartedEmulator } from '../../src/emulator/index.js';
import { KEY, WEB_API_PEOPLE } from '../webapi-world.js';
import { runCli } from './run-cli.js';

export interface WebApiCli {
  readonly emulator: StartedEmulator;
  readonly dataDir: string;
  steam(args: string[], extra?: Record<string, string>): ReturnType<typeof runCli>;
}

export function webApiCli(): WebApiCli {
  let emulator: StartedEmulator;
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    emulator = await startEmulator({ scenario: WEB_API_PEOPLE });
    dataDir = await mkdtemp(join(tmpdir(), 'gamestash-cli-webapi-'));
    env = {
      GAMESTASH_STEAM_API_URL: emulator.url,
      GAMESTASH_STEAM_COMMUNITY_URL: emulator.url,
      GAMESTASH_HTTP_RETRIES: '0',
      GAMESTASH_DATA_DIR: dataDir,
      STEAM_API_KEY: KEY,
    };
  });
  afterAll(async () => {
    await emulator?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  return {
    get emulator() {
      return emulator;
    },
    get dataDir() {
      return dataDir;
    },
    steam: (args, extra = {}) => runCli(['steam', ...args], { ...env, ...extra }),
  };
}
