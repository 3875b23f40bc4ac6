/**
 * @module cli/commands/demo
 * `gamestash demo` (`npm run demo`): the emulator with demo data, a gateway pointed at it and
 * the web viewer, offline and on loopback only, until interrupted.
 */
import type { Command } from 'commander';
import { nonNegativeInt } from '../options.js';

export interface DemoCommandOptions {
  port?: number;
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Run the viewer on demo data: emulator + gateway on loopback, offline (PORT or --port)')
    .option(
      '--port <n>',
      "the gateway's port (default: PORT, else 3000; 0: a free port)",
      nonNegativeInt('--port', 65535),
    )
    .action(async (options: DemoCommandOptions) => {
      const { runDemo } = await import('./demo-run.js');
      await runDemo(options);
    });
}
