/**
 * @module steam/community/inventory/client
 * Reads community inventories page by page, under Steam's page cap and rate limits.
 * Pages are an async iterator; `fetchAll` merges them into Steam's own shape and `items`
 * yields normalized items. A failure part-way throws: a partial inventory is never
 * returned as if it were complete.
 */
import {
  InvalidInputError,
  MalformedResponseError,
  UpstreamInvalidRequestError,
} from '../../../core/errors.js';
import type { HttpClient } from '../../../core/http/client.js';
import { MAX_INVENTORY_PAGE_SIZE } from '../../../core/config.js';
import { toSteamId64 } from '../../ids/parse.js';
import { communityPace } from '../pace.js';
import {
  FALLBACK_PAGE_SIZE,
  interpretInventoryPage,
  PageCapError,
  peekNextCursor,
  type InventoryTarget,
} from './interpret.js';
import { InventoryMerger } from './merge.js';
import { normalizePage, normalizePageInto } from './normalize.js';
import type { InventoryItem, RawAsset, RawInventory, RawInventoryPage } from './types.js';

export { FALLBACK_PAGE_SIZE } from './interpret.js';

export interface SteamInventoryClientOptions {
  http: HttpClient;
  communityUrl: string;
  /** Spacing between requests to the community host (per egress route). */
  intervalMs: number;
  pageSize?: number;
  language?: string;
  /** `steamLoginSecure=...` (and optionally `sessionid=...`): reads the owner's private items. */
  cookies?: string | undefined;
  /** First hold-back after a 429, doubling while they continue (default 60 s: UPSTREAM.md says minutes). */
  rateLimitCooldownMs?: number;
  /** Give up waiting for a pacing slot after this long (gateways want a bound). */
  maxQueueWaitMs?: number;
}

export interface InventoryRequest {
  steamid: string;
  appid: number | string;
  contextid: number | string;
  language?: string;
  /** Stop after this many assets (the last page may be cut). */
  limit?: number;
  signal?: AbortSignal;
  /** The caller will read every item (lets `items()` fetch the next page ahead). */
  all?: boolean;
  /** Called after each page: assets so far and Steam's total. */
  onProgress?: (fetched: number, total: number | undefined) => void;
}

export class SteamInventoryClient {
  private readonly host: string;

  /**
   * @param reducedCap Hosts that refused 2000 but took 1000 on a first page: they get 1000 from
   * then on (shared with the clients {@link withCookies} makes).
   */
  constructor(
    private readonly options: SteamInventoryClientOptions,
    private readonly reducedCap = new Set<string>(),
  ) {
    const pageSize = options.pageSize ?? MAX_INVENTORY_PAGE_SIZE;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_INVENTORY_PAGE_SIZE) {
      throw new InvalidInputError(
        `page size ${pageSize} is out of range: use 1 to ${MAX_INVENTORY_PAGE_SIZE} (Steam answers 400 above its cap since 2025-05-28)`,
        'count',
      );
    }
    this.host = new URL(options.communityUrl).host;
  }

  /** The same client reading with an owner's session cookies (what it learnt of page caps is shared). */
  withCookies(cookies: string | undefined): SteamInventoryClient {
    return new SteamInventoryClient({ ...this.options, cookies }, this.reducedCap);
  }

  /**
   * Yields each page as Steam sent it, minus assets already seen on an earlier page.
   * With `prefetch`, the next page is requested as soon as its cursor shows in this page's
   * raw body, so decoding, parsing and the caller's work on a page overlap the next
   * download (one page ahead of the caller at most); leaving the loop early aborts it (at
   * worst one page was requested for nothing — pass `limit` to avoid it).
   */
  async *pages(
    request: InventoryRequest,
    { prefetch = false }: { prefetch?: boolean } = {},
  ): AsyncGenerator<RawInventoryPage> {
    const target = validateTarget(request);
    const seenAssets = new Set<string>();
    const seenCursors = new Set<string>();
    const abort = new AbortController();
    const signal = request.signal ? AbortSignal.any([request.signal, abort.signal]) : abort.signal;
    let fetched = 0;
    /** The page the loop takes next, and whether the loop is already waiting for it. */
    let pendingCursor: string | undefined;
    let waiting = false;
    /** A page requested ahead, keyed by the cursor peeked from the previous page's raw body. */
    let ahead: { cursor: string; page: Promise<RawInventoryPage>; abort: AbortController } | undefined;
    /** `before`: assets the caller will have when this page arrives (a page read ahead counts the one before it). */
    const fetchPage = (cursor: string | undefined, first: boolean, pageSignal = signal, before = fetched) => {
      // No need to ask for a full page when the caller wants only a few items.
      const wanted = request.limit === undefined ? undefined : request.limit - before;
      const size = Math.min(this.pageSizeFor(), wanted ?? Infinity);
      /** `count`: what this page asked for (1000 after a first page fell back from 2000). */
      const onCursor = (next: string, count: number) => {
        // Only while the caller waits for this very page, and only when the page cannot
        // reach the limit: never more than one page ahead, never a request for nothing.
        if (!prefetch || !waiting || cursor !== pendingCursor || ahead || seenCursors.has(next)) return false;
        if (request.limit !== undefined && request.limit - fetched <= count) return false;
        const own = new AbortController();
        // Steam fills every page but the last, and this one is not the last (it has a cursor).
        const page = fetchPage(next, false, AbortSignal.any([signal, own.signal]), fetched + count);
        ahead = { cursor: next, page, abort: own };
        return true;
      };
      const page = this.fetchPage(target, cursor, first, { ...request, signal: pageSignal }, size, onCursor);
      page.catch(() => undefined); // awaited below; never an unhandled rejection if abandoned
      return page;
    };
    let pending = fetchPage(undefined, true);
    try {
      for (;;) {
        waiting = true;
        const page = await pending;
        waiting = false;
        const assets = withoutSeen(page.assets ?? [], seenAssets);
        const limited = request.limit !== undefined && fetched + assets.length >= request.limit;
        const kept = limited ? assets.slice(0, Math.max(0, (request.limit ?? 0) - fetched)) : assets;
        fetched += kept.length;
        request.onProgress?.(fetched, page.total_inventory_count);
        const out = page.assets === undefined ? page : { ...page, assets: kept };
        if (limited || !isTruthy(page.more_items)) {
          yield out;
          return;
        }
        const next = page.last_assetid;
        if (!next) throw new MalformedResponseError('Steam said more_items but sent no last_assetid', meta());
        if (seenCursors.has(next)) {
          throw new MalformedResponseError(
            `Steam repeated last_assetid ${next}: stopping a paging loop`,
            meta(),
          );
        }
        seenCursors.add(next);
        if (ahead && ahead.cursor !== next) ahead.abort.abort(); // the peek was wrong: drop that page
        const early = ahead?.cursor === next ? ahead.page : undefined;
        ahead = undefined;
        pendingCursor = next;
        if (early) pending = early;
        else if (prefetch) pending = fetchPage(next, false);
        yield out;
        if (!prefetch) pending = fetchPage(next, false);
      }
    } finally {
      abort.abort();
    }
  }

  /** Every page merged into Steam's own shape (`assets`, `descriptions`, `total_inventory_count`, ...). */
  async fetchAll(request: InventoryRequest): Promise<RawInventory> {
    const merger = new InventoryMerger();
    for await (const page of this.pages(request, { prefetch: true })) merger.add(page);
    return merger.result();
  }

  /**
   * Every normalized item at once (up to `limit`): pages are prefetched and joined page by
   * page without an async step per item, the fastest way to read a whole inventory.
   */
  async fetchItems(request: InventoryRequest): Promise<InventoryItem[]> {
    const target = validateTarget(request);
    const items: InventoryItem[] = [];
    for await (const page of this.pages(request, { prefetch: true }))
      normalizePageInto(page, target.steamid64, items);
    return items;
  }

  /** Normalized items, joined to their descriptions and CS2 properties. */
  async *items(request: InventoryRequest): AsyncGenerator<InventoryItem> {
    const target = validateTarget(request);
    // Prefetch only when the caller said how much it wants (or wants it all): a caller that
    // breaks out early without a limit should not cost an extra upstream request.
    const prefetch = request.limit !== undefined || request.all === true;
    for await (const page of this.pages(request, { prefetch })) yield* normalizePage(page, target.steamid64);
  }

  private async fetchPage(
    target: InventoryTarget,
    cursor: string | undefined,
    first: boolean,
    request: InventoryRequest,
    size: number,
    onCursor: (next: string, count: number) => boolean,
  ): Promise<RawInventoryPage> {
    try {
      return await this.requestPage(target, cursor, size, request, onCursor);
    } catch (error) {
      // Reports disagree on the cap (1000 vs 2000, UPSTREAM.md): a first page refused with
      // a null 400 above 1000 is retried once at 1000, and the host keeps 1000 from then on.
      if (error instanceof PageCapError && first && size > FALLBACK_PAGE_SIZE) {
        // Recorded before the retry, so a page read ahead from it asks 1000 as well.
        this.reducedCap.add(this.host);
        try {
          return await this.requestPage(target, cursor, FALLBACK_PAGE_SIZE, request, onCursor);
        } catch (retryError) {
          // A 400 at 1000 too is a real error (e.g. a SteamID Steam rejects), not the cap (UPSTREAM.md).
          if (retryError instanceof UpstreamInvalidRequestError) this.reducedCap.delete(this.host);
          throw retryError;
        }
      }
      throw error;
    }
  }

  private pageSizeFor(): number {
    const size = this.options.pageSize ?? MAX_INVENTORY_PAGE_SIZE;
    return this.reducedCap.has(this.host) ? Math.min(size, FALLBACK_PAGE_SIZE) : size;
  }

  private requestPage(
    target: InventoryTarget,
    cursor: string | undefined,
    count: number,
    request: InventoryRequest,
    onCursor: (next: string, count: number) => boolean,
  ) {
    const url = new URL(
      `/inventory/${target.steamid64}/${target.appid}/${target.contextid}`,
      this.options.communityUrl,
    );
    url.searchParams.set('l', request.language ?? this.options.language ?? 'english');
    url.searchParams.set('count', String(count));
    if (cursor) url.searchParams.set('start_assetid', cursor);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.cookies) headers.cookie = this.options.cookies;
    return this.options.http.request(
      {
        service: 'steam-community',
        url,
        headers,
        pace: communityPace(this.options),
        ...(request.signal ? { signal: request.signal } : {}),
        onBody: (bytes, status) => {
          const next = status === 200 ? peekNextCursor(bytes) : undefined;
          return next !== undefined && onCursor(next, count);
        },
      },
      (res) => interpretInventoryPage(res, target, { count, withCookies: Boolean(this.options.cookies) }),
    );
  }
}

/**
 * `016` is context 16: Steam's paths take the number without leading zeros, and callers that
 * key caches by context (the gateway) must see one spelling. Anything else is left for the check.
 */
export function canonicalContextId(text: string): string {
  return text.trim().replace(/^0+(?=\d)/, '');
}

function validateTarget(request: InventoryRequest): InventoryTarget {
  const steamid64 = toSteamId64(String(request.steamid));
  const appid = String(request.appid).trim();
  if (!/^\d{1,10}$/.test(appid) || Number(appid) <= 0) {
    throw new InvalidInputError(
      `app id must be a positive number (CS2 is 730), got "${request.appid}"`,
      'appid',
    );
  }
  const contextid = canonicalContextId(String(request.contextid));
  if (!/^\d{1,20}$/.test(contextid)) {
    throw new InvalidInputError(
      `context id must be a number (usually 2; 6 for Steam items), got "${request.contextid}"`,
      'contextid',
    );
  }
  if (request.limit !== undefined && (!Number.isInteger(request.limit) || request.limit < 1)) {
    throw new InvalidInputError(`limit must be a whole number above 0, got "${request.limit}"`, 'limit');
  }
  return { steamid64, appid: Number(appid), contextid };
}

/**
 * Drops assets whose id was already seen (a duplicate from pages shifting while Steam was
 * read) and records the rest; copies the list only when something is dropped.
 */
function withoutSeen(assets: RawAsset[], seen: Set<string>): RawAsset[] {
  let dropped: Set<number> | undefined;
  for (let i = 0; i < assets.length; i++) {
    const before = seen.size;
    seen.add((assets[i] as RawAsset).assetid);
    if (seen.size === before) (dropped ??= new Set()).add(i);
  }
  return dropped ? assets.filter((_, i) => !dropped.has(i)) : assets;
}

function isTruthy(value: unknown): boolean {
  return value === 1 || value === true || value === '1';
}

function meta() {
  return { service: 'steam-community' as const };
}
