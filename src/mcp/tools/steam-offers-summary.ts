/**
 * @module mcp/tools/steam-offers-summary
 * `steam_offers_summary`: counts of pending, new and finished offers (GetTradeOffersSummary).
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { withToolErrors } from '../errors.js';
import { toolResult } from '../result.js';
import { READ_ONLY, type ToolContext } from './context.js';

const count = z.number();
const outputSchema = {
  pendingReceived: count,
  newReceived: count,
  updatedReceived: count,
  historicalReceived: count,
  pendingSent: count,
  newlyAcceptedSent: count,
  updatedSent: count,
  historicalSent: count,
  escrowReceived: count,
  escrowSent: count,
};

const DESCRIPTION = `Counts of the server's own account's trade offers (GetTradeOffersSummary): pending, new and updated received offers, pending and newly accepted sent ones, those on a trade hold. Read-only; one request. Use steam_offers_list for the offers themselves.`;

export function registerSteamOffersSummaryTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'steam_offers_summary',
    {
      title: 'Steam trade offer counts',
      description: DESCRIPTION,
      inputSchema: {},
      outputSchema,
      annotations: READ_ONLY,
    },
    withToolErrors(async (_args: Record<string, never>, extra) => {
      const summary = await ctx.trade().summary({ signal: extra.signal });
      const text = Object.entries(summary)
        .map(([name, n]) => `${name}: ${n}`)
        .join('\n');
      return toolResult(text, { ...summary });
    }),
  );
}
