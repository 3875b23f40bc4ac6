/**
 * @module mcp/tools/steam-confirmation-accept
 * `steam_confirmation_accept` (guarded: a dry run unless `confirm: true`; only with `--allow-trading`).
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from './context.js';
import { registerConfirmationActTool } from './steam-confirmation-act.js';

export function registerSteamConfirmationAcceptTool(server: McpServer, ctx: ToolContext): void {
  registerConfirmationActTool(server, ctx, 'accept');
}
