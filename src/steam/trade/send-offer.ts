/**
 * @module steam/trade/send-offer
 * The public send: input checked before any request, trade protection acknowledged once,
 * then send.ts — under an idempotency key when one is given. With a key (like Stripe's), a
 * `pending` record holding the request's fingerprint and the attempt's start is written
 * *before* sending and completed with the offer after; the same key returns the same offer
 * across calls and processes, and the same key with another request is refused. A pending
 * record found at start (a crash between the send and the store) is reconciled against
 * Steam before anything is sent; while its lease runs, another process may still be
 * sending, so nothing is sent until it ends.
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
import type { SteamSession } from '../session/session.js';
import type { TradeContext } from './context.js';
import { describeRequest, sendFingerprint } from './fingerprint.js';
import type { SendResult } from './model.js';
import { ensureAcknowledged } from './protection.js';
import { reconcileSend } from './reconcile.js';
import type { SendPlan } from './send-form.js';
import { planSend, type SendInput } from './send-input.js';
import { sendWithReconciliation } from './send.js';

export async function sendOffer(
  ctx: TradeContext,
  input: SendInput,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<SendResult> {
  const session = ctx.requireSession('sending a trade offer');
  const plan = await planSend(input, { sender: session.steamid, resolve: ctx.resolve });
  if (input.idempotencyKey !== undefined) {
    return sendUnderKey(ctx, session, plan, input.idempotencyKey, options.signal);
  }
  await ensureAcknowledged(ctx, session, options.signal);
  try {
    return await sendWithReconciliation(ctx, session, plan, ctx.now(), options.signal);
  } catch (error) {
    if (error instanceof TradeOutcomeUnknownError) {
      throw withAdvice(error, 'or send with an idempotency key, which checks again before sending');
    }
    throw error;
  }
}

/** Errors after which no offer exists: the pending record can go, and the key be used again. */
function nothingWasSent(error: unknown): boolean {
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

function withAdvice(error: TradeOutcomeUnknownError, advice: string): TradeOutcomeUnknownError {
  return new TradeOutcomeUnknownError(`${error.message}, ${advice}`, {
    service: error.service,
    cause: error.cause ?? error,
  });
}

async function sendUnderKey(
  ctx: TradeContext,
  session: SteamSession,
  plan: SendPlan,
  key: string,
  signal?: AbortSignal,
): Promise<SendResult> {
  const fingerprint = sendFingerprint(plan);
  const lease = ctx.tuning.sendLeaseMs;
  const begun = await ctx.store.beginSend({
    key,
    sender: plan.sender,
    fingerprint,
    request: JSON.stringify(describeRequest(plan)),
    startedAt: ctx.now(),
    leaseUntil: ctx.now() + lease,
  });
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
    // Pending: an earlier attempt crashed after sending, or another process is sending now.
    const look = await reconcileSend(
      ctx,
      plan,
      record.startedAt,
      'an earlier send under this key did not finish',
      signal,
    );
    if ('found' in look) {
      const result = { ...look.found, replayed: true };
      await complete(ctx, key, result);
      return result;
    }
    const now = ctx.now();
    const inProgress = () =>
      new IdempotencyConflictError(
        `a send under idempotency key "${key}" started at ${new Date(record.startedAt).toISOString()} may still be running and no offer from it shows yet: try again after ${new Date(record.leaseUntil).toISOString()}`,
        'in_progress',
        { retryAfterMs: Math.max(0, record.leaseUntil - now) },
      );
    if (record.leaseUntil > now) throw inProgress();
    if (!(await ctx.store.takeOverSend(key, record.leaseUntil, now + lease))) throw inProgress();
  }

  let result: SendResult;
  try {
    await ensureAcknowledged(ctx, session, signal);
    result = await sendWithReconciliation(ctx, session, plan, record.startedAt, signal);
  } catch (error) {
    if (error instanceof TradeOutcomeUnknownError) {
      throw withAdvice(
        error,
        `or call send again with idempotency key "${key}", which checks again before sending`,
      );
    }
    if (nothingWasSent(error)) {
      await ctx.store.releaseSend(key).catch(() => undefined);
    }
    throw error;
  }
  await complete(ctx, key, result);
  return result;
}

/** Completes the record; a store failure here is a warning: the offer was sent, and the pending record will be reconciled. */
async function complete(ctx: TradeContext, key: string, result: SendResult): Promise<void> {
  try {
    await ctx.store.completeSend(key, {
      offerId: result.id,
      result: JSON.stringify({ ...result, replayed: false }),
      completedAt: ctx.now(),
    });
  } catch (error) {
    ctx.warn({
      code: 'store',
      offerId: result.id,
      message: `offer ${result.id} was sent, but the record of idempotency key "${key}" could not be completed (${(error as Error).message}): the next call with this key will find the offer among the sent offers`,
    });
  }
}
