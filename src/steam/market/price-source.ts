/**
 * @module steam/market/price-source
 * One interface over every place prices come from: prices for many market hash names of one
 * app, in one currency, each with the time it was observed. A source either prices a whole
 * app in one pass (`scope: 'app'`: a name it did not send has no price there) or the names
 * asked for (`scope: 'names'`: each name asked gets a quote, priced or not).
 */
import { GamestashError, InvalidInputError, UpstreamError } from '../../core/errors.js';
import type { Currency } from './currencies.js';
import type { Money } from './money.js';

export const PRICE_SOURCE_IDS = ['steam', 'skinport'] as const;
export type PriceSourceId = (typeof PRICE_SOURCE_IDS)[number];

export interface PriceQuote {
  marketHashName: string;
  /** The price of one unit; undefined when the source was asked and has none (never 0 instead). */
  price: Money | undefined;
  /** Epoch ms when the source observed it. */
  observedAt: number;
  /** Listings behind the price, when the source says. */
  listings?: number | undefined;
}

export interface PriceRequest {
  appid: number;
  currency: Currency;
  /** The names wanted; absent: the whole app. A source may price the whole app anyway. */
  names?: readonly string[] | undefined;
  signal?: AbortSignal | undefined;
  /** Called after each upstream request: requests made so far, and an estimate of all. */
  onProgress?: ((done: number, total: number | undefined) => void) | undefined;
}

export interface PriceBatch {
  source: PriceSourceId;
  appid: number;
  currency: string;
  /** `app`: every name the source prices is here, so an absent name is unpriced. */
  scope: 'app' | 'names';
  quotes: PriceQuote[];
  /** Upstream requests this batch cost. */
  requests: number;
  /** Entries skipped, e.g. a price that did not parse (never turned into 0). */
  warnings: string[];
}

export interface PriceSource {
  readonly id: PriceSourceId;
  /** For people: "Steam Community Market". */
  readonly label: string;
  /** Throws InvalidInputError (before any request) when this source cannot price the app or currency. */
  check(appid: number, currency: Currency, options?: { names?: number }): void;
  prices(request: PriceRequest): Promise<PriceBatch>;
}

export function requireSourceId(input: string, parameter = 'source'): PriceSourceId {
  const text = input.trim().toLowerCase();
  if ((PRICE_SOURCE_IDS as readonly string[]).includes(text)) return text as PriceSourceId;
  throw new InvalidInputError(
    `unknown price source "${input}": use one of ${PRICE_SOURCE_IDS.join(', ')}`,
    parameter,
  );
}

/**
 * A pass that failed part-way: the prices it did read are real observations (worth keeping),
 * but a name it never reached says nothing. `cause` is the failure itself.
 */
export class PartialPricesError extends UpstreamError {
  override readonly kind = 'partial_prices';
  constructor(
    message: string,
    readonly partial: PriceBatch,
    readonly failure: unknown,
  ) {
    super(message, {
      ...(failure instanceof GamestashError
        ? {
            service: failure.service,
            ...(failure.status === undefined ? {} : { status: failure.status }),
            retryable: failure.retryable,
          }
        : {}),
      cause: failure,
    });
  }
}
