/**
 * @module mcp/tools/steam-output
 * What steam_inventory returns: items trimmed to the fields an agent uses (no tags, raw
 * properties or colours, which triple the size), summary lines, and their text rendering.
 */
import { z } from 'zod';
import type { InventoryItem, InventorySummaryLine } from '../../steam/community/inventory/types.js';

export const steamItemSchema = z.object({
  assetid: z.string(),
  name: z.string(),
  marketHashName: z.string().describe('the name the Steam market lists it under'),
  type: z.string().describe('Steam\'s type line, e.g. "Covert Rifle"'),
  category: z.string().optional().describe('the Type tag, e.g. "Rifle", "Sticker", "Container"'),
  rarity: z.string().optional(),
  exterior: z.string().optional().describe('CS2 wear bracket, e.g. "Field-Tested"'),
  float: z.number().optional().describe('CS2 wear rating'),
  paintSeed: z.number().optional().describe('CS2 pattern template'),
  tradable: z.boolean(),
  marketable: z.boolean(),
  amount: z.number().describe('stack size (above 1 only for stackable items)'),
  inspectLink: z.string().optional(),
  iconUrl: z.string().optional().describe('only when asked for with icons=true'),
});

export const steamSummaryLineSchema = z.object({
  marketHashName: z.string(),
  type: z.string(),
  quantity: z.number(),
  tradable: z.number().describe('how many of the quantity are tradable'),
});

export type SteamItemOutput = z.infer<typeof steamItemSchema>;

export function trimItem(item: InventoryItem, { icons = false } = {}): SteamItemOutput {
  return {
    assetid: item.assetid,
    name: item.name,
    marketHashName: item.marketHashName,
    type: item.type,
    category: item.category,
    rarity: item.rarity,
    exterior: item.exterior,
    float: item.float,
    paintSeed: item.paintSeed,
    tradable: item.tradable,
    marketable: item.marketable,
    amount: item.amount,
    inspectLink: item.inspectLink,
    ...(icons && item.iconUrl ? { iconUrl: item.iconUrl } : {}),
  };
}

export function trimSummaryLine(line: InventorySummaryLine): z.infer<typeof steamSummaryLineSchema> {
  return {
    marketHashName: line.marketHashName,
    type: line.type,
    quantity: line.quantity,
    tradable: line.tradable,
  };
}

/** One line per item: every returned item, since many clients show the model only this text. */
export function renderItem(item: SteamItemOutput): string {
  const details = [
    item.category ?? item.type,
    item.rarity,
    item.float === undefined ? undefined : `float ${item.float.toFixed(6)}`,
    item.paintSeed === undefined ? undefined : `seed ${item.paintSeed}`,
    item.tradable ? 'tradable' : 'not tradable',
    item.marketable ? 'marketable' : undefined,
  ].filter(Boolean);
  const amount = item.amount > 1 ? ` x${item.amount}` : '';
  return `- ${item.marketHashName || item.name}${amount} [asset ${item.assetid}] ${details.join(', ')}`;
}

export function renderSummaryLine(line: z.infer<typeof steamSummaryLineSchema>): string {
  return `- ${line.quantity} x ${line.marketHashName} (${line.tradable} tradable) [${line.type}]`;
}
