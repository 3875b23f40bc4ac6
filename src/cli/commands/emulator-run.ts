/**
 * @module cli/commands/emulator-run
 */
import { InvalidInputError } from '../../core/errors.js';
import { loadScenarioFile, startEmulator } from '../../emulator/index.js';
import { watchLauncher } from '../launcher-watch.js';
import type { EmulatorCommandOptions } from './emulator.js';

const LISTEN_PROBLEMS: Record<string, string> = {
  EADDRINUSE: 'the port is already in use: pick another --port, or leave it out for a free one',
  EACCES: 'not allowed to bind there: use a port above 1023',
  EADDRNOTAVAIL: 'this machine has no such address: use --host 127.0.0.1',
  ENOTFOUND: 'the host name does not resolve: use --host 127.0.0.1',
};

export async function runEmulator(options: EmulatorCommandOptions): Promise<void> {
  const scenario = options.scenario ? await loadScenarioFile(options.scenario) : undefined;
  const emulator = await startEmulator({
    host: options.host,
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(scenario ? { scenario } : {}),
  }).catch((error: NodeJS.ErrnoException) => {
    const problem = error.code === undefined ? undefined : LISTEN_PROBLEMS[error.code];
    if (!problem) throw error;
    throw new InvalidInputError(`cannot listen on ${options.host}:${options.port ?? 0}: ${problem}`, 'port');
  });
  if (!isLoopback(options.host)) {
    process.stderr.write(
      `gamestash emulator: listening on ${options.host}, not loopback: other machines can reach it\n`,
    );
  }
  process.stdout.write(`gamestash emulator listening on ${emulator.url}\n`);
  process.stdout.write(
    `  export GAMESTASH_STEAM_COMMUNITY_URL=${emulator.url} GAMESTASH_STEAM_API_URL=${emulator.url} GAMESTASH_ROBLOX_API_URL=${emulator.url}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // `npx gamestash emulator & ... kill $!` kills npm, not us: stop with it.
    watchLauncher(() => {
      process.stderr.write('gamestash emulator: the npm process that started it is gone: stopping\n');
      resolve();
    });
  });
  await emulator.close();
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
