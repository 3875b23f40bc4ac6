/**
 * @module gateway/services/webhooks/inventory-watches
 * Watched inventories: keys ask for an inventory to be watched; the gateway polls each
 * watched inventory at the shortest interval asked for, through the inventory service (so
 * Steam's pacing, the cache and single flight apply: a poll costs no request when a caller
 * fetched the inventory since the last poll), compares it with the last published snapshot
 * and, when something changed, stores a snapshot and publishes `inventoryChanged` with the
 * diff to the keys watching it.
 *
 * Exactly once per change: the event's id names the two snapshots it spans, and the
 * baseline moves to the new snapshot in the same transaction that stores the event. A crash
 * mid-poll leaves the old baseline (and at worst an unused snapshot): the next poll, after
 * the lease runs out, compares with it again and publishes the change then.
 */
import type { FastifyBaseLogger } from 'fastify';
import { GamestashError, InvalidInputError } from '../../../core/errors.js';
import { redactText } from '../../../core/http/redact.js';
import { diffInventories } from '../../../steam/snapshots/diff.js';
import { loadSnapshot, recordSnapshot } from '../../../steam/snapshots/record.js';
import type { ApiKeyRecord } from '../../../store/api-keys.js';
import type {
  ClaimedPoll,
  InventoryWatch,
  InventoryWatchStore,
  WatchTarget,
} from '../../../store/inventory-watches.js';
import type { SnapshotStore } from '../../../store/snapshots.js';
import type { InventoryResult, InventoryService } from '../inventory-service.js';
import type { GatewayMetrics } from '../metrics.js';
import { ClaimLoop } from './claim-loop.js';
import { hasChanges, inventoryChangedData, stateOfItems } from './inventory-change.js';
import type { WebhookService } from './service.js';

export interface InventoryWatchOptions {
  watches: InventoryWatchStore;
  snapshots: SnapshotStore;
  inventory: InventoryService;
  webhooks: WebhookService;
  language: string;
  /** A poll's lease, renewed while it runs; a crashed poll is taken over after it. */
  leaseMs: number;
  concurrency?: number;
  idleMs?: number;
  metrics?: GatewayMetrics;
  log: FastifyBaseLogger;
}

/** The inventory service's cache key for polls: anonymous reads are shared by every key anyway. */
const POLLER = { keyId: 'inventory-watch' };

class LeaseLost extends Error {}

export class InventoryWatches {
  private readonly loop: ClaimLoop<ClaimedPoll>;

  constructor(private readonly options: InventoryWatchOptions) {
    this.loop = new ClaimLoop({
      name: 'inventory watches',
      concurrency: options.concurrency ?? 2,
      idleMs: options.idleMs ?? 1_000,
      claim: (limit) => options.watches.claimDue(Date.now(), limit, options.leaseMs),
      run: (claim) => this.poll(claim),
      log: options.log,
    });
  }

  start(): void {
    this.loop.wakeAt(Date.now());
  }

  async add(key: ApiKeyRecord, target: WatchTarget, intervalMs: number): Promise<InventoryWatch> {
    await this.options.watches.add(key.id, target, intervalMs, Date.now());
    this.loop.wakeAt(Date.now());
    const [watch] = await this.options.watches.list(key.id, target);
    return watch!;
  }

  remove(key: ApiKeyRecord, target: WatchTarget): Promise<boolean> {
    return this.options.watches.remove(key.id, target);
  }

  list(key: ApiKeyRecord, target?: WatchTarget): Promise<InventoryWatch[]> {
    return this.options.watches.list(key.id, target);
  }

  close(drainMs: number): Promise<void> {
    return this.loop.close(drainMs);
  }

  /** One poll of one inventory; answers when the loop should look again. */
  private async poll(claim: ClaimedPoll): Promise<number> {
    const { watches, metrics, leaseMs } = this.options;
    const renew = setInterval(
      () => void watches.renew(claim, claim.leaseToken, Date.now() + leaseMs).catch(() => undefined),
      leaseMs / 3,
    );
    renew.unref();
    const startedAt = Date.now();
    const next = startedAt + claim.intervalMs;
    try {
      const result = await this.read(claim).catch(async (error: unknown) => {
        metrics?.watchPolls.inc({ result: 'error' });
        await watches.finishPoll(claim, claim.leaseToken, {
          last_error: describe(error),
          last_polled_at: startedAt,
          next_poll_at: next,
        });
        return undefined;
      });
      if (result) await this.compare(claim, result, startedAt, next);
      return next;
    } catch (error) {
      if (error instanceof LeaseLost) return next;
      throw error;
    } finally {
      clearInterval(renew);
    }
  }

  /**
   * The inventory as the cache has it when that is newer than what the last poll compared;
   * otherwise fresh from Steam (paced, and joined with any fetch of it already in flight).
   */
  private async read(claim: ClaimedPoll): Promise<InventoryResult> {
    const target = {
      steamid64: claim.steamid,
      appid: claim.appid,
      contextid: claim.contextid,
      language: this.options.language,
    };
    const cached = await this.options.inventory.get(target, POLLER);
    const seen = claim.lastSeenAt ?? -Infinity;
    if (cached.cache !== 'stale' && cached.entry.storedAt > seen) return cached;
    return this.options.inventory.get(target, POLLER, { fresh: true });
  }

  private async compare(claim: ClaimedPoll, result: InventoryResult, startedAt: number, next: number) {
    const { watches, snapshots, metrics } = this.options;
    const { entry } = result;
    const items = entry.items;
    const seen = {
      last_seen_at: entry.storedAt,
      last_polled_at: startedAt,
      last_error: null,
      next_poll_at: next,
    };
    const record = () =>
      recordSnapshot(snapshots, {
        steamid: claim.steamid,
        appid: Number(claim.appid),
        contextid: claim.contextid,
        items,
        takenAt: entry.storedAt,
      });
    const baseline =
      claim.lastSnapshotId === null ? undefined : await loadBaseline(snapshots, claim.lastSnapshotId);
    if (!baseline) {
      const first = await record();
      metrics?.watchPolls.inc({ result: 'baseline' });
      await watches.finishPoll(claim, claim.leaseToken, { ...seen, last_snapshot_id: first.id });
      return;
    }
    const diff = diffInventories(baseline, stateOfItems(items));
    if (!hasChanges(diff)) {
      metrics?.watchPolls.inc({ result: 'unchanged' });
      await watches.finishPoll(claim, claim.leaseToken, seen);
      return;
    }
    const snapshot = await record();
    const keyIds = await watches.watchers(claim);
    await this.options.webhooks.publish(
      {
        type: 'inventoryChanged',
        // The change from one snapshot to the next: the same id however often it is published.
        id: `inventoryChanged:${baseline.id}:${snapshot.id}`,
        keyIds,
        data: inventoryChangedData(claim, baseline, snapshot, diff),
      },
      {
        alsoInTransaction: async (trx) => {
          const moved = await watches.finishPoll(
            claim,
            claim.leaseToken,
            { ...seen, last_snapshot_id: snapshot.id, last_changed_at: startedAt },
            trx,
          );
          // Another instance took the poll over: publishing is its business now.
          if (!moved) throw new LeaseLost();
        },
      },
    );
    metrics?.watchPolls.inc({ result: 'changed' });
  }
}

async function loadBaseline(snapshots: SnapshotStore, id: number) {
  return loadSnapshot(snapshots, id).catch((error: unknown) => {
    // A baseline deleted from the store (by hand): start again from the inventory as it is.
    if (error instanceof InvalidInputError) return undefined;
    throw error;
  });
}

function describe(error: unknown): string {
  const text = error instanceof GamestashError ? `${error.kind}: ${error.message}` : String(error);
  return redactText(text).slice(0, 500);
}
