/**
 * @module steam/trade/watch/observe
 * The watcher's known states, one module: what a polled offer means against what the store
 * knows of it — a new row and maybe an event (first sighting), a state change and its event,
 * a quiet update (times, trade id), or nothing. Pure: no requests, no store, so every rule is
 * tested on its own (observe.test.ts).
 *
 * - First sighting of an offer waiting on someone — received Active, or sent Active or
 *   awaiting confirmation — is `newOffer` / `newSentOffer`. Any other first sighting is a
 *   change from `null`, except on the very first poll of an account (the baseline), where
 *   offers already past their start are recorded silently rather than replayed.
 * - A change the offer state machine forbids (out of a final state, backwards) is one of
 *   Steam's stale or glitched answers: ignored, with a warning, the known state kept.
 * - An offer reaching Accepted with a trade id is scheduled for reversal checks until the
 *   end of the trade protection window (UPSTREAM.md, 2025-07).
 */
import type { Offer } from '../model.js';
import { canTransition, isFinalOfferState, TradeOfferState } from '../states.js';
import { changedEvent, offerEventId, type OfferEvent } from './events.js';
import type { KnownOffer, OfferWrite } from './watch-store.js';

export interface ObserveInput {
  account: string;
  /** What the store knows of these offers (and of every active one). */
  known: ReadonlyMap<string, KnownOffer>;
  offers: readonly Offer[];
  /** The account's first poll: nothing is known, finished offers are history. */
  baseline: boolean;
  now: number;
  reversalCheckIntervalMs: number;
  reversalWindowMs: number;
}

export interface ObservedWarning {
  offerId: string;
  message: string;
}

export interface Observation {
  writes: OfferWrite[];
  events: OfferEvent[];
  warnings: ObservedWarning[];
  /** Every offer's row after this observation (known ones untouched included). */
  after: Map<string, KnownOffer>;
}

const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/** Offer ids are 64-bit numbers in strings: shorter is smaller. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Where an offer starts: received offers Active, sent ones Active or awaiting confirmation. */
function isStartState(offer: Offer): boolean {
  return (
    offer.state === TradeOfferState.Active ||
    (offer.isOurOffer && offer.state === TradeOfferState.CreatedNeedsConfirmation)
  );
}

/** The row for `offer` now, carrying over what only the watcher knows. */
export function nextRow(
  previous: KnownOffer | undefined,
  offer: Offer,
  input: Pick<ObserveInput, 'now' | 'reversalCheckIntervalMs' | 'reversalWindowMs'>,
): KnownOffer {
  const row: KnownOffer = {
    offerId: offer.id,
    isOurOffer: offer.isOurOffer,
    state: offer.state,
    createdAt: ms(offer.created),
    updatedAt: ms(offer.updated) ?? previous?.updatedAt ?? null,
    seenAt: previous?.seenAt ?? input.now,
    tradeId: offer.tradeId ?? previous?.tradeId ?? null,
    acceptedAt: previous?.acceptedAt ?? null,
    reversalDueAt: previous?.reversalDueAt ?? null,
    reversalUntil: previous?.reversalUntil ?? null,
    revertedAt: previous?.revertedAt ?? null,
  };
  if (offer.state === TradeOfferState.Accepted && row.tradeId && row.acceptedAt === null) {
    row.acceptedAt = row.updatedAt ?? input.now;
    row.reversalUntil = row.acceptedAt + input.reversalWindowMs;
    row.reversalDueAt =
      row.reversalUntil > input.now
        ? Math.min(input.now + input.reversalCheckIntervalMs, row.reversalUntil)
        : null;
  }
  return row;
}

function sameRow(a: KnownOffer, b: KnownOffer): boolean {
  return (Object.keys(a) as (keyof KnownOffer)[]).every((key) => a[key] === b[key]);
}

export function observe(input: ObserveInput): Observation {
  const { account, known, baseline } = input;
  const at = new Date(input.now).toISOString();
  const after = new Map(known);
  const writes: OfferWrite[] = [];
  const events: OfferEvent[] = [];
  const warnings: ObservedWarning[] = [];
  // Oldest change first, so events come in the order things happened.
  const offers = [...input.offers].sort(
    (a, b) => (ms(a.updated) ?? 0) - (ms(b.updated) ?? 0) || compareIds(a.id, b.id),
  );
  for (const offer of offers) {
    const previous = known.get(offer.id);
    const base = { account, offerId: offer.id, at, offer };
    if (previous && previous.state !== offer.state) {
      if (isFinalOfferState(previous.state) || !canTransition(previous.state, offer.state)) {
        warnings.push({
          offerId: offer.id,
          message: `Steam listed offer ${offer.id} as ${offer.stateName} (${offer.state}) after ${previous.state}: a stale answer, ignored`,
        });
        continue;
      }
    }
    const row = nextRow(previous, offer, input);
    if (!previous) {
      writes.push({ offer: row, expectedState: null });
      if (isStartState(offer)) {
        const kind = offer.isOurOffer ? 'newSentOffer' : 'newOffer';
        events.push({ event: kind, id: offerEventId(account, offer.id, offer.state), ...base });
      } else if (!baseline) {
        events.push(changedEvent(base, null));
      }
    } else if (previous.state !== offer.state) {
      writes.push({ offer: row, expectedState: previous.state });
      events.push(changedEvent(base, previous.state));
    } else if (!sameRow(previous, row)) {
      writes.push({ offer: row, expectedState: previous.state });
    }
    after.set(offer.id, row);
  }
  return { writes, events, warnings, after };
}
