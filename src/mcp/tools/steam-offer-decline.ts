/**
 * @module mcp/tools/steam-offer-decline
 * `steam_offer_decline` (only with --allow-trading): decline an offer sent to this account.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from './context.js';
import { registerOfferActionTool } from './trade-action.js';

export function registerSteamOfferDeclineTool(server: McpServer, ctx: ToolContext): void {
  registerOfferActionTool(server, ctx, 'decline', {
    name: 'steam_offer_decline',
    title: 'Decline a Steam trade offer',
    summary: `Declines a trade offer sent to the server's own Steam account (it cannot be undone). Your own offers (cancel those) and offers no longer active are refused before anything is sent.`,
    act: (trade, id, signal) => trade.decline(id, { signal }),
  });
}
