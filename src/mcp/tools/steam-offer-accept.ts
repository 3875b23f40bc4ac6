/**
 * @module mcp/tools/steam-offer-accept
 * `steam_offer_accept` (only with --allow-trading): accept an offer sent to this account.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from './context.js';
import { registerOfferActionTool } from './trade-action.js';

export function registerSteamOfferAcceptTool(server: McpServer, ctx: ToolContext): void {
  registerOfferActionTool(server, ctx, 'accept', {
    name: 'steam_offer_accept',
    title: 'Accept a Steam trade offer',
    summary: `Accepts a trade offer sent to the server's own Steam account: the items are exchanged (or held, on a trade hold; or wait for a confirmation in the Steam mobile app). Your own offers, and offers no longer active, are refused before anything is sent.`,
    act: (trade, id, signal) => trade.accept(id, { signal }),
  });
}
