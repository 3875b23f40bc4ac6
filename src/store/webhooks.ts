/**
 * @module store/webhooks
 * Webhook subscriptions per gateway key, and publishing: the event and its deliveries (one
 * per matching webhook) are written in one transaction, so once `publish` returns nothing
 * is lost, and publishing the same event id again adds nothing (idempotent per event and
 * webhook; the unique (webhook, event) pair settles races between instances).
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { WebhooksTable } from './webhook-schema.js';

export interface WebhookRecord {
  id: string;
  keyId: string;
  url: string;
  events: string[];
  account: string | null;
  createdAt: number;
  /** When a rotated-out secret stops being signed with, if one still is. */
  previousSecretUntil: number | null;
}

/** A record with its secrets: for signing, never for answers. */
export interface WebhookWithSecrets extends WebhookRecord {
  secret: string;
  previousSecret: string | null;
}

export interface NewEvent {
  id: string;
  type: string;
  account: string | null;
  /** `data` as JSON text. */
  dataJson: string;
  createdAt: number;
}

export interface PublishResult {
  /** False when an event with this id was already published (nothing was added). */
  created: boolean;
  /** Deliveries still pending for this event (new ones, or left over from a first publish). */
  pending: { id: string; webhookId: string; eventId: string; nextAttemptAt: number }[];
}

const CHUNK = 200;

export class WebhookStore {
  constructor(readonly db: Kysely<Database>) {}

  async create(input: {
    keyId: string;
    url: string;
    events: readonly string[];
    account: string | null;
    secret: string;
  }): Promise<WebhookRecord> {
    const row: WebhooksTable = {
      id: `wh_${randomBytes(9).toString('base64url')}`,
      key_id: input.keyId,
      url: input.url,
      events: JSON.stringify(input.events),
      account: input.account,
      secret: input.secret,
      previous_secret: null,
      previous_secret_until: null,
      created_at: Date.now(),
    };
    await this.db.insertInto('webhooks').values(row).execute();
    return recordOf(row);
  }

  async list(keyId: string): Promise<WebhookRecord[]> {
    const rows = await this.db
      .selectFrom('webhooks')
      .selectAll()
      .where('key_id', '=', keyId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(recordOf);
  }

  /** The key's webhook with this id; another key's is as good as missing. */
  async find(keyId: string, id: string): Promise<WebhookWithSecrets | undefined> {
    const row = await this.db
      .selectFrom('webhooks')
      .selectAll()
      .where('id', '=', id)
      .where('key_id', '=', keyId)
      .executeTakeFirst();
    return row ? withSecrets(row) : undefined;
  }

  /** Deletes the webhook and its delivery log (pending deliveries stop). */
  async delete(keyId: string, id: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const gone = await trx
        .deleteFrom('webhooks')
        .where('id', '=', id)
        .where('key_id', '=', keyId)
        .executeTakeFirst();
      if (Number(gone.numDeletedRows) === 0) return false;
      await trx.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
      return true;
    });
  }

  /** A new secret; the old one is still signed with until `previousUntil`. */
  async rotateSecret(keyId: string, id: string, secret: string, previousUntil: number): Promise<boolean> {
    const current = await this.find(keyId, id);
    if (!current) return false;
    await this.db
      .updateTable('webhooks')
      .set({ secret, previous_secret: current.secret, previous_secret_until: previousUntil })
      .where('id', '=', id)
      .where('key_id', '=', keyId)
      .execute();
    return true;
  }

  /**
   * Webhooks that may hear an event: of active keys only (a revoked key's webhooks fall
   * silent); filtering by type and account is the caller's.
   */
  async candidates(keyIds: readonly string[] | undefined): Promise<WebhookRecord[]> {
    if (keyIds && keyIds.length === 0) return [];
    let query = this.db
      .selectFrom('webhooks as w')
      .innerJoin('api_keys as k', 'k.id', 'w.key_id')
      .selectAll('w')
      .where('k.revoked_at', 'is', null);
    if (keyIds) query = query.where('w.key_id', 'in', [...keyIds]);
    return (await query.execute()).map(recordOf);
  }

  /**
   * Stores the event and one pending delivery per webhook, in one transaction with
   * `alsoInTransaction` (e.g. advancing a watched inventory's baseline): either all of it
   * happened, or none. An event id seen before adds nothing and answers what is still pending.
   */
  async publish(
    event: NewEvent,
    webhookIds: readonly string[],
    giveUpAt: number,
    alsoInTransaction?: (trx: Transaction<Database>) => Promise<void>,
  ): Promise<PublishResult> {
    return this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('webhook_events')
        .values({
          id: event.id,
          type: event.type,
          account: event.account,
          data: event.dataJson,
          created_at: event.createdAt,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      const created = Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
      let pending: PublishResult['pending'];
      if (created) {
        const rows = webhookIds.map((webhookId) => ({
          id: `dlv_${randomBytes(9).toString('base64url')}`,
          webhook_id: webhookId,
          event_id: event.id,
          status: 'pending',
          attempts: 0,
          failures: 0,
          next_attempt_at: event.createdAt,
          give_up_at: giveUpAt,
          created_at: event.createdAt,
        }));
        for (let i = 0; i < rows.length; i += CHUNK)
          await trx
            .insertInto('webhook_deliveries')
            .values(rows.slice(i, i + CHUNK))
            .onConflict((oc) => oc.columns(['webhook_id', 'event_id']).doNothing())
            .execute();
        // A new event: no delivery of it can have existed, so these are all of them.
        pending = rows.map((r) => ({
          id: r.id,
          webhookId: r.webhook_id,
          eventId: event.id,
          nextAttemptAt: event.createdAt,
        }));
      } else {
        const left = await trx
          .selectFrom('webhook_deliveries')
          .select(['id', 'webhook_id', 'next_attempt_at'])
          .where('event_id', '=', event.id)
          .where('status', '=', 'pending')
          .execute();
        pending = left.map((p) => ({
          id: p.id,
          webhookId: p.webhook_id,
          eventId: event.id,
          nextAttemptAt: Number(p.next_attempt_at ?? event.createdAt),
        }));
      }
      await alsoInTransaction?.(trx);
      return { created, pending };
    });
  }
}

function recordOf(row: WebhooksTable): WebhookRecord {
  return {
    id: row.id,
    keyId: row.key_id,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    account: row.account,
    createdAt: Number(row.created_at),
    previousSecretUntil: row.previous_secret_until === null ? null : Number(row.previous_secret_until),
  };
}

function withSecrets(row: WebhooksTable): WebhookWithSecrets {
  return { ...recordOf(row), secret: row.secret, previousSecret: row.previous_secret };
}
