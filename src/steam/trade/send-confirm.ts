/**
 * @module steam/trade/send-confirm
 * `send({ confirm: true })`: the offer just sent is confirmed in the same call through the
 * account's mobile confirmations (steam/guard), as a bot that holds the identity secret does.
 * The offer exists whatever happens here, so a failed confirmation is reported on the result
 * (with what to do), never thrown: a thrown error would invite the caller to send again.
 */
import { GamestashError } from '../../core/errors.js';
import type { OfferConfirmer } from '../guard/model.js';
import type { SendResult } from './model.js';
import { offerStateName, TradeOfferState } from './states.js';

export interface SendConfirmation {
  /** `confirmed` now; `not_needed` (Steam asked for none); `failed` (see `error`). */
  status: 'confirmed' | 'not_needed' | 'failed';
  /** Why confirming failed, and how to finish it by hand. */
  error?: string;
}

export async function confirmSentOffer(
  confirmer: OfferConfirmer,
  result: SendResult,
  signal?: AbortSignal,
): Promise<SendResult & { confirmation: SendConfirmation }> {
  const waiting = result.needsMobileConfirmation || result.state === TradeOfferState.CreatedNeedsConfirmation;
  if (!waiting || result.needsEmailConfirmation) {
    const status = result.needsEmailConfirmation ? 'failed' : 'not_needed';
    const error = result.needsEmailConfirmation
      ? `offer ${result.id} waits for an e-mail confirmation, which only its owner can give`
      : undefined;
    return { ...result, confirmation: { status, ...(error ? { error } : {}) } };
  }
  try {
    await confirmer.confirmOffer(result.id, { signal });
    const state = TradeOfferState.Active;
    return { ...result, state, stateName: offerStateName(state), confirmation: { status: 'confirmed' } };
  } catch (error) {
    if (!(error instanceof GamestashError)) throw error;
    const next = `confirm it in the Steam mobile app or with \`gamestash steam confirmations accept --offer ${result.id}\``;
    return { ...result, confirmation: { status: 'failed', error: `${error.message}; ${next}` } };
  }
}
