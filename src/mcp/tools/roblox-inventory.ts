/**
 * @module mcp/tools/roblox-inventory
 * `roblox_inventory`: selectors to a filter, one library call, output formatting.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import {
  RobloxInventoryFilter,
  type RobloxAssetTypeSelection,
  type RobloxInventoryItem,
  type RobloxTypeFilterSpec,
} from '../../roblox/index.js';
import { withToolErrors } from '../errors.js';
import { plural, toolResult } from '../result.js';
import { MAX_TOOL_LIMIT, progressOf, READ_ONLY, type ToolContext } from './context.js';

export const robloxUserIdSchema = z
  .union([z.string(), z.number().int().positive()])
  .describe('numeric Roblox user id');

const inputSchema = {
  userId: robloxUserIdSchema,
  assetTypes: z
    .union([z.literal('*'), z.array(z.string()).min(1)])
    .optional()
    .describe(
      'asset types such as HAT, FACE, HAIR_ACCESSORY, or "*" for every type (badges and passes have their own flags)',
    ),
  collectibles: z
    .boolean()
    .optional()
    .describe('only collectibles (limiteds), with serial numbers and states'),
  badges: z.boolean().optional(),
  gamePasses: z.boolean().optional(),
  privateServers: z.boolean().optional().describe("needs Inventory read permission on the user's data"),
  filter: z
    .string()
    .optional()
    .describe('raw Open Cloud filter, e.g. "badges=true;gamePasses=true"; instead of the selectors above'),
  limit: z.number().int().min(1).max(MAX_TOOL_LIMIT).default(200).describe('most items to return'),
};

const itemSchema = z.object({
  kind: z.enum(['asset', 'badge', 'gamePass', 'privateServer', 'unknown']),
  id: z.string().describe('the asset, badge, game pass or private server id'),
  assetType: z.string().optional(),
  instanceId: z.string().optional().describe('for assets: this copy'),
  collectible: z.boolean(),
  serial: z.number().optional(),
  instanceState: z.string().optional().describe('collectibles: AVAILABLE or HOLD (not tradable yet)'),
  addedAt: z.string().optional(),
});

const outputSchema = {
  userId: z.string(),
  filter: z.string().describe('the Open Cloud filter sent ("" for everything)'),
  returned: z.number(),
  complete: z.boolean().describe('false when the limit was reached: there may be more'),
  items: z.array(itemSchema),
};

const DESCRIPTION = `List a Roblox user's inventory through Open Cloud: assets (with asset type and instance id), collectibles (serial, state), badges, game passes, private servers.
With no selector, everything the server's credentials may see. Returns up to \`limit\` items (default 200, max ${MAX_TOOL_LIMIT}).
To check whether a user owns particular ids, use roblox_owns instead: it is one request per 50 ids, whatever the inventory size.
Private inventories fail with "private" unless the credentials belong to that user. Rate limits: 100 requests/min per API-key owner (20 per OAuth token), 100 items per request; the server spaces requests to stay within budget (5000 items is about 30 s).`;

type Args = z.infer<z.ZodObject<typeof inputSchema>>;

export function registerRobloxInventoryTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'roblox_inventory',
    {
      title: 'Roblox inventory',
      description: DESCRIPTION,
      inputSchema,
      outputSchema,
      annotations: READ_ONLY,
    },
    withToolErrors(async (args: Args, extra) => {
      const filter = filterOf(args);
      const progress = progressOf(extra);
      const items = await ctx.roblox().list(args.userId, {
        filter,
        limit: args.limit,
        signal: extra.signal,
        ...(progress ? { onProgress: (done: number) => progress(done) } : {}),
      });
      const userId = String(args.userId).trim();
      const complete = items.length < args.limit;
      const head = `Roblox user ${userId}: ${plural(items.length, 'item')}${complete ? '' : ' (limit reached: there may be more)'}`;
      return toolResult([head, ...items.map(renderItem)].join('\n'), {
        userId,
        filter: filter.toString(),
        returned: items.length,
        complete,
        items: items.map(trimItem),
      });
    }),
  );
}

function filterOf(args: Args): RobloxInventoryFilter {
  const { assetTypes, collectibles, badges, gamePasses, privateServers } = args;
  const selectors = assetTypes !== undefined || collectibles || badges || gamePasses || privateServers;
  if (args.filter !== undefined) {
    if (selectors) {
      throw new InvalidInputError(
        'give either filter or assetTypes/collectibles/badges/gamePasses/privateServers, not both',
        'filter',
      );
    }
    return RobloxInventoryFilter.parse(args.filter);
  }
  if (!selectors) return RobloxInventoryFilter.all();
  // Agents write "hat" or "hair-accessory"; Roblox's enum is HAT, HAIR_ACCESSORY.
  const types = Array.isArray(assetTypes)
    ? (assetTypes.map((t) =>
        t.trim().toUpperCase().replace(/-/g, '_'),
      ) as unknown as RobloxAssetTypeSelection)
    : assetTypes;
  return RobloxInventoryFilter.types({
    ...(types !== undefined || collectibles ? { assetTypes: types ?? '*' } : {}),
    ...(collectibles ? { onlyCollectibles: true } : {}),
    ...(badges ? { badges: true } : {}),
    ...(gamePasses ? { gamePasses: true } : {}),
    ...(privateServers ? { privateServers: true } : {}),
  } as RobloxTypeFilterSpec);
}

function trimItem(item: RobloxInventoryItem): z.infer<typeof itemSchema> {
  const { kind, id, assetType, instanceId, collectible, serial, instanceState, addedAt } = item;
  return { kind, id, assetType, instanceId, collectible, serial, instanceState, addedAt };
}

function renderItem(item: RobloxInventoryItem): string {
  const details = [
    item.assetType,
    item.instanceId && `instance ${item.instanceId}`,
    item.serial !== undefined && `serial #${item.serial}`,
    item.instanceState?.replace('COLLECTIBLE_ITEM_INSTANCE_STATE_', ''),
  ].filter(Boolean);
  return `- ${item.kind} ${item.id}${details.length ? ` (${details.join(', ')})` : ''}`;
}
