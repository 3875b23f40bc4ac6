/**
 * @module gateway/schemas/webhooks
 * `/v1/webhooks` (subscriptions, their delivery log, redelivery, secret rotation) and the
 * watched-inventory routes. Times are ISO 8601; a webhook's secret appears once, in the
 * answer that created (or rotated) it.
 */
import { Type, type Static } from 'typebox';
import { WEBHOOK_EVENT_TYPES } from '../../webhooks/events.js';
import { ApiKeyParam, errorResponses, KEY_SECURITY } from './common.js';
import { V1Params } from './v1-inventory.js';

const Iso = (description: string) => Type.String({ format: 'date-time', description });
const NullableIso = (description: string) => Type.Union([Iso(description), Type.Null()]);
const KeyQuery = Type.Object({ api_key: Type.Optional(ApiKeyParam) });
const errors = { ...errorResponses, 409: Type.Ref('ErrorBody'), 415: Type.Ref('ErrorBody') };

export const WebhookIdParams = Type.Object({
  id: Type.String({ pattern: '^wh_[A-Za-z0-9_-]{1,40}$', description: 'a webhook id (wh_...)' }),
});
export const DeliveryParams = Type.Object({
  id: WebhookIdParams.properties.id,
  deliveryId: Type.String({ pattern: '^dlv_[A-Za-z0-9_-]{1,40}$', description: 'a delivery id (dlv_...)' }),
});

export const NewWebhookBody = Type.Object({
  url: Type.String({
    minLength: 1,
    maxLength: 2048,
    description: 'where deliveries are POSTed: http(s), on a public address',
  }),
  events: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
    minItems: 1,
    maxItems: 20,
    description: `event names: ${WEBHOOK_EVENT_TYPES.join(', ')}, or * for all`,
  }),
  account: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: "only this trading account's events (default: every account the key may see)",
    }),
  ),
});
export type NewWebhookBody = Static<typeof NewWebhookBody>;

export const WebhookJson = Type.Object({
  id: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  account: Type.Union([Type.String(), Type.Null()]),
  created: Iso('when the webhook was created'),
  previous_secret_valid_until: NullableIso('after a rotation, until when the old secret still signs too'),
});
export type WebhookJson = Static<typeof WebhookJson>;

const Created = Type.Object({
  status: Type.Literal(201),
  webhook: WebhookJson,
  secret: Type.String({ description: 'the signing secret (whsec_...): shown this once, keep it safe' }),
});
const One = Type.Object({ status: Type.Literal(200), webhook: WebhookJson });
const List = Type.Object({ status: Type.Literal(200), webhooks: Type.Array(WebhookJson) });
const Deleted = Type.Object({ status: Type.Literal(200), id: Type.String(), deleted: Type.Boolean() });
const Rotated = Type.Object({
  status: Type.Literal(200),
  secret: Type.String({ description: 'the new signing secret: shown this once' }),
  previous_secret_valid_until: Iso('deliveries are signed with the old secret too until then'),
});

export const DeliveryJson = Type.Object({
  id: Type.String(),
  event_id: Type.String(),
  type: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  last_status: Type.Union([Type.Integer(), Type.Null()], { description: "the receiver's last HTTP status" }),
  last_error: Type.Union([Type.String(), Type.Null()]),
  last_attempt_at: NullableIso('the last attempt'),
  next_attempt_at: NullableIso('the next attempt, while pending'),
  delivered_at: NullableIso('when a 2xx came back'),
  give_up_at: Iso('retries stop after this (a manual redelivery starts again)'),
  created: Iso('when the event was published'),
});
export type DeliveryJson = Static<typeof DeliveryJson>;

export const DeliveriesQuery = Type.Object({
  api_key: Type.Optional(ApiKeyParam),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  status: Type.Optional(
    Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')], {
      description: 'pending, delivered or failed',
    }),
  ),
  event_id: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
});

const Deliveries = Type.Object({ status: Type.Literal(200), deliveries: Type.Array(DeliveryJson) });
const Redelivered = Type.Object({ status: Type.Literal(202), delivery: DeliveryJson });

const tags = ['webhooks'];
export const createWebhookSchema = {
  summary: 'Subscribe a URL to events; answers the signing secret once',
  tags,
  querystring: KeyQuery,
  body: NewWebhookBody,
  security: KEY_SECURITY,
  response: { 201: Created, ...errors },
};
export const listWebhooksSchema = {
  summary: "This key's webhooks (never their secrets)",
  tags,
  querystring: KeyQuery,
  security: KEY_SECURITY,
  response: { 200: List, ...errors },
};
export const getWebhookSchema = {
  summary: 'One of this key’s webhooks',
  tags,
  params: WebhookIdParams,
  querystring: KeyQuery,
  security: KEY_SECURITY,
  response: { 200: One, ...errors },
};
export const deleteWebhookSchema = {
  ...getWebhookSchema,
  summary: 'Delete a webhook and its delivery log',
  response: { 200: Deleted, ...errors },
};
export const rotateSecretSchema = {
  ...getWebhookSchema,
  summary: 'A new signing secret; the old one keeps signing for 24 h so receivers can switch',
  response: { 200: Rotated, ...errors },
};
export const deliveriesSchema = {
  summary: "A webhook's delivery log, newest first",
  tags,
  params: WebhookIdParams,
  querystring: DeliveriesQuery,
  security: KEY_SECURITY,
  response: { 200: Deliveries, ...errors },
};
export const redeliverSchema = {
  summary: 'Deliver again now (same event id), with a fresh day of retries',
  tags,
  params: DeliveryParams,
  querystring: KeyQuery,
  security: KEY_SECURITY,
  response: { 202: Redelivered, ...errors },
};

export const WatchJson = Type.Object({
  steamid: Type.String(),
  appid: Type.String(),
  contextid: Type.String(),
  interval_ms: Type.Integer({ description: 'the interval this key asked for' }),
  polled_every_ms: Type.Integer({
    description: 'the interval the inventory is polled at (the shortest asked)',
  }),
  created: Iso('when this key started watching'),
  last_polled_at: NullableIso('the last poll'),
  last_changed_at: NullableIso('the last poll that found a change'),
  next_poll_at: Iso('the next poll'),
  last_snapshot: Type.Union([Type.Integer(), Type.Null()], {
    description: 'the snapshot the next poll compares with',
  }),
  last_error: Type.Union([Type.String(), Type.Null()], {
    description: 'why the last poll failed, if it did',
  }),
});
export type WatchJson = Static<typeof WatchJson>;

export const WatchQuery = Type.Object({
  api_key: Type.Optional(ApiKeyParam),
  interval_ms: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 86_400_000, description: 'poll interval in ms (default 5 min)' }),
  ),
});

export const watchSchema = {
  summary: 'Watch an inventory: poll it and publish inventoryChanged to this key’s webhooks',
  tags,
  params: V1Params,
  querystring: WatchQuery,
  security: KEY_SECURITY,
  response: { 201: Type.Object({ status: Type.Literal(201), watch: WatchJson }), ...errors },
};
export const getWatchSchema = {
  summary: 'This key’s watch of this inventory',
  tags,
  params: V1Params,
  querystring: KeyQuery,
  security: KEY_SECURITY,
  response: { 200: Type.Object({ status: Type.Literal(200), watch: WatchJson }), ...errors },
};
export const unwatchSchema = {
  ...getWatchSchema,
  summary: 'Stop watching an inventory',
  response: { 200: Type.Object({ status: Type.Literal(200), deleted: Type.Boolean() }), ...errors },
};
export const listWatchesSchema = {
  summary: 'Every inventory this key watches',
  tags,
  querystring: KeyQuery,
  security: KEY_SECURITY,
  response: { 200: Type.Object({ status: Type.Literal(200), watches: Type.Array(WatchJson) }), ...errors },
};
