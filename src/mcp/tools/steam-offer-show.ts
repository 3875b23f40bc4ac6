/**
 * @module mcp/tools/steam-offer-show
 * `steam_offer_show`: one trade offer (GetTradeOffer), items named.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { withToolErrors } from '../errors.js';
import { toolResult } from '../result.js';
import { READ_ONLY, type ToolContext } from './context.js';
import { offerSchema, renderOffer, trimOffer } from './trade-output.js';

export const offerIdSchema = z.string().describe('the trade offer id, e.g. "6512345678"');

const inputSchema = { id: offerIdSchema };
const outputSchema = { offer: offerSchema };

const DESCRIPTION = `One trade offer of the server's own Steam account (STEAM_COOKIES): partner, state, message, times, and the items each side gives with their names and ids. Read-only. An offer this account cannot see fails with not_found.`;

export function registerSteamOfferShowTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'steam_offer_show',
    {
      title: 'Steam trade offer',
      description: DESCRIPTION,
      inputSchema,
      outputSchema,
      annotations: READ_ONLY,
    },
    withToolErrors(async ({ id }: { id: string }, extra) => {
      const offer = trimOffer(await ctx.trade().get(id, { signal: extra.signal }));
      return toolResult(renderOffer(offer).slice(2), { offer });
    }),
  );
}
