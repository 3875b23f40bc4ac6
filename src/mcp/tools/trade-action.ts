/**
 * @module mcp/tools/trade-action
 * What steam_offer_accept, steam_offer_decline and steam_offer_cancel share: a dry run by
 * default (the library's preview of the action: the offer read, items named, and the refusal
 * the action would meet), one library call with `confirm: true`, and the annotations of a
 * tool that changes the world.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { AcceptResult, ActionResult, SteamTradeClient } from '../../steam/trade/index.js';
import { withToolErrors } from '../errors.js';
import { toolResult } from '../result.js';
import type { ToolContext } from './context.js';
import { namesOf, offerSchema, trimOffer, WRITE_NOTE, type OfferOutput } from './trade-output.js';

/** Trade writes move items: clients should ask before each call, and a repeat is not free. */
export const WRITE = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: false,
  openWorldHint: true,
} as const;

export type OfferActionName = 'accept' | 'decline' | 'cancel';

const inputSchema = {
  id: z.string().describe('the trade offer id, e.g. "6512345678" (from steam_offers_list)'),
  confirm: z.boolean().default(false).describe('true acts; false (the default) only says what would happen'),
};

const outputSchema = {
  dryRun: z.boolean().describe('true: nothing was done'),
  offer: offerSchema.optional().describe('the dry run: the offer as it is now'),
  result: z
    .object({
      id: z.string(),
      state: z.number(),
      stateName: z.string(),
      tradeId: z.string().nullable().optional(),
      needsMobileConfirmation: z.boolean().optional(),
      needsEmailConfirmation: z.boolean().optional(),
      reconciled: z.boolean().describe("Steam's answer was lost; the offer's state was read instead"),
    })
    .optional(),
};

const VERBS: Record<OfferActionName, { done: string; what: string }> = {
  accept: { done: 'Accepted', what: 'accept' },
  decline: { done: 'Declined', what: 'decline' },
  cancel: { done: 'Cancelled', what: 'cancel' },
};

export interface OfferActionTool {
  name: string;
  title: string;
  /** What the tool does, before the dry-run note. */
  summary: string;
  act: (trade: SteamTradeClient, id: string, signal: AbortSignal) => Promise<AcceptResult | ActionResult>;
}

export function registerOfferActionTool(
  server: McpServer,
  ctx: ToolContext,
  action: OfferActionName,
  tool: OfferActionTool,
): void {
  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: `${tool.summary}\n${WRITE_NOTE}`,
      inputSchema,
      outputSchema,
      annotations: WRITE,
    },
    withToolErrors(async ({ id, confirm }: { id: string; confirm: boolean }, extra) => {
      const trade = ctx.trade();
      if (!confirm) {
        const { offer } = await trade.previewAction(action, id, { signal: extra.signal });
        const trimmed = trimOffer(offer);
        return toolResult(renderDryRun(action, tool.name, trimmed), { dryRun: true, offer: trimmed });
      }
      const result = await tool.act(trade, id, extra.signal);
      return toolResult(renderDone(action, result), { dryRun: false, result: { ...result } });
    }),
  );
}

function renderDryRun(action: OfferActionName, name: string, o: OfferOutput): string {
  const who = o.isOurOffer ? `your offer to ${o.partner}` : `the offer from ${o.partner}`;
  return [
    `DRY RUN: nothing was done. Would ${VERBS[action].what} offer ${o.id}, ${who} (${o.stateName}):`,
    `- you give: ${namesOf(o.itemsToGive)}`,
    `- you receive: ${namesOf(o.itemsToReceive)}`,
    `- message: ${o.message ? `"${o.message}"` : 'none'}`,
    `To ${VERBS[action].what} it, call ${name} again with confirm: true.`,
  ].join('\n');
}

function renderDone(action: OfferActionName, r: AcceptResult | ActionResult): string {
  const trade = 'tradeId' in r && r.tradeId ? `: trade ${r.tradeId}` : '';
  const lost = r.reconciled ? " (Steam's answer was lost; the offer's state shows it done)" : '';
  const confirmation =
    'needsMobileConfirmation' in r && r.needsMobileConfirmation
      ? ' It needs confirmation in the Steam mobile app.'
      : 'needsEmailConfirmation' in r && r.needsEmailConfirmation
        ? ' It needs confirmation by email.'
        : '';
  return `${VERBS[action].done} offer ${r.id}${trade}, now ${r.stateName}${lost}.${confirmation}`;
}
