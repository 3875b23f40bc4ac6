/**
 * @module cli/commands/mcp-run
 * Flags over the environment, then the stdio server until the client disconnects.
 */
import { loadConfig } from '../../core/config.js';
import { runStdioServer } from '../../mcp/stdio.js';
import type { McpOptions } from './mcp.js';

export async function runMcp(options: McpOptions): Promise<void> {
  const trim = (url: string | undefined) => url?.replace(/\/+$/, '');
  const config = loadConfig(process.env, {
    steam: {
      communityUrl: trim(options.communityUrl),
      apiUrl: trim(options.apiUrl),
      communityIntervalMs: options.intervalMs,
    },
    roblox: { apiUrl: trim(options.robloxApiUrl) },
  });
  await runStdioServer(config, { allowTrading: Boolean(options.allowTrading) });
}
