/**
 * @module mcp/tools/steam-confirmation-cancel
 * `steam_confirmation_cancel` (guarded: a dry run unless `confirm: true`; only with `--allow-trading`).
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from './context.js';
import { registerConfirmationActTool } from './steam-confirmation-act.js';

export function registerSteamConfirmationCancelTool(server: McpServer, ctx: ToolContext): void {
  registerConfirmationActTool(server, ctx, 'cancel');
}
