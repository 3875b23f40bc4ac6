/**
 * @module gateway/services/webapi-service
 * The Steam Web API for the gateway's routes, answered with the operator's STEAM_API_KEY
 * (never echoed): the generic caller for GET methods only, and the typed methods. Answers
 * are cached like inventories (memory, then the store shared by every instance, one upstream
 * call per key at a time through Redis when configured), for a time set per method family.
 * Answers do not depend on the caller: one cached copy serves every gateway key.
 */
import { createHash } from 'node:crypto';
import { NotFoundError, StoreUnavailableError } from '../../core/errors.js';
import { redactText } from '../../core/http/redact.js';
import { checkFormat, type RawWebApiResponse, type SteamWebApiClient } from '../../steam/webapi/index.js';
import type { CacheEntryStore } from '../../store/cache-entries.js';
import type { GatewayConfig } from '../config.js';
import { GatewayProblem } from '../problem.js';
import type { CacheWriter } from './cache-writer.js';
import type { MemoryCache } from './memory-cache.js';
import type { GatewayMetrics } from './metrics.js';
import type { SingleFlight } from './single-flight.js';
import { webApiFamilyOf, webApiTtlOf, type WebApiFamily } from './webapi-families.js';

/** One cached answer, as stored (`body`) and as served (`value`). */
export interface WebApiEntry {
  value: unknown;
  storedAt: number;
  weight: number;
}

export interface WebApiAnswer<T> {
  value: T;
  cache: 'hit' | 'miss';
  /** Since Steam answered. */
  ageMs: number;
}

export interface WebApiServiceOptions {
  /** Undefined when the gateway has no STEAM_API_KEY: every Web API route then answers 503. */
  client: SteamWebApiClient | undefined;
  ttls: GatewayConfig['webApiTtlMs'];
  store: CacheEntryStore;
  writes: CacheWriter;
  memory: MemoryCache<WebApiEntry>;
  flights: SingleFlight<WebApiEntry>;
  metrics: GatewayMetrics;
}

export class WebApiService {
  constructor(private readonly options: WebApiServiceOptions) {}

  /**
   * A GET method Steam lists, checked before anything is sent (an unknown name is a 400 with
   * the closest one); a POST method is refused (405). Steam's answer untouched, in the format
   * asked, cached per method, format and parameters.
   */
  async call(
    path: string,
    params: readonly string[],
    { format, fresh }: { format?: string | undefined; fresh: boolean },
  ): Promise<WebApiAnswer<RawWebApiResponse>> {
    const client = this.client();
    const target = await client.check(path, params, { format });
    const name = `${target.interface}/${target.method}/v${target.version}`;
    if (target.http === 'POST') {
      throw new GatewayProblem(
        405,
        'method_not_allowed',
        `${name} is a POST method in Steam's list (it changes something): the gateway relays GET methods only`,
        { allow: 'GET, HEAD' },
      );
    }
    const key = webApiCacheKey(name, `${checkFormat(format)}:${canonicalParams(params)}`);
    return this.cached(key, webApiFamilyOf(target.interface, target.method), fresh, async () => {
      const raw = await client.call(name, params, { format, method: 'GET', raw: true });
      // Steam may echo a parameter back; the operator's key must never reach a caller.
      return { ...raw, body: redactText(raw.body) };
    });
  }

  /**
   * A typed method's result (`method` is `Interface/Method`, for its family), cached under
   * the method and its arguments; `load` is the one library call.
   */
  typed<T>(
    method: string,
    args: readonly unknown[],
    fresh: boolean,
    load: (client: SteamWebApiClient) => Promise<T>,
  ): Promise<WebApiAnswer<T>> {
    const client = this.client();
    const [iface = '', name = ''] = method.split('/');
    const key = webApiCacheKey(method, JSON.stringify(args));
    return this.cached(key, webApiFamilyOf(iface, name), fresh, () => load(client));
  }

  /** Throws the 503 when the gateway has no key: before a route resolves any name upstream. */
  requireConfigured(): void {
    this.client();
  }

  private client(): SteamWebApiClient {
    if (this.options.client) return this.options.client;
    throw new GatewayProblem(
      503,
      'webapi_not_configured',
      'this gateway has no Steam Web API key: its operator must start it with STEAM_API_KEY set',
    );
  }

  private async cached<T>(
    key: string,
    family: WebApiFamily,
    fresh: boolean,
    load: () => Promise<T>,
  ): Promise<WebApiAnswer<T>> {
    const { metrics, memory, writes, flights } = this.options;
    const ttl = webApiTtlOf(family, this.options.ttls);
    try {
      if (ttl === 0) {
        metrics.webApiCacheLookups.inc({ family, result: 'uncached' });
        return { value: await load(), cache: 'miss', ageMs: 0 };
      }
      const startedAt = Date.now();
      if (!fresh) {
        const cached = memory.get(key) ?? (await this.read(key));
        if (cached && startedAt - cached.storedAt < ttl) {
          metrics.webApiCacheLookups.inc({ family, result: 'hit' });
          return { value: cached.value as T, cache: 'hit', ageMs: Math.max(0, startedAt - cached.storedAt) };
        }
      }
      metrics.webApiCacheLookups.inc({ family, result: 'miss' });
      const fetch = async () => {
        const value = await load();
        const body = JSON.stringify(value);
        const entry = { value, storedAt: Date.now(), weight: body.length * 2 };
        await writes.put({ key, body, storedAt: entry.storedAt });
        memory.set(key, entry);
        return entry;
      };
      // Another instance led and stored the answer: read it (or fetch, if the store lost it).
      const flight = flights.run(key, { lead: fetch, follow: async () => (await this.read(key)) ?? fetch() });
      if (flight.joined) metrics.coalesced.inc();
      const entry = await flight.promise;
      return { value: entry.value as T, cache: 'miss', ageMs: Math.max(0, Date.now() - entry.storedAt) };
    } catch (error) {
      // "No stats for this app", "no news for this app": not the inventory routes' missing profile.
      if (error instanceof NotFoundError && error.service === 'steam-webapi') {
        throw new GatewayProblem(404, 'not_found', error.message);
      }
      throw error;
    }
  }

  /** The store's copy; none while the store is away (a miss, not an error). */
  private async read(key: string): Promise<WebApiEntry | undefined> {
    let stored;
    try {
      stored = await this.options.store.get(key);
    } catch (error) {
      if (error instanceof StoreUnavailableError) return undefined;
      throw error;
    }
    if (!stored) return undefined;
    const entry = {
      value: JSON.parse(stored.body) as unknown,
      storedAt: stored.storedAt,
      weight: stored.body.length * 2,
    };
    this.options.memory.set(key, entry);
    return entry;
  }
}

/** Longest key kept readable; the store's column holds 512 characters (store/migrations.ts). */
const MAX_READABLE_KEY = 256;

/**
 * The cache key of a question to a method: readable when short, the question's hash when long
 * (1,000 ids, a large input_json), so it always fits the store's key column.
 */
export function webApiCacheKey(method: string, question: string): string {
  const key = `steam-webapi:v1:${method}:${question}`;
  if (key.length <= MAX_READABLE_KEY) return key;
  return `steam-webapi:v1:${method}:sha256:${createHash('sha256').update(question).digest('hex')}`;
}

/**
 * Parameters in a stable order: by name, keeping the order of a name given twice (a list),
 * so `?a=1&b=2` and `?b=2&a=1` share one cache entry.
 */
function canonicalParams(params: readonly string[]): string {
  const pairs = params.map((p) => {
    const eq = p.indexOf('=');
    return eq < 0 ? [p, ''] : [p.slice(0, eq), p.slice(eq + 1)];
  });
  return JSON.stringify(pairs.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0)));
}
