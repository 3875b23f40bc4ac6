/**
 * @module mcp/tools/roblox-owns
 * `roblox_owns`: yes/no per id from one library call.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { withToolErrors } from '../errors.js';
import { toolResult } from '../result.js';
import { READ_ONLY, type ToolContext } from './context.js';
import { robloxUserIdSchema } from './roblox-inventory.js';

/** 1,000 ids cost 20 requests, a fifth of a key owner's minute (UPSTREAM.md: 100/min). */
const MAX_IDS = 1000;

const ids = (what: string) =>
  z
    .array(z.union([z.string(), z.number().int().positive()]))
    .max(MAX_IDS)
    .optional()
    .describe(`${what} ids to check (at most ${MAX_IDS})`);

const inputSchema = {
  userId: robloxUserIdSchema,
  assetIds: ids('asset'),
  badgeIds: ids('badge'),
  gamePassIds: ids('game pass'),
  privateServerIds: ids('private server (needs Inventory read permission)'),
};

const outputSchema = {
  userId: z.string(),
  entries: z.array(
    z.object({
      kind: z.enum(['asset', 'badge', 'gamePass', 'privateServer']),
      id: z.string(),
      owned: z.boolean(),
      copies: z.number().describe('copies held (above 1 only for collectibles)'),
    }),
  ),
  requests: z.number().describe('Roblox requests this answer cost'),
};

const DESCRIPTION = `Whether a Roblox user owns each of the given asset, badge, game pass or private server ids: one yes/no (and copy count) per id.
Costs one request per 50 ids whatever the size of the inventory, so prefer it to listing the inventory. Give at least one id.
Private inventories fail with "private" unless the credentials belong to that user. Rate limits: 100 requests/min per API-key owner (20 per OAuth token), spaced by the server.`;

type Args = z.infer<z.ZodObject<typeof inputSchema>>;

export function registerRobloxOwnsTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'roblox_owns',
    {
      title: 'Roblox ownership check',
      description: DESCRIPTION,
      inputSchema,
      outputSchema,
      annotations: READ_ONLY,
    },
    withToolErrors(async ({ userId, ...query }: Args, extra) => {
      const result = await ctx.roblox().owns(userId, query, { signal: extra.signal });
      const owned = result.entries.filter((e) => e.owned).length;
      const lines = result.entries.map(
        (e) => `- ${e.kind} ${e.id}: ${e.owned ? `yes${e.copies > 1 ? ` (${e.copies} copies)` : ''}` : 'no'}`,
      );
      const head = `Roblox user ${result.userId} owns ${owned} of ${result.entries.length}`;
      return toolResult([head, ...lines].join('\n'), {
        userId: result.userId,
        entries: result.entries,
        requests: result.requests,
      });
    }),
  );
}
