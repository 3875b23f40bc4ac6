/**
 * @module mcp/server
 * The MCP server: tools over the library (inventories, ids, the Steam Web API, Roblox
 * ownership, inventory value and history, trade offers, Steam Guard's confirmation list),
 * sharing one transport so Steam spacing and Roblox budgets hold across calls. The tools that
 * act (trade offers, confirmations) exist only when the server is started with `allowTrading`
 * (`gamestash mcp --allow-trading`): without it, an agent cannot even see them; with it, each
 * answers a dry run unless called with `confirm: true`. Transport-agnostic: stdio.ts runs it
 * over stdio, tests connect to it in memory.
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
import { lazyConfirmations } from './tools/steam-confirmations-common.js';
import { registerSteamConfirmationsListTool } from './tools/steam-confirmations-list.js';
import { registerSteamConfirmationAcceptTool } from './tools/steam-confirmation-accept.js';
import { registerSteamConfirmationCancelTool } from './tools/steam-confirmation-cancel.js';
import { lazyMarket } from './tools/market-context.js';
import { lazyDatabase } from './tools/store-context.js';
import { lazyTrade } from './tools/trade-context.js';
import { registerSteamOffersListTool } from './tools/steam-offers-list.js';
import { registerSteamOfferShowTool } from './tools/steam-offer-show.js';
import { registerSteamOffersSummaryTool } from './tools/steam-offers-summary.js';
import { registerSteamTradeHistoryTool } from './tools/steam-trade-history.js';
import { registerSteamOfferSendTool } from './tools/steam-offer-send.js';
import { registerSteamOfferAcceptTool } from './tools/steam-offer-accept.js';
import { registerSteamOfferDeclineTool } from './tools/steam-offer-decline.js';
import { registerSteamOfferCancelTool } from './tools/steam-offer-cancel.js';
import { registerSteamInventoryHistoryTool } from './tools/steam-inventory-history.js';
import { registerSteamInventoryValueTool } from './tools/steam-inventory-value.js';
import type { StoreOptions } from '../store/database.js';

export const MCP_SERVER_NAME = 'gamestash';
export const MCP_SERVER_VERSION = '0.1.0';

export interface McpServerOptions {
  config: GamestashConfig;
  /** A transport to share; otherwise one is made from the config and closed with the server. */
  http?: HttpClient;
  /** Where prices, snapshots and trade records live (default: GAMESTASH_DATABASE_URL or the SQLite file). */
  store?: StoreOptions;
  /**
   * Register the trade write tools (send, accept, decline, cancel). Off by default: a server
   * started without it cannot move items, whatever an agent asks.
   */
  allowTrading?: boolean;
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
For what an inventory is worth use steam_inventory_value (prices are cached; skinport is cheapest for CS2 and Rust); for what changed over time, steam_inventory_history.
Trade offers of the server's own account (STEAM_COOKIES): steam_offers_list, steam_offer_show, steam_offers_summary, steam_trade_history; its mobile confirmations waiting: steam_confirmations_list.`;

const TRADING_INSTRUCTIONS = `
This server also allows trading: steam_offer_send, steam_offer_accept, steam_offer_decline and steam_offer_cancel move real items, and steam_confirmation_accept and steam_confirmation_cancel answer the account's mobile confirmations. Each answers a dry run (what would happen, items named) unless called with confirm: true. Show the dry run to the user and call again with confirm: true only when they agree.`;

export function createMcpServer(options: McpServerOptions): GamestashMcpServer {
  const { config } = options;
  const http = options.http ?? createHttpClient(config);
  let roblox: RobloxInventoryClient | undefined;
  const database = lazyDatabase(config, options.store);
  const steamWebApi = createSteamWebApiClient(config, http);
  const market = lazyMarket(config, http, database);
  const trade = lazyTrade(config, http, steamWebApi, database);
  const confirmations = lazyConfirmations(config, http, database);
  const ctx: ToolContext = {
    config,
    http,
    steamInventory: createSteamInventoryClient(config, http),
    resolveOptions: resolveOptionsFromConfig(config, http, {
      vanityCache: new MemoryVanityCache({ ttlMs: DEFAULT_VANITY_CACHE_TTL_MS }),
    }),
    // The method list is kept in memory (a day): a long-lived server fetches it once.
    steamWebApi,
    // Missing Roblox credentials fail the Roblox tools only, each time, with what to set.
    roblox: () => (roblox ??= createRobloxInventoryClient(config, { http })),
    confirmations,
    market,
    trade,
  };
  const server = new McpServer(
    { name: MCP_SERVER_NAME, version: MCP_SERVER_VERSION },
    {
      instructions: options.allowTrading ? INSTRUCTIONS + TRADING_INSTRUCTIONS : INSTRUCTIONS,
      capabilities: { tools: {} },
    },
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
  registerSteamInventoryValueTool(server, ctx);
  registerSteamInventoryHistoryTool(server, ctx);
  registerSteamOffersListTool(server, ctx);
  registerSteamOfferShowTool(server, ctx);
  registerSteamOffersSummaryTool(server, ctx);
  registerSteamTradeHistoryTool(server, ctx);
  if (options.allowTrading) {
    registerSteamConfirmationAcceptTool(server, ctx);
    registerSteamConfirmationCancelTool(server, ctx);
    registerSteamOfferSendTool(server, ctx);
    registerSteamOfferAcceptTool(server, ctx);
    registerSteamOfferDeclineTool(server, ctx);
    registerSteamOfferCancelTool(server, ctx);
  }
  let closing: Promise<void> | undefined;
  return {
    server,
    close: () =>
      (closing ??= (async () => {
        await server.close();
        await roblox?.close();
        await database.close();
        if (!options.http) await http.close();
      })()),
  };
}
