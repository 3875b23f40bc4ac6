/**
 * @module cli/commands/steam-guard-code
 * `gamestash steam guard code`: the login code from STEAM_SHARED_SECRET at Steam's clock
 * (QueryTime), and how many seconds it still lasts.
 */
import { createHttpClient } from '../../core/http/from-config.js';
import { loginCodeFromConfig } from '../../steam/guard/index.js';
import { writeJson, writeLine } from '../output/write.js';
import { guardConfig, type SteamGuardCommandOptions } from './steam-guard-common.js';

export type SteamGuardCodeOptions = SteamGuardCommandOptions;

export async function steamGuardCode(options: SteamGuardCodeOptions): Promise<void> {
  const config = await guardConfig(options);
  const http = createHttpClient(config);
  try {
    const code = await loginCodeFromConfig(config, http);
    if (options.json) writeJson(code);
    else writeLine(`${code.code}  (${code.secondsLeft}s left)`);
  } finally {
    await http.close();
  }
}
