/**
 * @module gateway/services/webhooks/service
 * Webhooks for the routes and for publishers (the offer watchers, watched inventories):
 * subscriptions per key, and `publish`, which is durable once it resolves (the event and one
 * delivery per matching webhook are in the store, in one transaction) and idempotent per
 * event id and webhook. Deliveries then go through the queue (BullMQ with Redis, the store's
 * own otherwise).
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Transaction } from 'kysely';
import { InvalidInputError } from '../../../core/errors.js';
import type { ApiKeyRecord } from '../../../store/api-keys.js';
import type { Database } from '../../../store/schema.js';
import type { DeliveryLogEntry, WebhookDeliveryStore } from '../../../store/webhook-deliveries.js';
import type { DeliveryStatus } from '../../../store/webhook-schema.js';
import type { WebhookRecord, WebhookStore } from '../../../store/webhooks.js';
import {
  ALL_EVENTS,
  isWebhookEventType,
  WEBHOOK_EVENT_TYPES,
  type PublishedEvent,
} from '../../../webhooks/events.js';
import type { RetryPolicy } from '../../../webhooks/retry.js';
import { newWebhookSecret } from '../../../webhooks/signature.js';
import { checkWebhookTarget, parseWebhookUrl, type LookupAll } from '../../../webhooks/targets.js';
import { GatewayProblem } from '../../problem.js';
import type { WebhookAccess } from './access.js';
import type { DeliveryQueue } from './queue.js';

/** How long a rotated-out secret is still signed with, so receivers can switch over. */
export const ROTATION_GRACE_MS = 24 * 3_600_000;
/** Webhooks per key: a bound on fan-out work per event. */
export const MAX_WEBHOOKS_PER_KEY = 50;
const MAX_EVENT_ID_LENGTH = 255;
/** How long `publish` waits for the queue (BullMQ's Redis) once the store has the deliveries. */
const ENQUEUE_WAIT_MS = 2_000;

export interface WebhookServiceOptions {
  store: WebhookStore;
  deliveries: WebhookDeliveryStore;
  queue: DeliveryQueue;
  access: WebhookAccess;
  policy: RetryPolicy;
  allowPrivate: boolean;
  /** DNS lookup for target checks (tests). */
  lookup?: LookupAll;
  log: FastifyBaseLogger;
}

export interface NewWebhookInput {
  url: string;
  events: readonly string[];
  account?: string | undefined;
}

export interface PublishOptions {
  /** Runs inside the publishing transaction (e.g. a watch advancing its baseline). */
  alsoInTransaction?: (trx: Transaction<Database>) => Promise<void>;
}

export class WebhookService {
  constructor(private readonly options: WebhookServiceOptions) {}

  get queueKind(): DeliveryQueue['kind'] {
    return this.options.queue.kind;
  }

  get access(): WebhookAccess {
    return this.options.access;
  }

  /**
   * Stores the event and a delivery for every webhook that should hear it, then hands the
   * deliveries to the queue. Resolves once that is durable; the same `id` again is a no-op.
   */
  async publish(event: PublishedEvent, publishOptions: PublishOptions = {}): Promise<void> {
    if (typeof event.id !== 'string' || !event.id || event.id.length > MAX_EVENT_ID_LENGTH)
      throw new InvalidInputError(`an event id must be 1 to ${MAX_EVENT_ID_LENGTH} characters`, 'id');
    if (typeof event.type !== 'string' || !/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(event.type))
      throw new InvalidInputError(`event type "${String(event.type)}" is not a valid name`, 'type');
    const { store, policy, access } = this.options;
    const account = event.account ?? null;
    const matching: string[] = [];
    // Who may hear it is settled before the transaction: an access check may read the store.
    for (const webhook of await store.candidates(event.keyIds)) {
      if (!webhook.events.includes(event.type) && !webhook.events.includes(ALL_EVENTS)) continue;
      if (
        webhook.account !== null
          ? webhook.account !== account
          : account !== null && !(await access.mayReceive(webhook.keyId, account))
      )
        continue;
      matching.push(webhook.id);
    }
    const now = Date.now();
    const result = await store.publish(
      {
        id: event.id,
        type: event.type,
        account,
        dataJson: JSON.stringify(event.data ?? null),
        createdAt: now,
      },
      matching,
      now + policy.forMs,
      publishOptions.alsoInTransaction,
    );
    // Durable already: a queue that cannot take them now (Redis away) gets them from its sweep.
    await this.handOver(this.options.queue.enqueue(result.pending), event.id);
  }

  async create(
    key: ApiKeyRecord,
    input: NewWebhookInput,
  ): Promise<{ webhook: WebhookRecord; secret: string }> {
    const url = parseWebhookUrl(input.url);
    const events = checkEvents(input.events);
    const account = input.account ?? null;
    if (account !== null && !(await this.options.access.mayReceive(key.id, account)))
      throw new GatewayProblem(
        403,
        'account_not_allowed',
        `this key may not hear events of account "${account}"`,
        {
          parameter: 'account',
        },
      );
    const existing = await this.options.store.list(key.id);
    if (existing.length >= MAX_WEBHOOKS_PER_KEY)
      throw new InvalidInputError(
        `this key has ${existing.length} webhooks, the most a key may have: delete one first`,
        'url',
      );
    await checkWebhookTarget(url, { allowPrivate: this.options.allowPrivate, lookup: this.options.lookup });
    const secret = newWebhookSecret();
    const webhook = await this.options.store.create({
      keyId: key.id,
      url: url.href,
      events,
      account,
      secret,
    });
    return { webhook, secret };
  }

  list(key: ApiKeyRecord): Promise<WebhookRecord[]> {
    return this.options.store.list(key.id);
  }

  async get(key: ApiKeyRecord, id: string): Promise<WebhookRecord> {
    const found = await this.options.store.find(key.id, id);
    if (!found) throw notFound(id);
    const { secret: _secret, previousSecret: _previous, ...webhook } = found;
    return webhook;
  }

  async delete(key: ApiKeyRecord, id: string): Promise<void> {
    if (!(await this.options.store.delete(key.id, id))) throw notFound(id);
  }

  async rotateSecret(
    key: ApiKeyRecord,
    id: string,
  ): Promise<{ secret: string; previousSecretUntil: number }> {
    const secret = newWebhookSecret();
    const previousSecretUntil = Date.now() + ROTATION_GRACE_MS;
    if (!(await this.options.store.rotateSecret(key.id, id, secret, previousSecretUntil))) throw notFound(id);
    return { secret, previousSecretUntil };
  }

  async deliveries(
    key: ApiKeyRecord,
    id: string,
    query: { limit: number; status?: DeliveryStatus | undefined; eventId?: string | undefined },
  ): Promise<DeliveryLogEntry[]> {
    await this.get(key, id);
    return this.options.deliveries.log(id, query);
  }

  async redeliver(key: ApiKeyRecord, id: string, deliveryId: string): Promise<DeliveryLogEntry> {
    await this.get(key, id);
    const now = Date.now();
    const { deliveries, queue, policy } = this.options;
    if (!(await deliveries.redeliver(id, deliveryId, now, now + policy.forMs)))
      throw new GatewayProblem(404, 'delivery_not_found', `webhook ${id} has no delivery ${deliveryId}`);
    const entry = (await deliveries.get(id, deliveryId))!;
    await this.handOver(
      queue.redeliver({ id: deliveryId, webhookId: id, eventId: entry.eventId, nextAttemptAt: now }),
      entry.eventId,
    );
    return entry;
  }

  /** Waits a little for the queue, never long: what it did not take, its sweep finds in the store. */
  private async handOver(enqueued: Promise<void>, eventId: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>(
      (resolve) => (timer = setTimeout(() => resolve('late'), ENQUEUE_WAIT_MS)),
    );
    const outcome = await Promise.race([enqueued.then(() => 'ok' as const), late])
      .catch((err: unknown) => {
        this.options.log.warn({ err, event: eventId }, 'webhook deliveries stored, not enqueued yet');
        return 'failed' as const;
      })
      .finally(() => clearTimeout(timer));
    if (outcome === 'late') {
      enqueued.catch(() => undefined);
      this.options.log.warn(
        { event: eventId },
        'webhook queue slow to answer: deliveries stored, enqueued later',
      );
    }
  }
}

function checkEvents(events: readonly string[]): string[] {
  if (events.length === 0)
    throw new InvalidInputError(
      `events is empty: name at least one of ${WEBHOOK_EVENT_TYPES.join(', ')} or *`,
      'events',
    );
  for (const name of events)
    if (name !== ALL_EVENTS && !isWebhookEventType(name))
      throw new InvalidInputError(
        `unknown event "${name.slice(0, 64)}": events are ${WEBHOOK_EVENT_TYPES.join(', ')}, or * for all`,
        'events',
      );
  return [...new Set(events)];
}

function notFound(id: string): GatewayProblem {
  return new GatewayProblem(404, 'webhook_not_found', `no webhook ${id.slice(0, 80)} for this key`);
}
