/**
 * @module mcp/server
 * The MCP server: tools over the library (inventories, ids, the Steam Web API, Roblox
 * ownership, inventory value and history, Steam Guard's confirmation list), and with
 * `--allow-trading` guarded tools that act (dry runs unless `confirm: true`), sharing one
 * transport so Steam spacing and Roblox budgets hold across calls. Transport-agnostic:
 * stdio.ts runs it over stdio, tests connect to it in memory.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { GamestashConfig } from '../core/config.js';
import type { HttpClient } from '../core/http/client.js';
import { createHttpClient } from '../core/http/from-config.js';
import { createRobloxInventoryClient, type RobloxInventoryClient } from '../roblox/index.js';
import { createSteamInventoryClient } from '../steam/community/inventory/from-config.js';
import { resolveOptionsFromConfig } from '../steam/ids/resolve.js';
import { DEFAULT_VANITY_CACHE_TTL_MS, MemoryVanityCache } from '../steam/ids/vanity-cache.js';
import { createSteamWebApiClient } from '../steam/webapi/from-config.js';
import type { ToolContext } from './tools/context.js';
import { registerRobloxInventoryTool } from './tools/roblox-inventory.js';
import { registerRobloxOwnsTool } from './tools/roblox-owns.js';
import { registerSteamInventoryTool } from './tools/steam-inventory.js';
import { registerSteamResolveTool } from './tools/steam-resolve.js';
import { registerSteamAchievementsTool } from './tools/steam-achievements.js';
import { registerSteamApiTool } from './tools/steam-api.js';
import { registerSteamFriendsTool } from './tools/steam-friends.js';
import { registerSteamGamesTool } from './tools/steam-games.js';
import { registerSteamNewsTool } from './tools/steam-news.js';
import { registerSteamProfileTool } from './tools/steam-profile.js';
import { ConfirmationsHolder } from './tools/steam-confirmations-common.js';
import { registerSteamConfirmationsListTool } from './tools/steam-confirmations-list.js';
import { registerSteamConfirmationAcceptTool } from './tools/steam-confirmation-accept.js';
import { registerSteamConfirmationCancelTool } from './tools/steam-confirmation-cancel.js';
import { lazyMarket } from './tools/market-context.js';
import { registerSteamInventoryHistoryTool } from './tools/steam-inventory-history.js';
import { registerSteamInventoryValueTool } from './tools/steam-inventory-value.js';
import type { StoreOptions } from '../store/database.js';

export const MCP_SERVER_NAME = 'gamestash';
export const MCP_SERVER_VERSION = '0.1.0';

export interface McpServerOptions {
  config: GamestashConfig;
  /** A transport to share; otherwise one is made from the config and closed with the server. */
  http?: HttpClient;
  /** `gamestash mcp --allow-trading`: registers the tools that act (confirmations accept/cancel). */
  allowTrading?: boolean;
  /** Where prices and snapshots live (default: GAMESTASH_DATABASE_URL or the SQLite file). */
  store?: StoreOptions;
}

export interface GamestashMcpServer {
  server: McpServer;
  /** Closes the MCP session, then the transport (when the server made it). */
  close(): Promise<void>;
}

const INSTRUCTIONS = `Read-only access to Steam community inventories, the Steam Web API and Roblox inventories.
Steam accounts may be named any way (SteamID64, profile URL, trade URL, vanity name); "me" (or leaving who out) is the server's own STEAM_ID. Steam rate limits are strict: prefer one steam_inventory call with filters or summary=true over many calls, and after a rate_limited error wait as long as it says.
Profiles, friends, games, achievements and news come from the Steam Web API (steam_profile, steam_friends, steam_games, steam_achievements, steam_news; steam_api for any other read-only method). A private profile's games come back as "no games visible", which is not "owns nothing".
For "does this Roblox user own X", use roblox_owns, not roblox_inventory.
For what an inventory is worth use steam_inventory_value (prices are cached; skinport is cheapest for CS2 and Rust); for what changed over time, steam_inventory_history.`;

export function createMcpServer(options: McpServerOptions): GamestashMcpServer {
  const { config } = options;
  const http = options.http ?? createHttpClient(config);
  let roblox: RobloxInventoryClient | undefined;
  const confirmations = new ConfirmationsHolder(config, http, options.store);
  const market = lazyMarket(config, http, options.store);
  const ctx: ToolContext = {
    config,
    http,
    steamInventory: createSteamInventoryClient(config, http),
    resolveOptions: resolveOptionsFromConfig(config, http, {
      vanityCache: new MemoryVanityCache({ ttlMs: DEFAULT_VANITY_CACHE_TTL_MS }),
    }),
    // The method list is kept in memory (a day): a long-lived server fetches it once.
    steamWebApi: createSteamWebApiClient(config, http),
    // Missing Roblox credentials fail the Roblox tools only, each time, with what to set.
    roblox: () => (roblox ??= createRobloxInventoryClient(config, { http })),
    confirmations: () => confirmations.get(),
    market: () => market.get(),
  };
  const server = new McpServer(
    { name: MCP_SERVER_NAME, version: MCP_SERVER_VERSION },
    { instructions: INSTRUCTIONS, capabilities: { tools: {} } },
  );
  registerSteamInventoryTool(server, ctx);
  registerSteamResolveTool(server, ctx);
  registerSteamProfileTool(server, ctx);
  registerSteamFriendsTool(server, ctx);
  registerSteamGamesTool(server, ctx);
  registerSteamAchievementsTool(server, ctx);
  registerSteamNewsTool(server, ctx);
  registerSteamApiTool(server, ctx);
  registerRobloxInventoryTool(server, ctx);
  registerRobloxOwnsTool(server, ctx);
  registerSteamConfirmationsListTool(server, ctx);
  if (options.allowTrading) {
    registerSteamConfirmationAcceptTool(server, ctx);
    registerSteamConfirmationCancelTool(server, ctx);
  }
  registerSteamInventoryValueTool(server, ctx);
  registerSteamInventoryHistoryTool(server, ctx);
  let closing: Promise<void> | undefined;
  return {
    server,
    close: () =>
      (closing ??= (async () => {
        await server.close();
        await roblox?.close();
        await confirmations.close();
        await market.close();
        if (!options.http) await http.close();
      })()),
  };
}
