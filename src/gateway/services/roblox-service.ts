/**
 * @module gateway/services/roblox-service
 * Roblox inventories for the gateway's routes: one Roblox client on the gateway's shared
 * HttpClient (so its budget is paced through Redis across instances when configured), a
 * short-lived cache and single flight per identical question. Answers do not depend on the
 * caller: every key is served with the gateway's own Roblox credential.
 */
import type { RobloxInventoryClient } from '../../roblox/inventory/client.js';
import type { RobloxOwnershipEntry, RobloxOwnsQuery } from '../../roblox/inventory/owns.js';
import type { RawRobloxInventoryItem } from '../../roblox/inventory/types.js';
import { GatewayProblem } from '../problem.js';
import { MemoryCache } from './memory-cache.js';

export interface RobloxPageAnswer {
  inventoryItems: RawRobloxInventoryItem[];
  nextPageToken: string;
}

export interface RobloxListAnswer {
  inventoryItems: RawRobloxInventoryItem[];
  /** False when `limit` stopped the listing before Roblox's end marker. */
  complete: boolean;
}

interface Cached<T> {
  value: T;
  expiresAt: number;
  weight: number;
}

export class RobloxService {
  private readonly cache = new MemoryCache<Cached<unknown>>(64 * 1024 * 1024);
  private readonly flights = new Map<string, Promise<unknown>>();

  constructor(
    private readonly client: RobloxInventoryClient | undefined,
    private readonly ttlMs: number,
  ) {}

  /** One upstream page, in Roblox's own shape (`nextPageToken` empty at the end). */
  page(userId: string, query: { filter?: string; pageSize?: number; pageToken?: string }, fresh: boolean) {
    const key = `page|${userId}|${query.filter ?? ''}|${query.pageSize ?? ''}|${query.pageToken ?? ''}`;
    return this.cached<RobloxPageAnswer>(key, fresh, async (client) => {
      const page = await client.page(userId, query);
      return { inventoryItems: page.raw.inventoryItems ?? [], nextPageToken: page.nextPageToken ?? '' };
    });
  }

  /** Every page merged, up to `limit` items. */
  all(userId: string, query: { filter?: string; limit: number }, fresh: boolean) {
    const key = `all|${userId}|${query.filter ?? ''}|${query.limit}`;
    return this.cached<RobloxListAnswer>(key, fresh, async (client) => {
      const inventoryItems: RawRobloxInventoryItem[] = [];
      let complete = true;
      for await (const page of client.pages(userId, query.filter ? { filter: query.filter } : {})) {
        inventoryItems.push(...(page.raw.inventoryItems ?? []).slice(0, query.limit - inventoryItems.length));
        if (inventoryItems.length >= query.limit) {
          complete = page.nextPageToken === undefined;
          break;
        }
      }
      return { inventoryItems, complete };
    });
  }

  owns(userId: string, query: RobloxOwnsQuery, fresh: boolean) {
    const key = `owns|${userId}|${JSON.stringify(query)}`;
    return this.cached<{ entries: RobloxOwnershipEntry[]; requests: number }>(key, fresh, async (client) => {
      const result = await client.owns(userId, query);
      return { entries: result.entries, requests: result.requests };
    });
  }

  private async cached<T>(key: string, fresh: boolean, load: (client: RobloxInventoryClient) => Promise<T>) {
    const client = this.requireClient();
    const hit = this.cache.get(key) as Cached<T> | undefined;
    if (hit && !fresh && hit.expiresAt > Date.now()) return { value: hit.value, cache: 'hit' as const };
    // Identical questions in flight share one upstream listing (and one share of the budget).
    let flight = this.flights.get(key) as Promise<T> | undefined;
    if (!flight) {
      flight = load(client).finally(() => this.flights.delete(key));
      this.flights.set(key, flight);
    }
    const value = await flight;
    const weight = JSON.stringify(value).length;
    this.cache.set(key, { value, expiresAt: Date.now() + this.ttlMs, weight });
    return { value, cache: 'miss' as const };
  }

  private requireClient(): RobloxInventoryClient {
    if (this.client) return this.client;
    throw new GatewayProblem(
      503,
      'roblox_not_configured',
      'this gateway has no Roblox credential: start it with ROBLOX_API_KEY (or ROBLOX_OAUTH_TOKEN) set',
    );
  }

  async close(): Promise<void> {
    await this.client?.close();
  }
}
