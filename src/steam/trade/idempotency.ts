/**
 * @module steam/trade/idempotency
 * The idempotency key's state machine (like Stripe's), apart from HTTP so it is tested on
 * its own. A `pending` record with the request's fingerprint and the attempt's start is
 * written *before* sending and completed with the offer after:
 *
 * - no record: write it, send, complete it (or forget it when certainly nothing was sent);
 * - `sent` with the same fingerprint: the same offer again (`replayed`);
 * - another fingerprint: refused (`different_request`), nothing sent;
 * - `pending`: an earlier attempt crashed between send and store, or another process is
 *   sending now. Steam is asked first; an offer found completes the record. None found while
 *   the record's lease runs: refused (`in_progress`). None found after: this call takes the
 *   record over (atomically: of two, one wins) and sends.
 */
import {
  IdempotencyConflictError,
  InvalidInputError,
  QueueTimeoutError,
  RateLimitError,
  SessionExpiredError,
  TradeOfferRefusedError,
  TradeOutcomeUnknownError,
  UpstreamInvalidRequestError,
  UpstreamUnavailableError,
} from '../../core/errors.js';
import type { SendResult, TradeWarning } from './model.js';
import type { Reconciliation } from './reconcile.js';
import type { TradeStateStore } from './state-store.js';

export interface KeyedSend {
  key: string;
  sender: string;
  fingerprint: string;
  /** The request without its token, as JSON. */
  request: string;
}

export interface KeyedSendDeps {
  store: TradeStateStore;
  now: () => number;
  leaseMs: number;
  warn: (warning: TradeWarning) => void;
  /** Runs before the send (the trade protection acknowledgement); its failure sends nothing. */
  prepare?: () => Promise<void>;
  /** Sends (reconciling a lost answer itself); offers created since `attemptStartedAt` count. */
  send: (attemptStartedAt: number) => Promise<SendResult>;
  /** Looks for an offer an earlier attempt made since `attemptStartedAt`. */
  reconcile: (attemptStartedAt: number) => Promise<Reconciliation>;
  /**
   * Completes a new or found offer before its record is (e.g. confirms it), so a replay
   * answers what the first call answered, without asking Steam again. Must not throw.
   */
  finish?: (result: SendResult) => Promise<SendResult>;
}

/** Errors after which no offer exists: the pending record can go, and the key be used again. */
export function nothingWasSent(error: unknown): boolean {
  return (
    error instanceof TradeOfferRefusedError ||
    error instanceof SessionExpiredError ||
    error instanceof RateLimitError ||
    error instanceof QueueTimeoutError ||
    error instanceof InvalidInputError ||
    error instanceof UpstreamInvalidRequestError ||
    (error instanceof UpstreamUnavailableError && error.code === 'send_not_created')
  );
}

export async function sendUnderKey(request: KeyedSend, deps: KeyedSendDeps): Promise<SendResult> {
  const { key, fingerprint } = request;
  const { store } = deps;
  const startedAt = deps.now();
  const begun = await store.beginSend({ ...request, startedAt, leaseUntil: startedAt + deps.leaseMs });
  const record = begun.record;
  if (!begun.created) {
    if (record.fingerprint !== fingerprint) {
      throw new IdempotencyConflictError(
        `idempotency key "${key}" was first used at ${new Date(record.startedAt).toISOString()} for a different offer: use a new key for a new offer`,
        'different_request',
      );
    }
    if (record.status === 'sent' && record.result) {
      return { ...(JSON.parse(record.result) as SendResult), replayed: true };
    }
    const look = await deps.reconcile(record.startedAt);
    if ('found' in look) {
      const result = await finished(deps, { ...look.found, replayed: true });
      await complete(deps, key, result);
      return result;
    }
    const now = deps.now();
    const inProgress = () =>
      new IdempotencyConflictError(
        `a send under idempotency key "${key}" started at ${new Date(record.startedAt).toISOString()} may still be running and no offer from it shows yet: try again after ${new Date(record.leaseUntil).toISOString()}`,
        'in_progress',
        { retryAfterMs: Math.max(0, record.leaseUntil - now) },
      );
    if (record.leaseUntil > now) throw inProgress();
    if (!(await store.takeOverSend(key, record.leaseUntil, now + deps.leaseMs))) throw inProgress();
  }

  try {
    await deps.prepare?.();
  } catch (error) {
    await store.releaseSend(key).catch(() => undefined);
    throw error;
  }
  let result: SendResult;
  try {
    // Offers since the first attempt count: a crashed one may have made it.
    result = await deps.send(record.startedAt);
  } catch (error) {
    if (error instanceof TradeOutcomeUnknownError) {
      throw new TradeOutcomeUnknownError(
        `${error.message}, or call send again with idempotency key "${key}", which checks again before sending`,
        { service: error.service, cause: error.cause ?? error },
      );
    }
    if (nothingWasSent(error)) await store.releaseSend(key).catch(() => undefined);
    throw error;
  }
  result = await finished(deps, result);
  await complete(deps, key, result);
  return result;
}

function finished(deps: KeyedSendDeps, result: SendResult): Promise<SendResult> {
  return deps.finish ? deps.finish(result) : Promise.resolve(result);
}

/** A store failure here is a warning: the offer was sent, and the pending record will be reconciled. */
async function complete(deps: KeyedSendDeps, key: string, result: SendResult): Promise<void> {
  try {
    await deps.store.completeSend(key, {
      offerId: result.id,
      result: JSON.stringify({ ...result, replayed: false }),
      completedAt: deps.now(),
    });
  } catch (error) {
    deps.warn({
      code: 'store',
      offerId: result.id,
      message: `offer ${result.id} was sent, but the record of idempotency key "${key}" could not be completed (${(error as Error).message}): the next call with this key will find the offer among the sent offers`,
    });
  }
}
