/**
 * @module mcp/tools/steam-api
 * `steam_api`: any GET method of the Steam Web API through the generic caller (checked
 * against the list Steam publishes before anything is sent); POST methods are refused, since
 * every tool here only reads. `list: true` lists the methods, or one interface's.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import { selectInterface, type SupportedApiList, type WebApiParams } from '../../steam/webapi/index.js';
import { withToolErrors } from '../errors.js';
import { toolResult } from '../result.js';
import { READ_ONLY, type ToolContext } from './context.js';
import { compactJson } from './webapi-output.js';

const inputSchema = {
  method: z
    .string()
    .min(1)
    .optional()
    .describe('Interface/Method/vN, e.g. ISteamUser/GetFriendList/v1 (leave out with list=true)'),
  params: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      'the method\'s parameters by Steam\'s names, e.g. {"steamid": "7656...", "relationship": "friend"}; lists as arrays',
    ),
  list: z.boolean().default(false).describe('list the methods Steam offers instead of calling one'),
  interface: z.string().min(1).optional().describe('with list=true: only this interface, e.g. ISteamUser'),
};

const outputSchema = {
  method: z.string().optional().describe('the method called, as Steam names it'),
  result: z.unknown().optional().describe("Steam's answer, as JSON"),
  methods: z
    .array(z.object({ method: z.string(), parameters: z.array(z.string()) }))
    .optional()
    .describe('with list=true: Interface/Method/vN and parameter names (optional ones end in "?")'),
};

const DESCRIPTION = `Call any read-only (GET) method of the Steam Web API by name, e.g. method "ISteamUser/GetFriendList/v1" with params {"steamid": "7656..."}; or list=true (with interface) to see the methods Steam offers and their parameters.
Names and parameters are checked against Steam's own method list before anything is sent: a typo fails with the closest name. POST methods (which change something on Steam) are refused. The key is the server's STEAM_API_KEY; never pass one. Prefer steam_profile, steam_friends, steam_games, steam_achievements and steam_news when they fit: their answers are smaller.`;

type Args = {
  method?: string | undefined;
  params?: Record<string, unknown> | undefined;
  list: boolean;
  interface?: string | undefined;
};

/** The key travels apart from the parameters: not one to list. */
const HIDDEN = new Set(['key', 'access_token']);

export function registerSteamApiTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'steam_api',
    { title: 'Steam Web API', description: DESCRIPTION, inputSchema, outputSchema, annotations: READ_ONLY },
    withToolErrors(async (args: Args, extra) => {
      const api = ctx.steamWebApi;
      if (args.list) {
        const methods = methodsOf(selectInterface(await api.supportedApi(), args.interface));
        const lines = methods.map((m) => `- ${m.method} ${m.parameters.join(', ')}`);
        return toolResult([`${methods.length} GET methods`, ...lines].join('\n'), { methods });
      }
      if (!args.method) {
        throw new InvalidInputError('give method (Interface/Method/vN), or list=true to see them', 'method');
      }
      const params = args.params as WebApiParams | undefined;
      const target = await api.check(args.method, params);
      const name = `${target.interface}/${target.method}/v${target.version}`;
      if (target.http === 'POST') {
        throw new InvalidInputError(
          `${name} is a POST method (it changes something on Steam): steam_api only calls GET methods`,
          'method',
        );
      }
      const result = await api.call(name, params, { method: 'GET', signal: extra.signal });
      return toolResult(`${name}: ${compactJson(result)}`, { method: name, result });
    }),
  );
}

/** GET methods only (POST ones cannot be called here), parameters without the key. */
function methodsOf(list: SupportedApiList) {
  return list.interfaces.flatMap((i) =>
    i.methods
      .filter((m) => m.httpmethod.toUpperCase() !== 'POST')
      .map((m) => ({
        method: `${i.name}/${m.name}/v${m.version}`,
        parameters: m.parameters
          .filter((p) => !HIDDEN.has(p.name))
          .map((p) => (p.optional ? `${p.name}?` : p.name)),
      })),
  );
}
