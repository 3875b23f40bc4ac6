/**
 * @module mcp/tools/steam-offer-send
 * `steam_offer_send` (only with --allow-trading): a dry run by default — the library's send
 * preview (the partner resolved, every item looked up and named in its owner's inventory,
 * what Steam would refuse) — and with `confirm: true` one library send. The idempotency key
 * defaults to one derived from the request (see docs/trading.md): an agent, or its client,
 * that retries the same call gets the first offer back instead of a second one.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { PreviewItem, SendInput, SendPreview, SendResult } from '../../steam/trade/index.js';
import { withToolErrors } from '../errors.js';
import { toolResult } from '../result.js';
import type { ToolContext } from './context.js';
import { trimOfferItem, WRITE_NOTE } from './trade-output.js';
import { WRITE } from './trade-action.js';

const itemSchema = z.union([
  z.string().describe('APP/CONTEXT/ASSETID[:AMOUNT], e.g. "730/2/34714784915"'),
  z.object({
    appid: z.union([z.number(), z.string()]),
    contextid: z.union([z.string(), z.number()]),
    assetid: z.string().describe('a string: asset ids outgrow JSON numbers'),
    amount: z.number().optional(),
  }),
]);

const inputSchema = {
  partner: z
    .string()
    .describe(
      'who gets the offer: SteamID64, profile URL, vanity name, or their trade URL (which carries their token)',
    ),
  token: z
    .string()
    .optional()
    .describe("the partner's trade token, when partner is not their trade URL (friends need none)"),
  give: z.array(itemSchema).default([]).describe("this account's items to give (ids from steam_inventory)"),
  receive: z.array(itemSchema).default([]).describe("the partner's items to receive; none makes a gift"),
  message: z.string().optional().describe('at most 128 characters'),
  counter: z
    .string()
    .optional()
    .describe('the id of an offer the partner sent: make this a counter offer to it'),
  idempotencyKey: z
    .string()
    .optional()
    .describe(
      'default: derived from the arguments, so the same call never sends twice; give a new one to send the same offer again on purpose',
    ),
  confirm: z
    .boolean()
    .default(false)
    .describe('true sends; false (the default) only says what would be sent'),
};

const previewItemSchema = z.object({
  appid: z.number(),
  contextid: z.string(),
  assetid: z.string(),
  amount: z.number(),
  name: z.string().nullable().describe('null when the item was not found or its inventory could not be read'),
  type: z.string().nullable(),
  tradable: z.boolean().nullable(),
  found: z
    .boolean()
    .nullable()
    .describe("false: not in its owner's inventory (Steam would refuse); null: not checked"),
});

const outputSchema = {
  dryRun: z.boolean().describe('true: nothing was sent'),
  preview: z
    .object({
      sender: z.string(),
      partner: z.string(),
      withToken: z.boolean(),
      give: z.array(previewItemSchema),
      receive: z.array(previewItemSchema),
      message: z.string(),
      counter: z.string().nullable(),
      idempotencyKey: z.string().nullable(),
      existing: z
        .object({ status: z.string(), offerId: z.string().nullable(), startedAt: z.string() })
        .nullable()
        .describe('an offer an identical earlier call sent: confirm would return it, not send another'),
      problems: z
        .array(z.string())
        .describe('what would make Steam refuse the offer, or could not be checked'),
    })
    .optional(),
  result: z
    .object({
      id: z.string(),
      partner: z.string(),
      state: z.number(),
      stateName: z.string(),
      needsMobileConfirmation: z.boolean(),
      needsEmailConfirmation: z.boolean(),
      reconciled: z.boolean().describe("Steam's answer was lost; the offer was found among the sent offers"),
      replayed: z
        .boolean()
        .describe('an earlier call with the same idempotency key had sent it: nothing sent now'),
    })
    .optional(),
};

const DESCRIPTION = `Sends a Steam trade offer from the server's own account: items to give (yours) and to receive (theirs), an optional message, to a partner by SteamID64, profile URL or trade URL. Never sends twice: a lost answer is looked for among the sent offers, and the same call again (same arguments) returns the offer the first one made.
The dry run looks every item up in its owner's inventory (reads only), names it, and lists what would make Steam refuse the offer. ${WRITE_NOTE}`;

type Args = Omit<SendInput, 'give' | 'receive'> & {
  give: SendInput['give'];
  receive: SendInput['receive'];
  confirm: boolean;
};

export function registerSteamOfferSendTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'steam_offer_send',
    {
      title: 'Send a Steam trade offer',
      description: DESCRIPTION,
      inputSchema,
      outputSchema,
      annotations: WRITE,
    },
    withToolErrors(async ({ confirm, ...args }: Args, extra) => {
      const trade = ctx.trade();
      const input: SendInput = { ...args, deriveIdempotencyKey: true };
      if (!confirm) {
        const preview = await trade.previewSend(input, { signal: extra.signal });
        const trimmed = {
          ...preview,
          give: preview.give.map(trimPreviewItem),
          receive: preview.receive.map(trimPreviewItem),
        };
        return toolResult(renderPreview(preview), { dryRun: true, preview: trimmed });
      }
      const result = await trade.send(input, { signal: extra.signal });
      return toolResult(renderSent(result, input), { dryRun: false, result: { ...result } });
    }),
  );
}

function trimPreviewItem(p: PreviewItem): z.infer<typeof previewItemSchema> {
  const item = p.item ? trimOfferItem(p.item) : undefined;
  return {
    appid: p.appid,
    contextid: p.contextid,
    assetid: p.assetid,
    amount: p.amount,
    name: item?.name ?? null,
    type: item?.type ?? null,
    tradable: item?.tradable ?? null,
    found: p.found,
  };
}

function listItems(items: PreviewItem[]): string {
  if (items.length === 0) return 'nothing';
  return items
    .map((p) => {
      const name = p.item ? trimOfferItem(p.item).name : p.found === false ? 'NOT FOUND' : 'not checked';
      return `${p.amount > 1 ? `${p.amount}× ` : ''}${name} [${p.appid}/${p.contextid}/${p.assetid}]`;
    })
    .join(', ');
}

function renderPreview(p: SendPreview): string {
  return [
    `DRY RUN: nothing was sent. Would send a trade offer to ${p.partner}${p.withToken ? ' (with their trade token)' : ''}${p.counter ? `, countering their offer ${p.counter}` : ''}:`,
    `- you give: ${listItems(p.give)}`,
    `- you receive: ${listItems(p.receive)}${p.give.length > 0 && p.receive.length === 0 ? ' (a gift)' : ''}`,
    `- message: ${p.message ? `"${p.message}"` : 'none'}`,
    ...p.problems.map((problem) => `! ${problem}`),
    p.existing?.offerId
      ? `An identical earlier call already sent offer ${p.existing.offerId}: confirm: true returns it and sends nothing.`
      : p.existing
        ? `An identical earlier call started at ${p.existing.startedAt} did not finish: confirm: true looks for its offer before sending.`
        : 'To send it, call steam_offer_send again with the same arguments and confirm: true.',
  ].join('\n');
}

function renderSent(r: SendResult, input: SendInput): string {
  if (r.replayed && !r.reconciled) {
    return `Offer ${r.id} to ${r.partner} was already sent by an identical earlier call: nothing sent again (it was ${r.stateName} then; steam_offer_show says what it is now).`;
  }
  const given = input.give?.length ?? 0;
  const received = input.receive?.length ?? 0;
  const lost = r.reconciled
    ? " Steam's answer was lost; the offer was found among the sent offers (not sent twice)."
    : '';
  const confirmation = r.needsMobileConfirmation
    ? ' It needs confirmation in the Steam mobile app before the partner sees it.'
    : r.needsEmailConfirmation
      ? ' It needs confirmation by email before the partner sees it.'
      : '';
  return `Sent offer ${r.id} to ${r.partner} (${given} item${given === 1 ? '' : 's'} given, ${received} received), ${r.stateName}.${lost}${confirmation}`;
}
