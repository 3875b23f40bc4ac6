/**
 * @module mcp/tools/steam-offers-list
 * `steam_offers_list`: the account's trade offers (GetTradeOffers, every cursor page up to
 * `limit`), items named.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { OfferFilter } from '../../steam/trade/index.js';
import { withToolErrors } from '../errors.js';
import { plural, toolResult } from '../result.js';
import { READ_ONLY, type ToolContext } from './context.js';
import { offerSchema, renderOffer, trimOffer } from './trade-output.js';

const inputSchema = {
  sent: z.boolean().default(true).describe('offers this account sent'),
  received: z.boolean().default(true).describe('offers sent to this account'),
  filter: z
    .enum(['active', 'historical', 'all'])
    .default('active')
    .describe('active: still waiting on someone; historical: finished (accepted, declined, expired, …); all'),
  limit: z.number().int().min(1).max(500).default(50).describe('most offers returned, newest first'),
};

const outputSchema = {
  filter: z.string(),
  returned: z.number(),
  complete: z.boolean().describe('false when the limit cut the list short'),
  note: z.string().optional().describe('why the list may be missing offers'),
  offers: z.array(offerSchema),
};

/** An empty list read with a key alone would otherwise read as "no offers" (UPSTREAM.md). */
const KEY_ONLY_NOTE =
  'read with STEAM_API_KEY alone: Steam leaves CS2 offers out of such reads; the server needs STEAM_COOKIES to see them all';

const DESCRIPTION = `The trade offers of the server's own Steam account (STEAM_COOKIES; a key hides CS2 offers), newest first: id, partner, state, message, the items each side gives with their names, times.
Read-only. Use steam_offer_show for one offer, steam_offers_summary for counts only.`;

type Args = { sent: boolean; received: boolean; filter: OfferFilter; limit: number };

export function registerSteamOffersListTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'steam_offers_list',
    {
      title: 'Steam trade offers',
      description: DESCRIPTION,
      inputSchema,
      outputSchema,
      annotations: READ_ONLY,
    },
    withToolErrors(async (args: Args, extra) => {
      const trade = ctx.trade();
      // One more than asked tells whether the list goes on.
      const found = await trade.listAll({
        sent: args.sent,
        received: args.received,
        filter: args.filter,
        limit: args.limit + 1,
        signal: extra.signal,
      });
      const offers = found.slice(0, args.limit).map(trimOffer);
      const complete = found.length <= args.limit;
      const head = `${plural(offers.length, `${args.filter === 'all' ? '' : `${args.filter} `}offer`)}${complete ? '' : ' (more: raise limit)'}`;
      const note = ctx.config.steam.cookies ? undefined : KEY_ONLY_NOTE;
      return toolResult([head, ...(note ? [`Note: ${note}.`] : []), ...offers.map(renderOffer)].join('\n'), {
        filter: args.filter,
        returned: offers.length,
        complete,
        ...(note ? { note } : {}),
        offers,
      });
    }),
  );
}
