/**
 * @module store/webhook-deliveries
 * Deliveries as a queue in the store: pending rows by next attempt time, claimed with a
 * lease (a token and an expiry). The claim is a conditional update, so of two workers (two
 * instances on one PostgreSQL) exactly one gets a row; a worker that dies mid-delivery leaves
 * a lease that runs out, and the row is claimed again after a restart. Results are written
 * only under the lease they were claimed with. Also the delivery log and manual redelivery.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { DeliveryStatus, WebhookDeliveriesTable } from './webhook-schema.js';

/** A claimed delivery with what an attempt needs: the webhook's URL and secrets, the event. */
export interface ClaimedDelivery {
  id: string;
  leaseToken: string;
  webhookId: string;
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: number | null;
  eventId: string;
  type: string;
  account: string | null;
  dataJson: string;
  eventCreatedAt: number;
  attempts: number;
  failures: number;
  giveUpAt: number;
}

export interface DeliveryLogEntry {
  id: string;
  webhookId: string;
  eventId: string;
  type: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  lastAttemptAt: number | null;
  nextAttemptAt: number | null;
  deliveredAt: number | null;
  giveUpAt: number;
  createdAt: number;
}

export type AttemptRecord =
  | { outcome: 'delivered'; at: number; status: number }
  | { outcome: 'retry'; at: number; status?: number | undefined; error: string; nextAttemptAt: number }
  | { outcome: 'failed'; at: number; status?: number | undefined; error: string };

/** Why a delivery could not be claimed by id. */
export type ClaimRefusal = { reason: 'gone' | 'done' } | { reason: 'leased'; leaseUntil: number };

export class WebhookDeliveryStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Claims up to `limit` due deliveries for `leaseMs`. */
  async claimDue(now: number, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const due = await this.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    if (due.length === 0) return [];
    const token = randomBytes(12).toString('hex');
    await this.db
      .updateTable('webhook_deliveries')
      .set({ lease_token: token, lease_until: now + leaseMs })
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .execute();
    return this.claimed(
      token,
      due.map((d) => d.id),
    );
  }

  /** Claims one delivery by id (the BullMQ worker's job), whenever it is due. */
  async claimById(id: string, now: number, leaseMs: number): Promise<ClaimedDelivery | ClaimRefusal> {
    const token = randomBytes(12).toString('hex');
    const updated = await this.db
      .updateTable('webhook_deliveries')
      .set({ lease_token: token, lease_until: now + leaseMs })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 1) {
      const [claimed] = await this.claimed(token, [id]);
      if (claimed) return claimed;
    }
    const row = await this.db
      .selectFrom('webhook_deliveries')
      .select(['status', 'lease_until'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return { reason: 'gone' };
    if (row.status !== 'pending') return { reason: 'done' };
    return { reason: 'leased', leaseUntil: Number(row.lease_until ?? now) };
  }

  /** The rows among `ids` this token holds (by id: lease tokens are not indexed). */
  private async claimed(token: string, ids: readonly string[]): Promise<ClaimedDelivery[]> {
    const rows = await this.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
      .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
      .select([
        'd.id',
        'd.lease_token',
        'd.webhook_id',
        'w.url',
        'w.secret',
        'w.previous_secret',
        'w.previous_secret_until',
        'd.event_id',
        'e.type',
        'e.account',
        'e.data',
        'e.created_at',
        'd.attempts',
        'd.failures',
        'd.give_up_at',
      ])
      .where('d.id', 'in', [...ids])
      .where('d.lease_token', '=', token)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      leaseToken: token,
      webhookId: r.webhook_id,
      url: r.url,
      secret: r.secret,
      previousSecret: r.previous_secret,
      previousSecretUntil: r.previous_secret_until === null ? null : Number(r.previous_secret_until),
      eventId: r.event_id,
      type: r.type,
      account: r.account,
      dataJson: r.data,
      eventCreatedAt: Number(r.created_at),
      attempts: Number(r.attempts),
      failures: Number(r.failures),
      giveUpAt: Number(r.give_up_at),
    }));
  }

  /** Writes an attempt's result and ends the lease; false when the lease was lost meanwhile. */
  async record(id: string, leaseToken: string, result: AttemptRecord): Promise<boolean> {
    const base = {
      attempts: sql<number>`attempts + 1`,
      last_attempt_at: result.at,
      last_status: result.status ?? null,
      lease_until: null,
      lease_token: null,
    };
    const fields =
      result.outcome === 'delivered'
        ? { ...base, status: 'delivered', last_error: null, delivered_at: result.at, next_attempt_at: null }
        : {
            ...base,
            status: result.outcome === 'retry' ? 'pending' : 'failed',
            failures: sql<number>`failures + 1`,
            last_error: result.error.slice(0, 500),
            next_attempt_at: result.outcome === 'retry' ? result.nextAttemptAt : null,
          };
    const updated = await this.db
      .updateTable('webhook_deliveries')
      .set(fields)
      .where('id', '=', id)
      .where('lease_token', '=', leaseToken)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /** Gives a lease back untouched (shutting down before the attempt started). */
  async release(id: string, leaseToken: string): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set({ lease_until: null, lease_token: null })
      .where('id', '=', id)
      .where('lease_token', '=', leaseToken)
      .execute();
  }

  /** The earliest next attempt of any pending delivery (the store worker sleeps until then). */
  async nextDueAt(): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('webhook_deliveries')
      .select((eb) => eb.fn.min('next_attempt_at').as('at'))
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return row?.at === null || row?.at === undefined ? undefined : Number(row.at);
  }

  /** Pending deliveries overdue by more than `graceMs` and not leased (a lost queue job). */
  async overdue(
    now: number,
    graceMs: number,
    limit: number,
  ): Promise<{ id: string; webhookId: string; eventId: string }[]> {
    const rows = await this.db
      .selectFrom('webhook_deliveries')
      .select(['id', 'webhook_id', 'event_id'])
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<', now - graceMs)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, webhookId: r.webhook_id, eventId: r.event_id }));
  }

  /** The webhook's deliveries, newest first. */
  async log(
    webhookId: string,
    options: { limit: number; status?: DeliveryStatus | undefined; eventId?: string | undefined },
  ): Promise<DeliveryLogEntry[]> {
    let query = this.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
      .selectAll('d')
      .select('e.type')
      .where('d.webhook_id', '=', webhookId);
    if (options.status) query = query.where('d.status', '=', options.status);
    if (options.eventId) query = query.where('d.event_id', '=', options.eventId);
    const rows = await query
      .orderBy('d.created_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(options.limit)
      .execute();
    return rows.map((r) => logEntryOf(r, r.type));
  }

  async get(webhookId: string, id: string): Promise<DeliveryLogEntry | undefined> {
    const row = await this.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
      .selectAll('d')
      .select('e.type')
      .where('d.webhook_id', '=', webhookId)
      .where('d.id', '=', id)
      .executeTakeFirst();
    return row ? logEntryOf(row, row.type) : undefined;
  }

  /**
   * Makes the delivery pending again, due now, with a fresh horizon and backoff (its attempt
   * count goes on). An attempt in flight keeps its lease and may still settle it first.
   */
  async redeliver(webhookId: string, id: string, now: number, giveUpAt: number): Promise<boolean> {
    const updated = await this.db
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', next_attempt_at: now, failures: 0, give_up_at: giveUpAt, delivered_at: null })
      .where('webhook_id', '=', webhookId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /** Forgets settled deliveries created before `before`, and events no delivery points to. */
  async purge(before: number): Promise<void> {
    await this.db
      .deleteFrom('webhook_deliveries')
      .where('status', '!=', 'pending')
      .where('created_at', '<', before)
      .execute();
    await this.db
      .deleteFrom('webhook_events')
      .where('created_at', '<', before)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('webhook_deliveries as d')
              .select('d.id')
              .whereRef('d.event_id', '=', 'webhook_events.id'),
          ),
        ),
      )
      .execute();
  }
}

function logEntryOf(row: WebhookDeliveriesTable, type: string): DeliveryLogEntry {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventId: row.event_id,
    type,
    status: row.status as DeliveryStatus,
    attempts: Number(row.attempts),
    lastStatus: n(row.last_status),
    lastError: row.last_error,
    lastAttemptAt: n(row.last_attempt_at),
    nextAttemptAt: n(row.next_attempt_at),
    deliveredAt: n(row.delivered_at),
    giveUpAt: Number(row.give_up_at),
    createdAt: Number(row.created_at),
  };
}
