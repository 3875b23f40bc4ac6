/**
 * @module gateway/routes/webhooks
 * `/v1/webhooks`: a key's webhook subscriptions, their delivery log, manual redelivery and
 * secret rotation. A key sees only its own webhooks (another key's id answers 404, as a
 * missing one does). Managing webhooks takes the `webhooks:write` scope.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiKeyRecord } from '../../store/api-keys.js';
import type { DeliveryLogEntry } from '../../store/webhook-deliveries.js';
import type { WebhookRecord } from '../../store/webhooks.js';
import { PrivateTargetError } from '../../webhooks/targets.js';
import { requireApiKey } from '../plugins/auth.js';
import { GatewayProblem } from '../problem.js';
import {
  createWebhookSchema,
  deleteWebhookSchema,
  deliveriesSchema,
  getWebhookSchema,
  listWebhooksSchema,
  redeliverSchema,
  rotateSecretSchema,
  type DeliveryJson,
  type WebhookJson,
} from '../schemas/webhooks.js';
import type { GatewayServices } from '../services/index.js';
import { WEBHOOKS_WRITE_SCOPE } from '../services/webhooks/index.js';
import { methodNotAllowed } from './method-not-allowed.js';

const LIST = '/v1/webhooks';
const ONE = '/v1/webhooks/:id';
const ROTATE = '/v1/webhooks/:id/rotate-secret';
const LOG = '/v1/webhooks/:id/deliveries';
const REDELIVER = '/v1/webhooks/:id/deliveries/:deliveryId/redeliver';

/** The caller's key, once it may manage webhooks (403 `missing_scope` otherwise). */
export async function managingKey(services: GatewayServices, request: FastifyRequest): Promise<ApiKeyRecord> {
  const key = request.apiKey!;
  if (!(await services.webhooks.access.mayManage(key)))
    throw new GatewayProblem(
      403,
      'missing_scope',
      `this key lacks the ${WEBHOOKS_WRITE_SCOPE} scope: ask the gateway's operator for a key with it`,
    );
  return key;
}

export async function webhookRoutes(instance: FastifyInstance): Promise<void> {
  const fastify = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = fastify;
  // Managing webhooks is its own scope (checked by managingKey), not the read routes'.
  const auth = requireApiKey(services, null);
  const webhooks = services.webhooks;

  fastify.post(LIST, { schema: createWebhookSchema, preValidation: auth }, async (request, reply) => {
    const key = await managingKey(services, request);
    const { webhook, secret } = await webhooks.create(key, request.body).catch((error: unknown) => {
      if (error instanceof PrivateTargetError)
        throw new GatewayProblem(400, 'private_target', error.message, { parameter: 'url' });
      throw error;
    });
    reply.code(201).header('cache-control', 'no-store');
    return { status: 201 as const, webhook: webhookJson(webhook), secret };
  });
  fastify.get(LIST, { schema: listWebhooksSchema, preValidation: auth }, async (request) => {
    const key = await managingKey(services, request);
    return { status: 200 as const, webhooks: (await webhooks.list(key)).map(webhookJson) };
  });
  methodNotAllowed(fastify, LIST, 'GET, HEAD, POST');

  fastify.get(ONE, { schema: getWebhookSchema, preValidation: auth }, async (request) => {
    const key = await managingKey(services, request);
    return { status: 200 as const, webhook: webhookJson(await webhooks.get(key, request.params.id)) };
  });
  fastify.delete(ONE, { schema: deleteWebhookSchema, preValidation: auth }, async (request) => {
    const key = await managingKey(services, request);
    await webhooks.delete(key, request.params.id);
    return { status: 200 as const, id: request.params.id, deleted: true };
  });
  methodNotAllowed(fastify, ONE, 'GET, HEAD, DELETE');

  fastify.post(ROTATE, { schema: rotateSecretSchema, preValidation: auth }, async (request, reply) => {
    const key = await managingKey(services, request);
    const rotated = await webhooks.rotateSecret(key, request.params.id);
    reply.header('cache-control', 'no-store');
    return {
      status: 200 as const,
      secret: rotated.secret,
      previous_secret_valid_until: iso(rotated.previousSecretUntil),
    };
  });
  methodNotAllowed(fastify, ROTATE, 'POST');

  fastify.get(LOG, { schema: deliveriesSchema, preValidation: auth }, async (request) => {
    const key = await managingKey(services, request);
    const { limit, status, event_id } = request.query;
    const log = await webhooks.deliveries(key, request.params.id, {
      limit: limit ?? 100,
      status,
      eventId: event_id,
    });
    return { status: 200 as const, deliveries: log.map(deliveryJson) };
  });
  methodNotAllowed(fastify, LOG);

  fastify.post(REDELIVER, { schema: redeliverSchema, preValidation: auth }, async (request, reply) => {
    const key = await managingKey(services, request);
    const delivery = await webhooks.redeliver(key, request.params.id, request.params.deliveryId);
    reply.code(202);
    return { status: 202 as const, delivery: deliveryJson(delivery) };
  });
  methodNotAllowed(fastify, REDELIVER, 'POST');
}

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function webhookJson(webhook: WebhookRecord): WebhookJson {
  const rotating = webhook.previousSecretUntil !== null && webhook.previousSecretUntil > Date.now();
  return {
    id: webhook.id,
    url: webhook.url,
    events: webhook.events,
    account: webhook.account,
    created: iso(webhook.createdAt),
    previous_secret_valid_until: rotating ? iso(webhook.previousSecretUntil!) : null,
  };
}

function deliveryJson(entry: DeliveryLogEntry): DeliveryJson {
  return {
    id: entry.id,
    event_id: entry.eventId,
    type: entry.type,
    status: entry.status,
    attempts: entry.attempts,
    last_status: entry.lastStatus,
    last_error: entry.lastError,
    last_attempt_at: isoOrNull(entry.lastAttemptAt),
    next_attempt_at: entry.status === 'pending' ? isoOrNull(entry.nextAttemptAt) : null,
    delivered_at: isoOrNull(entry.deliveredAt),
    give_up_at: iso(entry.giveUpAt),
    created: iso(entry.createdAt),
  };
}
