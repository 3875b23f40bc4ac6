/**
 * @module mcp/tools/steam-confirmations-list
 * `steam_confirmations_list`: what waits for the server account's mobile confirmation.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { withToolErrors } from '../errors.js';
import { plural, toolResult } from '../result.js';
import type { ToolContext } from './context.js';
import { confirmationSchema, renderConfirmation } from './steam-confirmations-common.js';

const DESCRIPTION = `List what waits for a Steam Guard mobile confirmation on the server's account (STEAM_COOKIES, STEAM_IDENTITY_SECRET): trade offers it sent or accepted (type 2, with the offer id) and market listings (type 3).
Read-only. Each call spends one confirmation key; Steam rate limits its community host, so do not poll in a loop.`;

export function registerSteamConfirmationsListTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'steam_confirmations_list',
    {
      title: 'Steam mobile confirmations',
      description: DESCRIPTION,
      inputSchema: {},
      outputSchema: { count: z.number(), confirmations: z.array(confirmationSchema) },
      // Read-only, but each call uses a new confirmation time: not idempotent on the wire.
      annotations: { readOnlyHint: true, idempotentHint: false, openWorldHint: true },
    },
    withToolErrors(async (_args, extra) => {
      const client = await ctx.confirmations();
      const list = await client.list({ signal: extra.signal });
      const head =
        list.length === 0
          ? 'nothing waits for a confirmation'
          : `${plural(list.length, 'confirmation')} waiting`;
      return toolResult([head, ...list.map(renderConfirmation)].join('\n'), {
        count: list.length,
        confirmations: list,
      });
    }),
  );
}
