/**
 * @module mcp/tools/steam-confirmation-act
 * What `steam_confirmation_accept` and `steam_confirmation_cancel` share: the targets (ids,
 * trade offers, or everything waiting), a dry run unless `confirm: true` (it lists what would
 * be acted on and sends nothing else), then one library call. Registered only when the server
 * was started with `--allow-trading`.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import type { Confirmation, ConfirmationAction } from '../../steam/guard/index.js';
import { withToolErrors } from '../errors.js';
import { plural, toolResult } from '../result.js';
import type { ToolContext } from './context.js';
import { confirmationSchema, renderConfirmation } from './steam-confirmations-common.js';

const id = z.string().regex(/^\d{1,20}$/, 'a number');

const inputSchema = {
  ids: z.array(id).optional().describe('confirmation ids from steam_confirmations_list'),
  offerIds: z.array(id).optional().describe('trade offer ids: their confirmations'),
  all: z.boolean().optional().describe('every confirmation waiting'),
  confirm: z
    .boolean()
    .default(false)
    .describe('false (the default): a dry run that only says what would be done; true: do it'),
};

const outputSchema = {
  dryRun: z.boolean(),
  action: z.enum(['accept', 'cancel']),
  confirmations: z.array(confirmationSchema),
  acknowledged: z.boolean().optional().describe('trade protection was acknowledged first'),
  reconciled: z.boolean().optional(),
};

type Args = z.infer<z.ZodObject<typeof inputSchema>>;

const WHAT: Record<ConfirmationAction, string> = {
  accept:
    'Accept Steam Guard mobile confirmations on the server account: a sent trade offer goes out to its partner, an accepted one is carried out, a market listing goes live.',
  cancel:
    'Cancel (refuse) Steam Guard mobile confirmations on the server account: a sent trade offer becomes CanceledBySecondFactor, an acceptance is withdrawn, a listing is dropped.',
};

export function registerConfirmationActTool(
  server: McpServer,
  ctx: ToolContext,
  action: ConfirmationAction,
): void {
  server.registerTool(
    `steam_confirmation_${action}`,
    {
      title: action === 'accept' ? 'Accept Steam confirmations' : 'Cancel Steam confirmations',
      description: `${WHAT[action]}
Give exactly one of ids, offerIds or all. Without confirm: true this is a dry run: it lists the confirmations that would be ${action === 'accept' ? 'accepted' : 'cancelled'} and changes nothing. Ask the user before calling with confirm: true.`,
      inputSchema,
      outputSchema,
      annotations: {
        readOnlyHint: false,
        // Both are irreversible: accepting sends items away (or lists them), cancelling kills the offer.
        destructiveHint: true,
        idempotentHint: false,
        openWorldHint: true,
      },
    },
    withToolErrors(async (args: Args, extra) => {
      const ways = [args.ids?.length, args.offerIds?.length, args.all].filter(Boolean).length;
      if (ways !== 1) throw new InvalidInputError('give exactly one of ids, offerIds or all', 'ids');
      const client = await ctx.confirmations();
      const listed = await client.list({ signal: extra.signal });
      const targets = pick(listed, args);
      if (!args.confirm) {
        const head = `dry run: would ${action} ${plural(targets.length, 'confirmation')} (call again with confirm: true to do it)`;
        return toolResult([head, ...targets.map(renderConfirmation)].join('\n'), {
          dryRun: true,
          action,
          confirmations: targets,
        });
      }
      if (targets.length === 0) {
        return toolResult('nothing waits for a confirmation', { dryRun: false, action, confirmations: [] });
      }
      const result =
        action === 'accept'
          ? await client.accept(targets, { signal: extra.signal })
          : await client.cancel(targets, { signal: extra.signal });
      const head = `${action === 'accept' ? 'accepted' : 'cancelled'} ${plural(result.confirmations.length, 'confirmation')}${result.acknowledged ? ' (trade protection acknowledged first)' : ''}`;
      return toolResult([head, ...result.confirmations.map(renderConfirmation)].join('\n'), {
        dryRun: false,
        action,
        confirmations: result.confirmations,
        acknowledged: result.acknowledged,
        reconciled: result.reconciled,
      });
    }),
  );
}

/** The listed confirmations the arguments name; any that does not wait is a NotFoundError. */
function pick(listed: Confirmation[], args: Args): Confirmation[] {
  if (args.all) return listed;
  const missing: string[] = [];
  const found = (args.ids ?? []).map(
    (wanted) => listed.find((conf) => conf.id === wanted) ?? (missing.push(wanted), undefined),
  );
  const forOffers = (args.offerIds ?? []).map(
    (offer) =>
      listed.find((conf) => conf.offerId === offer) ?? (missing.push(`for offer ${offer}`), undefined),
  );
  if (missing.length > 0) {
    throw new NotFoundError(
      `no confirmation ${missing.join(', ')} waits for this account (list them first)`,
      {
        service: 'steam-community',
        code: 'no_confirmation',
      },
    );
  }
  return [...found, ...forOffers].filter((conf): conf is Confirmation => conf !== undefined);
}
