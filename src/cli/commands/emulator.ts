/**
 * @module cli/commands/emulator
 * `gamestash emulator`: runs the upstream emulator until interrupted and prints its base URL.
 */
import type { Command } from 'commander';
import { nonNegativeInt } from '../options.js';

export interface EmulatorCommandOptions {
  port?: number;
  host: string;
  scenario?: string;
}

export function registerEmulatorCommand(program: Command): void {
  program
    .command('emulator')
    .description('Run the Steam/Roblox emulator on loopback (for tests, demos and your own CI)')
    .option('--port <n>', 'port to listen on (default or 0: a free port)', nonNegativeInt('--port', 65535))
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--scenario <file>', 'JSON scenario file (users, inventory sizes, faults, rate limits)')
    .action(async (options: EmulatorCommandOptions) => {
      const { runEmulator } = await import('./emulator-run.js');
      await runEmulator(options);
    });
}
