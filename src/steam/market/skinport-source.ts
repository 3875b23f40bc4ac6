/**
 * @module steam/market/skinport-source
 * Skinport's public bulk prices, `GET /v1/items?app_id=&currency=&tradable=0`: no key, one
 * array for the whole app in one currency (UPSTREAM.md). Prices are decimal numbers (or
 * null); the lowest listing (`min_price`) is the price, Skinport's `suggested_price` when
 * nothing is listed. Skinport answers only clients that accept Brotli (406 otherwise, as
 * reported by many of its clients), caches for minutes and allows a few requests per five
 * minutes, so requests are paced on a key of their own.
 */
import {
  InvalidInputError,
  MalformedResponseError,
  RateLimitError,
  UpstreamInvalidRequestError,
  UpstreamUnavailableError,
  type GamestashErrorOptions,
} from '../../core/errors.js';
import { parseRetryAfter } from '../../core/http/backoff.js';
import type { HttpClient, HttpResponse } from '../../core/http/client.js';
import { redactedExcerpt } from '../../core/http/redact.js';
import type { Currency } from './currencies.js';
import { numberToMinor } from './money.js';
import type { PriceBatch, PriceQuote, PriceRequest, PriceSource } from './price-source.js';

/** Apps Skinport sells items of. */
export const SKINPORT_APPS: readonly number[] = [730, 252490];

/** Currencies Skinport's API prices in. */
export const SKINPORT_CURRENCIES: readonly string[] = [
  'AUD',
  'BRL',
  'CAD',
  'CHF',
  'CNY',
  'CZK',
  'DKK',
  'EUR',
  'GBP',
  'HRK',
  'NOK',
  'PLN',
  'RUB',
  'SEK',
  'TRY',
  'USD',
];

export interface SkinportSourceOptions {
  http: HttpClient;
  /** Base URL (GAMESTASH_SKINPORT_URL), e.g. https://api.skinport.com or the emulator. */
  url: string;
  /** Spacing between requests (Skinport allows about 8 per 5 minutes). */
  intervalMs: number;
  maxQueueWaitMs?: number | undefined;
}

interface RawSkinportItem {
  market_hash_name?: unknown;
  currency?: unknown;
  suggested_price?: unknown;
  min_price?: unknown;
  quantity?: unknown;
}

export class SkinportSource implements PriceSource {
  readonly id = 'skinport' as const;
  readonly label = 'Skinport';

  constructor(private readonly options: SkinportSourceOptions) {}

  check(appid: number, currency: Currency): void {
    if (!SKINPORT_APPS.includes(appid)) {
      throw new InvalidInputError(
        `Skinport does not price app ${appid}: it prices ${SKINPORT_APPS.join(', ')} (CS2, Rust); use the steam source for other apps`,
        'appid',
      );
    }
    if (!SKINPORT_CURRENCIES.includes(currency.code)) {
      throw new InvalidInputError(
        `Skinport does not price in ${currency.code}: use one of ${SKINPORT_CURRENCIES.join(', ')}`,
        'currency',
      );
    }
  }

  async prices(request: PriceRequest): Promise<PriceBatch> {
    this.check(request.appid, request.currency);
    const url = new URL('/v1/items', this.options.url);
    url.searchParams.set('app_id', String(request.appid));
    url.searchParams.set('currency', request.currency.code);
    url.searchParams.set('tradable', '0');
    const batch = await this.options.http.request(
      {
        service: 'skinport',
        url,
        headers: { accept: 'application/json', 'accept-encoding': 'br, gzip' },
        pace: {
          // Its own budget, even when one host serves both (the emulator).
          key: `skinport:${new URL(this.options.url).host}`,
          intervalMs: this.options.intervalMs,
          // Its window is five minutes: a 429 without a hint waits most of one.
          rateLimitCooldownMs: 120_000,
          ...(this.options.maxQueueWaitMs === undefined ? {} : { maxWaitMs: this.options.maxQueueWaitMs }),
        },
        ...(request.signal ? { signal: request.signal } : {}),
      },
      (res) => interpretSkinport(res, request, Date.now()),
    );
    request.onProgress?.(1, 1);
    return batch;
  }
}

export function interpretSkinport(res: HttpResponse, request: PriceRequest, observedAt: number): PriceBatch {
  const options = (): GamestashErrorOptions => ({
    service: 'skinport',
    status: res.status,
    request: res.request,
    body: redactedExcerpt(res.body),
  });
  const what = `Skinport's prices for app ${request.appid} in ${request.currency.code}`;
  if (res.status === 429) {
    throw new RateLimitError(
      'Skinport rate limited this IP',
      parseRetryAfter(res.headers['retry-after']),
      options(),
    );
  }
  if (res.status === 406) {
    throw new UpstreamInvalidRequestError(
      `Skinport refused ${what}: it answers only Brotli-compressed requests`,
      options(),
    );
  }
  if (res.status >= 400 && res.status < 500) {
    throw new UpstreamInvalidRequestError(
      `Skinport rejected ${what} (${res.status}): ${errorText(res.body)}`,
      options(),
    );
  }
  if (res.status >= 500) {
    throw new UpstreamUnavailableError(`Skinport failed to answer ${what} (HTTP ${res.status})`, {
      ...options(),
      retryable: true,
    });
  }
  let items: unknown;
  try {
    items = JSON.parse(res.body);
  } catch {
    items = undefined;
  }
  if (!Array.isArray(items)) {
    throw new MalformedResponseError(`Skinport sent something other than a list for ${what}`, {
      ...options(),
      retryable: true,
    });
  }
  const quotes: PriceQuote[] = [];
  const warnings: string[] = [];
  for (const raw of items as RawSkinportItem[]) {
    const quote = quoteOf(raw, request.currency, observedAt, warnings);
    if (quote) quotes.push(quote);
  }
  return {
    source: 'skinport',
    appid: request.appid,
    currency: request.currency.code,
    scope: 'app',
    quotes,
    requests: 1,
    warnings,
  };
}

function quoteOf(
  raw: RawSkinportItem,
  currency: Currency,
  observedAt: number,
  warnings: string[],
): PriceQuote | undefined {
  const name = raw.market_hash_name;
  if (typeof name !== 'string' || !name) return undefined;
  if (raw.currency !== undefined && raw.currency !== currency.code) {
    warnings.push(`${name}: priced in ${String(raw.currency)}, not ${currency.code}; skipped`);
    return undefined;
  }
  const listings = typeof raw.quantity === 'number' ? raw.quantity : undefined;
  const value = typeof raw.min_price === 'number' ? raw.min_price : raw.suggested_price;
  if (value === null || value === undefined)
    return { marketHashName: name, price: undefined, observedAt, listings };
  const amount = typeof value === 'number' ? numberToMinor(value, currency.digits) : undefined;
  if (amount === undefined || amount <= 0) {
    warnings.push(`${name}: price ${JSON.stringify(value)} is not an amount; skipped`);
    return undefined;
  }
  return { marketHashName: name, price: { amount, currency: currency.code }, observedAt, listings };
}

/** `{"errors": [{"id": "...", "message": "..."}]}`, Skinport's error shape. */
function errorText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { errors?: { id?: string; message?: string }[] };
    const first = parsed.errors?.[0];
    if (first) return first.message ?? first.id ?? 'no reason given';
  } catch {
    /* not JSON */
  }
  return 'no reason given';
}
