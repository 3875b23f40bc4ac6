/**
 * @module webhooks/events
 * The events webhooks carry and the body of a delivery. The offer watcher's events
 * (docs/trading.md) and `inventoryChanged` for watched inventories; `*` subscribes to all.
 * The body is built from the stored event, so every attempt of a delivery sends the same
 * bytes with the same event id.
 */

export const WEBHOOK_EVENT_TYPES = [
  'newOffer',
  'newSentOffer',
  'sentOfferChanged',
  'receivedOfferChanged',
  'offerReverted',
  'pollFailure',
  'inventoryChanged',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** Subscribes to every event type, present and future. */
export const ALL_EVENTS = '*';

export function isWebhookEventType(name: string): name is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(name);
}

/** What a publisher hands over: the rest (creation time, fan-out) is the queue's. */
export interface PublishedEvent {
  type: string;
  /** Stable id: the same across retries and restarts; receivers de-duplicate on it. */
  id: string;
  /** Keys whose webhooks may receive it; undefined: every key subscribed to that account. */
  keyIds?: readonly string[] | undefined;
  /** The account (name) the event is about, if any. */
  account?: string | undefined;
  data: unknown;
}

/** A delivery's JSON body: `{"id", "type", "created", "account"?, "data"}`. */
export interface WebhookBody<T = unknown> {
  id: string;
  type: string;
  /** ISO 8601: when the event was published (the same on every attempt). */
  created: string;
  account?: string;
  data: T;
}

/** The body text from the stored event; `dataJson` is spliced in as stored, never re-serialized. */
export function webhookBodyText(event: {
  id: string;
  type: string;
  createdAt: number;
  account?: string | null | undefined;
  dataJson: string;
}): string {
  const account = event.account ? `,"account":${JSON.stringify(event.account)}` : '';
  return (
    `{"id":${JSON.stringify(event.id)},"type":${JSON.stringify(event.type)},` +
    `"created":${JSON.stringify(new Date(event.createdAt).toISOString())}${account},"data":${event.dataJson}}`
  );
}
