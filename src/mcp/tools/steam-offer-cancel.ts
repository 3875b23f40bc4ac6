/**
 * @module mcp/tools/steam-offer-cancel
 * `steam_offer_cancel` (only with --allow-trading): cancel an offer this account sent.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from './context.js';
import { registerOfferActionTool } from './trade-action.js';

export function registerSteamOfferCancelTool(server: McpServer, ctx: ToolContext): void {
  registerOfferActionTool(server, ctx, 'cancel', {
    name: 'steam_offer_cancel',
    title: 'Cancel a Steam trade offer',
    summary: `Cancels a trade offer the server's own Steam account sent (active, or still waiting for its confirmation). Offers sent to you (decline those) and finished ones are refused before anything is sent.`,
    act: (trade, id, signal) => trade.cancel(id, { signal }),
  });
}
