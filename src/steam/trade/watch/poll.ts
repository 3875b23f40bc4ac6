/**
 * @module steam/trade/watch/poll
 * One poll of an account's offers, recorded in one transaction or not at all.
 *
 * GetTradeOffers (through the trade client, with the access token) for the active offers plus
 * those updated since Steam's newest change seen minus `historicalWindowMs` (Steam backdates
 * some changes: UPSTREAM.md, node-steam-tradeoffer-manager's 30 minutes); a full poll reaches
 * `fullPollLookbackMs` back. The client already refuses Steam's glitched lists (a bare
 * `{"response":{}}`, offers without partner or items, "Data temporarily unavailable"): those
 * fail the poll and nothing moves. One glitch it cannot see is a well-formed list that leaves
 * out offers: every offer the store knows as active must be in the answer (active offers are
 * always listed), so one that is missing is read on its own (GetTradeOffer). Still active: the
 * list lied (an empty answer while offers are active, say) and the poll fails. Finished: it
 * changed further back than the window reaches, and its change is recorded like any other.
 * The cursor moves only when every missing offer was accounted for.
 */
import { GamestashError, MalformedResponseError } from '../../../core/errors.js';
import type { SteamTradeClient } from '../client.js';
import type { Offer } from '../model.js';
import { isActiveOfferState, TradeOfferState } from '../states.js';
import type { OfferEvent, PollSuccessEvent } from './events.js';
import { compareIds, observe, type ObservedWarning } from './observe.js';
import type { ResolvedWatchOptions } from './options.js';
import type { KnownOffer, NewStoredEvent, OfferWatchStore, WatchCursor } from './watch-store.js';

/** What the watcher needs of the trade client. */
export type WatchedTradeClient = Pick<SteamTradeClient, 'listAll' | 'get' | 'cancel' | 'tradeStatus' | 'me'>;

export interface PollContext {
  trade: WatchedTradeClient;
  store: OfferWatchStore;
  account: string;
  options: ResolvedWatchOptions;
  signal: AbortSignal;
}

export interface PollOutcome {
  account: string;
  full: boolean;
  offers: number;
  events: OfferEvent[];
  warnings: ObservedWarning[];
  cursor: WatchCursor | undefined;
  advanced: boolean;
  /** Every offer row touched or known active, after the poll. */
  known: Map<string, KnownOffer>;
  /** The offers as Steam showed them in this poll. */
  polled: Map<string, Offer>;
}

const ACTIVE_STATES = [
  TradeOfferState.Active,
  TradeOfferState.CreatedNeedsConfirmation,
  TradeOfferState.InEscrow,
] as const;

/** The list left out an offer that is still active: not to be trusted. */
export class InconsistentListError extends MalformedResponseError {
  constructor(offerId: string, state: number, listed: number) {
    super(
      `Steam's offer list (${listed} offers) left out offer ${offerId}, which is still active (state ${state}): a glitched answer, not recorded`,
      { service: 'steam-webapi', retryable: true, code: 'offer_list_incomplete' },
    );
  }
}

export function storedEvent(event: OfferEvent): NewStoredEvent {
  return {
    id: event.id,
    kind: event.event,
    offerId: event.offerId,
    payload: JSON.stringify(event),
    recordedAt: Date.parse(event.at),
  };
}

export async function pollOnce(ctx: PollContext, full: boolean): Promise<PollOutcome> {
  const { trade, store, account, options, signal } = ctx;
  const startedAt = options.now();
  const cursor = await store.cursor(account);
  const since = cursor?.offersSince ?? null;
  const window = full
    ? Math.max(options.fullPollLookbackMs, options.historicalWindowMs)
    : options.historicalWindowMs;
  const cutoff = Math.min(since ?? startedAt, startedAt) - window;
  const read = {
    signal,
    descriptions: options.descriptions,
    ...(options.language ? { language: options.language } : {}),
  };
  const listed = await trade.listAll({
    filter: 'active',
    historicalCutoff: new Date(Math.max(0, cutoff)),
    ...read,
  });
  const known = new Map(
    (
      await store.knownOffers(
        account,
        listed.map((offer) => offer.id),
        ACTIVE_STATES,
      )
    ).map((row) => [row.offerId, row]),
  );

  const listedIds = new Set(listed.map((offer) => offer.id));
  // Newest first: the likeliest to be still active, so a list that lied is caught in one read.
  const missing = [...known.values()]
    .filter((row) => isActiveOfferState(row.state) && !listedIds.has(row.offerId))
    .sort((a, b) => compareIds(b.offerId, a.offerId));
  const lookedUp: Offer[] = [];
  for (const row of missing.slice(0, options.maxLookupsPerPoll)) {
    const offer = await trade.get(row.offerId, read);
    if (isActiveOfferState(offer.state))
      throw new InconsistentListError(offer.id, offer.state, listed.length);
    lookedUp.push(offer);
  }
  const complete = lookedUp.length === missing.length;

  const offers = [...listed, ...lookedUp];
  const seen = observe({
    account,
    known,
    offers,
    baseline: cursor === undefined,
    now: startedAt,
    reversalCheckIntervalMs: options.reversalCheckIntervalMs,
    reversalWindowMs: options.reversalWindowMs,
  });
  let next: WatchCursor | undefined;
  if (complete) {
    let newest = since;
    for (const offer of offers) {
      const updated = offer.updated === null ? null : Date.parse(offer.updated);
      if (updated !== null && (newest === null || updated > newest)) newest = updated;
    }
    next = {
      account,
      offersSince: newest,
      baselineAt: cursor?.baselineAt ?? startedAt,
      polledAt: startedAt,
      fullPolledAt: full ? startedAt : (cursor?.fullPolledAt ?? null),
    };
  }
  await store.commit({ account, offers: seen.writes, events: seen.events.map(storedEvent), cursor: next });
  return {
    account,
    full,
    offers: offers.length,
    events: seen.events,
    warnings: seen.warnings,
    cursor: next ?? cursor,
    advanced: complete,
    known: seen.after,
    polled: new Map(offers.map((offer) => [offer.id, offer])),
  };
}

/** A poll failure as the `pollFailure` event carries it (no stack, no secrets: messages are redacted upstream). */
export function describeFailure(error: unknown): {
  kind: string;
  message: string;
  code?: string | number | undefined;
  retryable: boolean;
} {
  if (error instanceof GamestashError) {
    return { kind: error.kind, message: error.message, code: error.code, retryable: error.retryable };
  }
  return { kind: 'error', message: error instanceof Error ? error.message : String(error), retryable: true };
}

/** The `pollSuccess` news of a recorded poll. */
export function successEvent(outcome: PollOutcome, id: string, now: number): PollSuccessEvent {
  const since = outcome.cursor?.offersSince;
  return {
    event: 'pollSuccess',
    id,
    account: outcome.account,
    at: new Date(now).toISOString(),
    full: outcome.full,
    offers: outcome.offers,
    events: outcome.events.length,
    cursor: since === undefined || since === null ? null : new Date(since).toISOString(),
    advanced: outcome.advanced,
  };
}
