/**
 * @module gateway/services/webhooks/dispatcher
 * One attempt of a claimed delivery, whichever queue claimed it: sign and send the stored
 * event, then write the result under the claim's lease: delivered, tried again after a
 * backoff, or given up past the delivery's horizon.
 */
import type { FastifyBaseLogger } from 'fastify';
import type {
  AttemptRecord,
  ClaimedDelivery,
  WebhookDeliveryStore,
} from '../../../store/webhook-deliveries.js';
import { webhookBodyText } from '../../../webhooks/events.js';
import { nextAttemptAt, type RetryPolicy } from '../../../webhooks/retry.js';
import type { WebhookSender } from '../../../webhooks/sender.js';
import type { GatewayMetrics } from '../metrics.js';

export class DeliveryDispatcher {
  constructor(
    private readonly deliveries: WebhookDeliveryStore,
    private readonly sender: WebhookSender,
    private readonly policy: RetryPolicy,
    private readonly log: FastifyBaseLogger,
    private readonly metrics?: GatewayMetrics,
  ) {}

  async attempt(claim: ClaimedDelivery): Promise<AttemptRecord> {
    const started = Date.now();
    const secrets = [claim.secret];
    // A rotated-out secret is still signed with until its grace ends: receivers switch over.
    if (claim.previousSecret && (claim.previousSecretUntil ?? 0) > started)
      secrets.push(claim.previousSecret);
    const body = webhookBodyText({
      id: claim.eventId,
      type: claim.type,
      createdAt: claim.eventCreatedAt,
      account: claim.account,
      dataJson: claim.dataJson,
    });
    const result = await this.sender.send({
      url: claim.url,
      body,
      eventId: claim.eventId,
      type: claim.type,
      secrets,
      attempt: claim.attempts + 1,
    });
    const at = Date.now();
    let record: AttemptRecord;
    if (result.ok) record = { outcome: 'delivered', at, status: result.status ?? 200 };
    else {
      const error = result.error ?? 'failed';
      const next = nextAttemptAt(this.policy, claim.failures + 1, at, claim.giveUpAt);
      record =
        next === undefined
          ? { outcome: 'failed', at, status: result.status, error }
          : { outcome: 'retry', at, status: result.status, error, nextAttemptAt: next };
    }
    this.metrics?.webhookAttempts.inc({ outcome: record.outcome });
    const kept = await this.deliveries.record(claim.id, claim.leaseToken, record);
    if (!kept)
      this.log.warn(
        { delivery: claim.id, webhook: claim.webhookId, event: claim.eventId },
        'a webhook attempt outlived its lease: another worker has the delivery now',
      );
    if (record.outcome === 'failed')
      this.log.warn(
        { delivery: claim.id, webhook: claim.webhookId, event: claim.eventId, error: record.error },
        'webhook delivery given up (redeliver it by hand once the receiver is fixed)',
      );
    return record;
  }
}
