/**
 * @module mcp/tools/trade-output
 * What the trade tools return: offers and trades trimmed to the fields an agent uses (items
 * by name, with their ids for a later send), their schemas, and one-line renderings.
 */
import { z } from 'zod';
import type { InventoryItem } from '../../steam/community/inventory/types.js';
import type { Offer, OfferItem, Trade, TradeAsset } from '../../steam/trade/index.js';

export const offerItemSchema = z.object({
  appid: z.number(),
  contextid: z.string(),
  assetid: z.string(),
  amount: z.number(),
  name: z.string().describe('the market name (with its wear for CS2), or the item ids when Steam gave none'),
  type: z.string(),
  tradable: z.boolean(),
  missing: z.boolean().optional().describe('no longer where the offer says (traded, or moved on acceptance)'),
});

export const offerSchema = z.object({
  id: z.string(),
  partner: z.string().describe("the other party's SteamID64"),
  isOurOffer: z.boolean().describe('sent by this account'),
  state: z.number(),
  stateName: z.string().describe('Active, Accepted, Declined, CreatedNeedsConfirmation, InEscrow, …'),
  message: z.string(),
  itemsToGive: z.array(offerItemSchema).describe('what this account gives'),
  itemsToReceive: z.array(offerItemSchema).describe('what this account receives'),
  created: z.string().nullable(),
  updated: z.string().nullable(),
  expires: z.string().nullable(),
  escrowEnds: z.string().nullable(),
  confirmationMethod: z.string(),
  tradeId: z.string().nullable(),
});

export const tradeSchema = z.object({
  tradeId: z.string(),
  partner: z.string(),
  created: z.string().nullable(),
  escrowEnds: z.string().nullable(),
  status: z.number(),
  statusName: z.string().describe('Complete, InEscrow, TradeProtectionRollback, …'),
  rolledBack: z.boolean(),
  itemsReceived: z.array(
    offerItemSchema.extend({ newAssetid: z.string().optional(), newContextid: z.string().optional() }),
  ),
  itemsGiven: z.array(
    offerItemSchema.extend({ newAssetid: z.string().optional(), newContextid: z.string().optional() }),
  ),
});

export type OfferItemOutput = z.infer<typeof offerItemSchema>;
export type OfferOutput = z.infer<typeof offerSchema>;

function nameOf(
  item: Pick<InventoryItem, 'marketName' | 'name' | 'appid' | 'contextid' | 'assetid'>,
): string {
  return item.marketName || item.name || `${item.appid}/${item.contextid}/${item.assetid}`;
}

export function trimOfferItem(item: InventoryItem | OfferItem): OfferItemOutput {
  return {
    appid: item.appid,
    contextid: item.contextid,
    assetid: item.assetid,
    amount: item.amount,
    name: nameOf(item),
    type: item.type,
    tradable: item.tradable,
    ...('missing' in item && item.missing ? { missing: true } : {}),
  };
}

export function trimOffer(offer: Offer): OfferOutput {
  return {
    id: offer.id,
    partner: offer.partner,
    isOurOffer: offer.isOurOffer,
    state: offer.state,
    stateName: offer.stateName,
    message: offer.message,
    itemsToGive: offer.itemsToGive.map(trimOfferItem),
    itemsToReceive: offer.itemsToReceive.map(trimOfferItem),
    created: offer.created,
    updated: offer.updated,
    expires: offer.expires,
    escrowEnds: offer.escrowEnds,
    confirmationMethod: offer.confirmationMethodName,
    tradeId: offer.tradeId,
  };
}

function trimTradeAsset(asset: TradeAsset) {
  return {
    ...trimOfferItem(asset),
    ...(asset.newAssetid ? { newAssetid: asset.newAssetid } : {}),
    ...(asset.newContextid ? { newContextid: asset.newContextid } : {}),
  };
}

export function trimTrade(trade: Trade): z.infer<typeof tradeSchema> {
  return {
    tradeId: trade.tradeId,
    partner: trade.partner,
    created: trade.created,
    escrowEnds: trade.escrowEnds,
    status: trade.status,
    statusName: trade.statusName,
    rolledBack: trade.rolledBack,
    itemsReceived: trade.itemsReceived.map(trimTradeAsset),
    itemsGiven: trade.itemsGiven.map(trimTradeAsset),
  };
}

/** "2× Sticker | Crown (Foil), AK-47 | Redline (Field-Tested)", or "nothing". */
export function namesOf(items: readonly { name: string; amount: number }[]): string {
  if (items.length === 0) return 'nothing';
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.name, (counts.get(item.name) ?? 0) + item.amount);
  return [...counts].map(([name, n]) => (n > 1 ? `${n}× ${name}` : name)).join(', ');
}

/** One line per offer: every returned offer, since many clients show the model only this text. */
export function renderOffer(o: OfferOutput): string {
  const who = o.isOurOffer ? `to ${o.partner}` : `from ${o.partner}`;
  const message = o.message ? ` "${o.message}"` : '';
  const trade = o.tradeId ? ` → trade ${o.tradeId}` : '';
  return `- offer ${o.id} ${who}, ${o.stateName}${trade}: you give ${namesOf(o.itemsToGive)}; you receive ${namesOf(o.itemsToReceive)}${message} (created ${o.created ?? '?'})`;
}

export function renderTrade(t: z.infer<typeof tradeSchema>): string {
  return `- trade ${t.tradeId} with ${t.partner}, ${t.statusName}${t.rolledBack ? ' (rolled back)' : ''}: received ${namesOf(t.itemsReceived)}; gave ${namesOf(t.itemsGiven)} (${t.created ?? '?'})`;
}

/** The description's closing words of every write tool: what it does without and with `confirm`. */
export const WRITE_NOTE =
  "Without confirm: true it is a dry run that changes nothing and says exactly what would happen; show it to the user and call again with confirm: true only when they agree. Only on a server started with --allow-trading. Needs the server's STEAM_COOKIES (a logged-in session).";
