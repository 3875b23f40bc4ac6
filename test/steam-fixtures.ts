/**
 * Shared helpers for Steam tests: a client wired to an emulator URL with pacing off.
 */
import { HttpClient, type HttpClientOptions } from '../src/core/http/client.js';
import {
  SteamInventoryClient,
  type SteamInventoryClientOptions,
} from '../src/steam/community/inventory/client.js';

export const OWNER = '76561198012345678';

export function inventoryClient(
  url: string,
  options: Partial<SteamInventoryClientOptions> = {},
  httpOptions: HttpClientOptions = {},
): { client: SteamInventoryClient; http: HttpClient } {
  const http = options.http ?? new HttpClient({ retries: 2, baseDelayMs: 5, maxDelayMs: 20, ...httpOptions });
  const client = new SteamInventoryClient({ communityUrl: url, intervalMs: 0, ...options, http });
  return { client, http };
}
