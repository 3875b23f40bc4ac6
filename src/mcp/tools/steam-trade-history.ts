/**
 * @module mcp/tools/steam-trade-history
 * `steam_trade_history`: completed trades (GetTradeHistory, paged up to `limit`), newest
 * first, items named, with where each item went.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { collect } from '../../core/paginate.js';
import { withToolErrors } from '../errors.js';
import { plural, toolResult } from '../result.js';
import { READ_ONLY, type ToolContext } from './context.js';
import { renderTrade, tradeSchema, trimTrade } from './trade-output.js';

const inputSchema = {
  limit: z.number().int().min(1).max(500).default(20).describe('most trades returned, newest first'),
  includeFailed: z.boolean().default(false).describe('include failed trades'),
};

const outputSchema = { returned: z.number(), trades: z.array(tradeSchema) };

const DESCRIPTION = `Completed trades of the server's own Steam account (GetTradeHistory; STEAM_COOKIES), newest first: partner, status (Complete, InEscrow, rollbacks such as TradeProtectionRollback), items received and given with their names and their new asset ids (received CS2 items sit in context 16 during the trade protection window). Read-only.`;

export function registerSteamTradeHistoryTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'steam_trade_history',
    {
      title: 'Steam trade history',
      description: DESCRIPTION,
      inputSchema,
      outputSchema,
      annotations: READ_ONLY,
    },
    withToolErrors(async (args: { limit: number; includeFailed: boolean }, extra) => {
      const trade = ctx.trade();
      const trades = (
        await collect(
          trade.history({ limit: args.limit, includeFailed: args.includeFailed, signal: extra.signal }),
        )
      ).map(trimTrade);
      return toolResult([plural(trades.length, 'trade'), ...trades.map(renderTrade)].join('\n'), {
        returned: trades.length,
        trades,
      });
    }),
  );
}
