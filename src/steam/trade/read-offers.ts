/**
 * @module steam/trade/read-offers
 * Offers read through IEconService: GetTradeOffers as an async iterator over its `cursor`
 * pages to the end, GetTradeOffer, GetTradeOffersSummary. A glitched answer — no
 * `next_cursor` (Steam's empty list is `{"response":{"next_cursor":0}}`, steampy #382; a bare
 * `{"response":{}}` is the glitch), offers without a partner, or offers all without items —
 * is read again and, if it stays so, reported as a retryable MalformedResponseError, never
 * as an empty list (UPSTREAM.md; node-steam-tradeoffer-manager's "Data temporarily
 * unavailable").
 */
import { InvalidInputError, MalformedResponseError, NotFoundError } from '../../core/errors.js';
import type { TradeContext } from './context.js';
import { ECON_METHODS } from './econ-methods.js';
import type { Offer, OffersSummary, RawOfferList, RawTradeOffer, WarningHook } from './model.js';
import {
  hasNoItems,
  indexDescriptions,
  isGlitchedOffer,
  normalizeOffer,
  normalizeSummary,
} from './normalize.js';
import { checkOfferId } from './send-input.js';

export type OfferFilter = 'active' | 'historical' | 'all';

export interface ListOffersOptions {
  /** Offers this account sent (default true). */
  sent?: boolean;
  /** Offers this account received (default true). */
  received?: boolean;
  /**
   * `active` (default): offers still active, plus those updated since `historicalCutoff`;
   * `historical`: finished offers (updated since `historicalCutoff`, when given); `all`: both.
   */
  filter?: OfferFilter;
  /** Steam's `time_historical_cutoff`. */
  historicalCutoff?: Date | undefined;
  /** Language of item names (default english). */
  language?: string;
  /** Join item descriptions (names, icons…); default true. */
  descriptions?: boolean;
  /** Stop after this many offers. */
  limit?: number | undefined;
  signal?: AbortSignal | undefined;
  onWarning?: WarningHook | undefined;
}

/** Where Steam's uint32 cutoff reads as "never": the manager's default of a year ahead. */
const YEAR_S = 365 * 86_400;

export interface OfferPage {
  offers: Offer[];
  /** The raw answer's `next_cursor` (0 at the end). */
  nextCursor: number;
}

function listParams(ctx: TradeContext, options: ListOffersOptions) {
  const sent = options.sent ?? true;
  const received = options.received ?? true;
  if (!sent && !received) {
    throw new InvalidInputError('ask for sent offers, received offers, or both', 'sent');
  }
  const filter = options.filter ?? 'active';
  if (!['active', 'historical', 'all'].includes(filter)) {
    throw new InvalidInputError(`filter "${filter}" is not one of active, historical, all`, 'filter');
  }
  if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 0)) {
    throw new InvalidInputError(`limit ${options.limit} is not a whole number of 0 or more`, 'limit');
  }
  const cutoffDate = options.historicalCutoff;
  if (cutoffDate !== undefined && Number.isNaN(cutoffDate.getTime())) {
    throw new InvalidInputError('historicalCutoff is not a valid date', 'historicalCutoff');
  }
  const nowS = Math.floor(ctx.now() / 1000);
  // Active with cutoff 0 would list every offer ever updated: no cutoff means "none".
  const cutoff =
    cutoffDate !== undefined
      ? Math.max(0, Math.floor(cutoffDate.getTime() / 1000))
      : filter === 'historical'
        ? 0
        : nowS + YEAR_S;
  return {
    get_sent_offers: sent,
    get_received_offers: received,
    get_descriptions: options.descriptions ?? true,
    language: options.language ?? ctx.language,
    active_only: filter === 'active',
    historical_only: filter === 'historical',
    time_historical_cutoff: cutoff,
  };
}

function glitched(what: string): MalformedResponseError {
  return new MalformedResponseError(
    `Steam's ${what} answer is glitched (Data temporarily unavailable): try again in a minute`,
    { service: 'steam-webapi', retryable: true, code: 'data_temporarily_unavailable' },
  );
}

/** Throws when a list answer is one of Steam's glitches rather than a real (possibly empty) list. */
export function checkOfferList(list: RawOfferList | undefined): asserts list is RawOfferList {
  if (!list || typeof list !== 'object' || typeof list.next_cursor !== 'number') throw glitched('offer list');
  const all = [...(list.trade_offers_sent ?? []), ...(list.trade_offers_received ?? [])];
  if (all.some(isGlitchedOffer)) throw glitched('offer list');
  if (all.length > 0 && all.every(hasNoItems)) throw glitched('offer list');
}

/** Each page of GetTradeOffers, to the end of the cursor. */
export async function* offerPages(
  ctx: TradeContext,
  options: ListOffersOptions = {},
): AsyncGenerator<OfferPage> {
  const params = listParams(ctx, options);
  const hook = options.onWarning ?? ctx.onWarning;
  const me = ctx.me();
  const seenCursors = new Set<number>();
  let cursor = 0;
  for (;;) {
    const list = await ctx.readWithRetry(async () => {
      const answer = await ctx.econ<RawOfferList>(
        ECON_METHODS.getTradeOffers,
        { ...params, cursor },
        { signal: options.signal },
      );
      checkOfferList(answer);
      return answer;
    }, options.signal);
    const descriptions = indexDescriptions(list.descriptions);
    const offers = [...(list.trade_offers_sent ?? []), ...(list.trade_offers_received ?? [])].map((raw) =>
      normalizeOffer(raw, { descriptions, me, onWarning: hook }),
    );
    const next = list.next_cursor ?? 0;
    yield { offers, nextCursor: next };
    if (!next) return;
    // A cursor seen before would loop forever (the inventory's guard, for offers).
    if (seenCursors.has(next) || next === cursor) {
      throw new MalformedResponseError(`Steam's offer list repeated its cursor ${next}`, {
        service: 'steam-webapi',
        retryable: true,
      });
    }
    seenCursors.add(cursor);
    cursor = next;
  }
}

/** Every matching offer, sent ones first on each page; `limit` stops early. */
export async function* listOffers(ctx: TradeContext, options: ListOffersOptions = {}): AsyncGenerator<Offer> {
  const limit = options.limit ?? Infinity;
  if (limit <= 0) {
    listParams(ctx, options);
    return;
  }
  const seen = new Set<string>();
  let count = 0;
  for await (const page of offerPages(ctx, options)) {
    for (const offer of page.offers) {
      if (seen.has(offer.id)) continue;
      seen.add(offer.id);
      yield offer;
      if (++count >= limit) return;
    }
  }
}

export interface GetOfferOptions {
  language?: string;
  descriptions?: boolean;
  signal?: AbortSignal | undefined;
  onWarning?: WarningHook | undefined;
}

/** One offer by id; NotFoundError when this account cannot see it. */
export async function getOffer(ctx: TradeContext, id: string, options: GetOfferOptions = {}): Promise<Offer> {
  const offerId = checkOfferId(id);
  const answer = await ctx.readWithRetry(async () => {
    const response = await ctx.econ<{ offer?: RawTradeOffer; descriptions?: RawOfferList['descriptions'] }>(
      ECON_METHODS.getTradeOffer,
      {
        tradeofferid: offerId,
        language: options.language ?? ctx.language,
        get_descriptions: options.descriptions ?? true,
      },
      { signal: options.signal },
    );
    if (response?.offer && isGlitchedOffer(response.offer)) throw glitched(`offer ${offerId}`);
    return response;
  }, options.signal);
  if (!answer?.offer) {
    const keyOnly = !ctx.session();
    throw new NotFoundError(
      `no trade offer ${offerId} visible to this account${keyOnly ? ' (with an API key Steam hides CS2 offers: set STEAM_COOKIES)' : ''}`,
      { service: 'steam-webapi', code: 'offer_not_found' },
    );
  }
  return normalizeOffer(answer.offer, {
    descriptions: indexDescriptions(answer.descriptions),
    me: ctx.me(),
    onWarning: options.onWarning ?? ctx.onWarning,
  });
}

/** GetTradeOffersSummary: counts of pending, new and updated offers. */
export async function offersSummary(
  ctx: TradeContext,
  options: { timeLastVisit?: Date | undefined; signal?: AbortSignal | undefined } = {},
): Promise<OffersSummary> {
  const answer = await ctx.readWithRetry(
    () =>
      ctx.econ<Record<string, unknown>>(
        ECON_METHODS.getTradeOffersSummary,
        {
          time_last_visit:
            options.timeLastVisit === undefined ? 0 : Math.floor(options.timeLastVisit.getTime() / 1000),
        },
        { signal: options.signal },
      ),
    options.signal,
  );
  return normalizeSummary(answer ?? {});
}
