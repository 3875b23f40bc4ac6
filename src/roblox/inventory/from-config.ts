/**
 * @module roblox/inventory/from-config
 * A client from `loadConfig()`: ROBLOX_API_KEY or ROBLOX_OAUTH_TOKEN (the key wins when both
 * are set: its budget is five times larger), GAMESTASH_ROBLOX_API_URL, the owner and budgets.
 */
import type { GamestashConfig } from '../../core/config.js';
import { RobloxInventoryClient, type RobloxInventoryClientOptions } from './client.js';
import { missingCredentials } from './input.js';

export function createRobloxInventoryClient(
  config: Pick<GamestashConfig, 'roblox' | 'http'>,
  extras: Pick<RobloxInventoryClientOptions, 'http' | 'pacer' | 'dispatcher'> = {},
): RobloxInventoryClient {
  const { roblox } = config;
  const useKey = roblox.apiKey !== undefined;
  if (!useKey && !roblox.oauthToken) throw missingCredentials();
  return new RobloxInventoryClient({
    apiUrl: roblox.apiUrl,
    ...(useKey ? { apiKey: roblox.apiKey } : { oauthToken: roblox.oauthToken }),
    ...(roblox.owner ? { owner: roblox.owner } : {}),
    perMinute: useKey ? roblox.apiKeyPerMinute : roblox.oauthPerMinute,
    httpOptions: {
      timeoutMs: config.http.timeoutMs,
      retries: config.http.retries,
      maxRetryWaitMs: config.http.maxRetryWaitMs,
      proxies: config.http.proxies,
    },
    ...extras,
  });
}
