/**
 * @module cli/commands/mcp
 * `gamestash mcp`: flags only; the server loads when run. Credentials come from the
 * environment (the MCP client config's `env`), never from flags.
 */
import type { Command } from 'commander';
import { nonNegativeInt } from '../options.js';

export interface McpOptions {
  communityUrl?: string;
  apiUrl?: string;
  robloxApiUrl?: string;
  intervalMs?: number;
  /** Register the trade write tools (send, accept, decline, cancel). */
  allowTrading?: boolean;
}

export function registerMcpCommand(program: Command): void {
  program
    .command('mcp')
    .description('Run the MCP server over stdio, for AI agents (docs/mcp.md)')
    .option('--community-url <url>', 'Steam community base URL (e.g. the emulator)')
    .option('--api-url <url>', 'Steam Web API base URL (vanity lookups)')
    .option('--roblox-api-url <url>', 'Roblox Open Cloud base URL')
    .option(
      '--interval-ms <ms>',
      'spacing between requests to Steam (default 4000)',
      nonNegativeInt('--interval-ms', 3_600_000),
    )
    .option(
      '--allow-trading',
      'also register the tools that act on the account (trade offers: steam_offer_send, _accept, _decline, _cancel; mobile confirmations), each a dry run unless called with confirm: true (docs/trading.md)',
    )
    .action(async (options: McpOptions) => {
      const { runMcp } = await import('./mcp-run.js');
      await runMcp(options);
    });
}
