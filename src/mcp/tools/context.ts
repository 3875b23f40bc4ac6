/**
 * @module mcp/tools/context
 * What every tool gets from the server: the config, one shared transport (its pacer holds the
 * Steam spacing and Roblox budgets across calls) and the service clients built on it.
 */
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import type { GamestashConfig } from '../../core/config.js';
import type { HttpClient } from '../../core/http/client.js';
import type { RobloxInventoryClient } from '../../roblox/index.js';
import type { SteamInventoryClient } from '../../steam/community/inventory/client.js';
import type { ResolveOptions } from '../../steam/ids/resolve.js';
import type { SteamWebApiClient } from '../../steam/webapi/index.js';
import type { SteamConfirmations } from '../../steam/guard/index.js';
import type { SteamTradeClient } from '../../steam/trade/index.js';
import type { MarketTools } from './market-context.js';

export interface ToolContext {
  config: GamestashConfig;
  http: HttpClient;
  steamInventory: SteamInventoryClient;
  /** How accounts are resolved: `me` is STEAM_ID; vanity names are remembered for an hour. */
  resolveOptions: ResolveOptions;
  /** The Steam Web API with the server's STEAM_API_KEY (`me` is STEAM_ID). */
  steamWebApi: SteamWebApiClient;
  /** Built on first use, so the Steam tools work without Roblox credentials. */
  roblox(): RobloxInventoryClient;
  /** Mobile confirmations, built on first use (they need STEAM_IDENTITY_SECRET and STEAM_COOKIES). */
  confirmations(): Promise<SteamConfirmations>;
  /** Prices and snapshots in the store, opened on first use (the value and history tools). */
  market(): Promise<MarketTools>;
  /** The trade client (STEAM_COOKIES' session, the store's idempotency records), built on first use. */
  trade(): SteamTradeClient;
}

export type ToolExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/** Most items one call returns: more would crowd an agent's context for little use. */
export const MAX_TOOL_LIMIT = 5000;

/** Tools only read public data; telling clients so lets them skip confirmation prompts. */
export const READ_ONLY = { readOnlyHint: true, idempotentHint: true, openWorldHint: true } as const;

/**
 * Progress notifications for long reads, when the client asked for them (a progress token):
 * a paced Steam inventory can take minutes, and clients reset their timeout on progress.
 */
export function progressOf(extra: ToolExtra): ((done: number, total?: number) => void) | undefined {
  const token = extra._meta?.progressToken;
  if (token === undefined) return undefined;
  return (progress, total) => {
    const params = { progressToken: token, progress, ...(total === undefined ? {} : { total }) };
    extra.sendNotification({ method: 'notifications/progress', params }).catch(() => undefined);
  };
}
