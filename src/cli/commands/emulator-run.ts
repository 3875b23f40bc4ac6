/**
 * @module cli/commands/emulator-run
 */
import { loadScenarioFile, startEmulator } from '../../emulator/index.js';
import type { EmulatorCommandOptions } from './emulator.js';

export async function runEmulator(options: EmulatorCommandOptions): Promise<void> {
  const scenario = options.scenario ? await loadScenarioFile(options.scenario) : undefined;
  const emulator = await startEmulator({
    host: options.host,
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(scenario ? { scenario } : {}),
  });
  process.stdout.write(`gamestash emulator listening on ${emulator.url}\n`);
  process.stdout.write(
    `  export GAMESTASH_STEAM_COMMUNITY_URL=${emulator.url} GAMESTASH_STEAM_API_URL=${emulator.url} GAMESTASH_ROBLOX_API_URL=${emulator.url}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await emulator.close();
}
