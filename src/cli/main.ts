/**
 * @module cli/main
 * The `gamestash` command. Each command group declares its flags here-and-there in
 * `commands/`, and loads its implementation only when run. Only this entry point decides
 * the exit code.
 */
import { Command, CommanderError } from 'commander';
import { describeCommanderError, ExitCode, printError } from './output/errors.js';
import { registerEmulatorCommand } from './commands/emulator.js';
import { registerSteamCommands } from './commands/steam.js';
import { registerRobloxCommands } from './commands/roblox.js';
import { registerServeCommand } from './commands/serve.js';
import { registerKeysCommands } from './commands/keys.js';
import { registerAccountsCommands } from './commands/accounts.js';
import { registerMcpCommand } from './commands/mcp.js';
import { registerDemoCommand } from './commands/demo.js';

let watchingStdout = false;

/**
 * `gamestash ... --json | head`: once the reader has gone, writing fails with EPIPE. Stop
 * quietly, as other command-line tools do, instead of dying on an unhandled 'error' event.
 */
function stopQuietlyWhenOutputCloses(): void {
  if (watchingStdout) return;
  watchingStdout = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') printError(error);
    process.exit(error.code === 'EPIPE' ? ExitCode.Ok : ExitCode.Failure);
  });
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command('gamestash')
    .description('Game inventories and trading for Steam and Roblox: library, CLI, gateway and emulator.')
    .version('0.1.0')
    .exitOverride()
    // Commander's own errors are printed below, in our one-line style; help still goes out.
    .configureOutput({ outputError: () => undefined });
  stopQuietlyWhenOutputCloses();

  registerSteamCommands(program);
  registerEmulatorCommand(program);
  registerRobloxCommands(program);
  registerServeCommand(program);
  registerKeysCommands(program);
  registerAccountsCommands(program);
  registerMcpCommand(program);
  registerDemoCommand(program);

  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.Ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.Ok;
      // Help shown because a subcommand is missing (`gamestash steam`) is a usage error.
      if (error.code === 'commander.help') return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
      process.stderr.write(`gamestash: ${describeCommanderError(error)}\n`);
      return ExitCode.Usage;
    }
    return printError(error);
  }
}
