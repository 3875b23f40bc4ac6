/**
 * @module steam/trade/fingerprint
 * A send's identity for idempotency keys: the sender, the partner, the items on each side
 * (order does not matter to Steam, so none here), the message and the offer countered.
 * The trade token is left out: it is a credential, not part of what the offer is, and a
 * send refused for a wrong token may be tried again under the same key with the right one.
 */
import { createHash } from 'node:crypto';
import type { SendPlan } from './send-form.js';
import { itemKeys } from './send-input.js';

/** What the store keeps of a request (no token). */
export function describeRequest(plan: SendPlan): Record<string, unknown> {
  return {
    sender: plan.sender,
    partner: plan.partner,
    give: itemKeys(plan.give),
    receive: itemKeys(plan.receive),
    message: plan.message,
    counter: plan.counter ?? null,
  };
}

export function sendFingerprint(plan: SendPlan): string {
  return createHash('sha256')
    .update(JSON.stringify({ v: 1, ...describeRequest(plan) }))
    .digest('hex');
}

/**
 * The idempotency key a send derives from its request when asked to (`deriveIdempotencyKey`):
 * the same request from the same account always gets the same key, so a caller that retries a
 * call it did not hear back from gets the first offer back instead of a second one.
 */
export function derivedIdempotencyKey(plan: SendPlan): string {
  return `derived:${sendFingerprint(plan)}`;
}
