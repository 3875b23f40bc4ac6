/**
 * @module roblox/inventory/client
 * Open Cloud v2 List Inventory Items: one request (`page`), an async iterator over pages and
 * items, a collect-all with a limit, ownership checks and collectibles. Every request goes
 * through the shared HttpClient, paced by the caller's rate budget (see budget.ts).
 */
import type { Dispatcher } from 'undici';
import { InvalidInputError, MalformedResponseError } from '../../core/errors.js';
import { HttpClient, type HttpClientOptions } from '../../core/http/client.js';
import type { Pacer } from '../../core/http/pacer.js';
import { registerSecret } from '../../core/http/redact.js';
import { budgetFor } from './budget.js';
import { interpretInventoryResponse, rateLimitInfo, type InventoryRequestContext } from './errors.js';
import { RobloxInventoryFilter, type RobloxAssetTypeSelection } from './filter.js';
import { checkPageSize, ROBLOX_MAX_PAGE_SIZE, missingCredentials, robloxUserId, toFilter } from './input.js';
import { normalizeItem } from './normalize.js';
import { checkOwnership, type RobloxOwnershipResult, type RobloxOwnsQuery } from './owns.js';
import type { RobloxInventoryItem, RobloxInventoryPage } from './types.js';

export const DEFAULT_ROBLOX_API_URL = 'https://apis.roblox.com';

export interface RobloxInventoryClientOptions {
  apiUrl?: string;
  /** An Open Cloud API key (`x-api-key`). Give this or `oauthToken`. */
  apiKey?: string;
  /** An OAuth2 access token with `user.inventory-item:read` (`Authorization: Bearer`). */
  oauthToken?: string;
  /** The API key's owner (user or group); all keys of one owner share one budget. */
  owner?: string;
  /** Client-side budget; defaults to 100/min for API keys and 20/min for OAuth2 tokens. */
  perMinute?: number;
  /** Fail with QueueTimeoutError rather than wait longer than this for a budget slot. */
  maxWaitMs?: number;
  pageSize?: number;
  /** Ids per ownership request; longer lists are split. */
  maxIdsPerRequest?: number;
  /** A shared transport (its pacer holds the budgets); otherwise one is made from the rest. */
  http?: HttpClient;
  /** Transport settings (timeouts, retries, proxies) when no `http` is given. */
  httpOptions?: HttpClientOptions;
  pacer?: Pacer;
  dispatcher?: Dispatcher;
}

export interface RobloxPageOptions {
  /** A built filter or a raw filter string (validated before anything is sent). */
  filter?: RobloxInventoryFilter | string;
  pageSize?: number;
  signal?: AbortSignal;
}

export interface RobloxListOptions extends RobloxPageOptions {
  limit?: number;
  /** Called after each page with the items so far and whether more pages follow. */
  onProgress?: (done: number, more: boolean) => void;
}

export class RobloxInventoryClient {
  readonly apiUrl: string;
  private readonly http: HttpClient;
  private readonly ownsHttp: boolean;
  private readonly headers: Record<string, string>;
  private readonly credential: 'apiKey' | 'oauthToken';
  private readonly budget: ReturnType<typeof budgetFor>;
  private readonly pageSize: number;
  private readonly maxIdsPerRequest: number;

  constructor(options: RobloxInventoryClientOptions) {
    if (options.apiKey && options.oauthToken) {
      throw new InvalidInputError('give a Roblox API key or an OAuth2 token, not both', 'credentials');
    }
    if (!options.apiKey && !options.oauthToken) throw missingCredentials();
    registerSecret(options.apiKey);
    registerSecret(options.oauthToken);
    if (options.perMinute !== undefined && !(options.perMinute > 0)) {
      throw new InvalidInputError(`perMinute must be above 0, got ${options.perMinute}`, 'perMinute');
    }
    this.apiUrl = (options.apiUrl ?? DEFAULT_ROBLOX_API_URL).replace(/\/+$/, '');
    this.credential = options.apiKey ? 'apiKey' : 'oauthToken';
    this.headers = options.apiKey
      ? { 'x-api-key': options.apiKey }
      : { authorization: `Bearer ${options.oauthToken ?? ''}` };
    this.budget = budgetFor(options);
    this.pageSize = checkPageSize(options.pageSize ?? ROBLOX_MAX_PAGE_SIZE);
    this.maxIdsPerRequest = options.maxIdsPerRequest ?? 50;
    this.ownsHttp = options.http === undefined;
    this.http =
      options.http ??
      new HttpClient({
        ...options.httpOptions,
        ...(options.pacer ? { pacer: options.pacer } : {}),
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      });
  }

  /** The pacing key and spacing this client's requests use. */
  get rateBudget(): { key: string; perMinute: number; intervalMs: number } {
    return { key: this.budget.key, perMinute: this.budget.perMinute, intervalMs: this.budget.intervalMs };
  }

  /** One request. `nextPageToken` is undefined when this was the last page (either end marker). */
  async page(userId: string | number | bigint, options: RobloxPageOptions & { pageToken?: string } = {}) {
    const id = robloxUserId(userId);
    const filter = toFilter(options.filter);
    const pageSize = checkPageSize(options.pageSize ?? this.pageSize);
    const url = new URL(`${this.apiUrl}/cloud/v2/users/${id}/inventory-items`);
    url.searchParams.set('maxPageSize', String(pageSize));
    const filterText = filter.toString();
    if (filterText) url.searchParams.set('filter', filterText);
    if (options.pageToken) url.searchParams.set('pageToken', options.pageToken);
    const ctx: InventoryRequestContext = {
      userId: id,
      credential: this.credential,
      filter: filterText,
      pageToken: options.pageToken,
      needsInventoryRead: filter.needsInventoryRead,
    };
    return this.http.request(
      {
        service: 'roblox',
        url,
        headers: { accept: 'application/json', ...this.headers },
        pace: this.budget,
        ...(options.signal ? { signal: options.signal } : {}),
      },
      (res): RobloxInventoryPage => {
        const raw = interpretInventoryResponse(res, ctx);
        const items = (raw.inventoryItems ?? []).map(normalizeItem);
        // UPSTREAM.md: the end is a missing/empty nextPageToken OR an empty inventoryItems
        // array (the last token of an exact multiple of the page size returns an empty page).
        const more = items.length > 0 && typeof raw.nextPageToken === 'string' && raw.nextPageToken !== '';
        return {
          items,
          nextPageToken: more ? raw.nextPageToken : undefined,
          raw,
          rateLimit: rateLimitInfo(res),
        };
      },
    );
  }

  /** Every page in order. Short pages are not the end; only the end markers are. */
  async *pages(
    userId: string | number | bigint,
    options: RobloxPageOptions = {},
  ): AsyncGenerator<RobloxInventoryPage> {
    // Validate everything before the first request so bad input never costs budget.
    const id = robloxUserId(userId);
    const filter = toFilter(options.filter);
    checkPageSize(options.pageSize ?? this.pageSize);
    const seen = new Set<string>();
    let pageToken: string | undefined;
    do {
      const page = await this.page(id, { ...options, filter, ...(pageToken ? { pageToken } : {}) });
      yield page;
      pageToken = page.nextPageToken;
      if (pageToken !== undefined) {
        if (seen.has(pageToken)) {
          throw new MalformedResponseError(
            `Roblox repeated a page token for user ${id}; stopped to avoid a loop`,
            {
              service: 'roblox',
            },
          );
        }
        seen.add(pageToken);
      }
    } while (pageToken !== undefined);
  }

  async *items(
    userId: string | number | bigint,
    options: RobloxPageOptions = {},
  ): AsyncGenerator<RobloxInventoryItem> {
    for await (const page of this.pages(userId, options)) yield* page.items;
  }

  /** Collects items, stopping early (and sending no further requests) at `limit`. */
  async list(
    userId: string | number | bigint,
    options: RobloxListOptions = {},
  ): Promise<RobloxInventoryItem[]> {
    const { limit = Infinity, onProgress, ...rest } = options;
    if (limit !== Infinity && !(Number.isInteger(limit) && limit >= 0)) {
      throw new InvalidInputError(`limit must be a whole number of at least 0, got ${limit}`, 'limit');
    }
    const items: RobloxInventoryItem[] = [];
    if (limit === 0) return items;
    for await (const page of this.pages(userId, rest)) {
      items.push(...page.items.slice(0, limit - items.length));
      onProgress?.(items.length, page.nextPageToken !== undefined && items.length < limit);
      if (items.length >= limit) break;
    }
    return items;
  }

  /** Every collectible (limited) the user holds, with serial numbers and instance states. */
  async collectibles(
    userId: string | number | bigint,
    options: { assetTypes?: RobloxAssetTypeSelection; limit?: number; signal?: AbortSignal } = {},
  ): Promise<RobloxInventoryItem[]> {
    return this.list(userId, {
      filter: RobloxInventoryFilter.collectibles(options.assetTypes ?? '*'),
      ...(options.limit === undefined ? {} : { limit: options.limit }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  /** Yes/no per id in one request per `maxIdsPerRequest` ids, whatever the inventory size. */
  async owns(
    userId: string | number | bigint,
    query: RobloxOwnsQuery,
    options: { signal?: AbortSignal } = {},
  ): Promise<RobloxOwnershipResult> {
    const id = robloxUserId(userId);
    return checkOwnership(
      (filter) => this.pages(id, { filter, ...(options.signal ? { signal: options.signal } : {}) }),
      id,
      query,
      this.maxIdsPerRequest,
    );
  }

  async close(): Promise<void> {
    if (this.ownsHttp) await this.http.close();
  }
}
