/**
 * @module store/webhook-schema
 * Table types of webhooks (migration 007): subscriptions per gateway key, events as
 * published, one delivery per (event, webhook) with its retry state and lease, and watched
 * inventories (who watches what, and each inventory's poll state).
 */
import type { Millis } from './schema.js';

export interface WebhooksTable {
  id: string;
  key_id: string;
  url: string;
  /** JSON array of event names, or `["*"]`. */
  events: string;
  /** Only this account's events; null: every account the key may see. */
  account: string | null;
  secret: string;
  /** The secret before the last rotation, still signed with until `previous_secret_until`. */
  previous_secret: string | null;
  previous_secret_until: Millis | null;
  created_at: Millis;
}

export interface WebhookEventsTable {
  /** The publisher's stable event id. */
  id: string;
  type: string;
  account: string | null;
  /** The event's `data`, as JSON. */
  data: string;
  created_at: Millis;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event_id: string;
  status: string;
  attempts: number;
  /** Failures in a row since the delivery was created or last redelivered (drives the backoff). */
  failures: number;
  next_attempt_at: Millis | null;
  /** After this, a failure is final (until a manual redelivery). */
  give_up_at: Millis;
  /** A worker holds the delivery until then; a crashed worker's lease simply runs out. */
  lease_until: Millis | null;
  lease_token: string | null;
  last_status: number | null;
  last_error: string | null;
  last_attempt_at: Millis | null;
  delivered_at: Millis | null;
  created_at: Millis;
}

export interface InventoryWatchesTable {
  key_id: string;
  steamid: string;
  appid: string;
  contextid: string;
  interval_ms: Millis;
  created_at: Millis;
}

export interface WatchedInventoriesTable {
  steamid: string;
  appid: string;
  contextid: string;
  /** The shortest interval any of its watchers asked for. */
  interval_ms: Millis;
  next_poll_at: Millis;
  lease_until: Millis | null;
  lease_token: string | null;
  /** The snapshot the next poll is compared with. */
  last_snapshot_id: number | null;
  /** When Steam answered the inventory last compared (its cache entry's time). */
  last_seen_at: Millis | null;
  last_polled_at: Millis | null;
  last_changed_at: Millis | null;
  last_error: string | null;
  created_at: Millis;
}

export interface WebhookTables {
  webhooks: WebhooksTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  inventory_watches: InventoryWatchesTable;
  watched_inventories: WatchedInventoriesTable;
}
