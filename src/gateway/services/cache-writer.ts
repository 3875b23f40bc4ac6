/**
 * @module gateway/services/cache-writer
 * Writes to the durable cache tier that outlive a store outage. A write the store cannot take
 * now (StoreUnavailableError) is kept, the latest per key, and retried every few seconds,
 * oldest first, until the store is back: an entry fetched during the outage still reaches
 * the other instances and survives a restart, and a copy Steam no longer serves (private now)
 * is still dropped. Kept bodies are bounded by size; past the bound the oldest kept entries
 * are given up (it is a cache: a lost entry costs one more upstream fetch, and the log says
 * so). Deletes weigh nothing and are kept, up to a bound on the number of kept writes.
 */
import type { FastifyBaseLogger } from 'fastify';
import { StoreUnavailableError } from '../../core/errors.js';
import type { CacheEntryStore, StoredEntry } from '../../store/cache-entries.js';

type PendingWrite = { kind: 'put'; entry: StoredEntry } | { kind: 'delete'; key: string };

export interface CacheWriterOptions {
  log: FastifyBaseLogger;
  retryEveryMs?: number;
  /** Bodies kept for retry, in characters. */
  maxPendingSize?: number;
}

/** However small, no more writes than this are kept. */
const MAX_PENDING_WRITES = 10_000;

export class CacheWriter {
  private readonly pending = new Map<string, PendingWrite>();
  private pendingSize = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private readonly retryEveryMs: number;
  private readonly maxPendingSize: number;

  constructor(
    private readonly store: CacheEntryStore,
    private readonly options: CacheWriterOptions,
  ) {
    this.retryEveryMs = options.retryEveryMs ?? 2_000;
    this.maxPendingSize = options.maxPendingSize ?? 64 * 1024 * 1024;
  }

  /** Stores the entry now, or keeps it for later when the store is away. */
  async put(entry: StoredEntry): Promise<void> {
    // A newer write supersedes one still waiting for the store.
    this.forget(entry.key);
    try {
      await this.store.put(entry);
    } catch (error) {
      this.keep(error, { kind: 'put', entry });
    }
  }

  async delete(key: string): Promise<void> {
    this.forget(key);
    try {
      await this.store.delete(key);
    } catch (error) {
      this.keep(error, { kind: 'delete', key });
    }
  }

  /** Writes waiting for the store. */
  get size(): number {
    return this.pending.size;
  }

  /** Retries the kept writes, oldest first, stopping at the first the store refuses. */
  flush(): Promise<void> {
    this.flushing ??= this.retry().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
    if (this.pending.size > 0) {
      this.options.log.warn(
        { writes: this.pending.size },
        'cache writes still waiting for the store are lost',
      );
    }
  }

  private async retry(): Promise<void> {
    let written = 0;
    for (const [key, write] of this.pending) {
      try {
        // A late write must not overwrite a fresher copy another instance stored meanwhile.
        if (write.kind === 'put') await this.store.putUnlessNewer(write.entry);
        else await this.store.delete(key);
        written++;
      } catch (error) {
        if (error instanceof StoreUnavailableError) return;
        this.options.log.error({ err: error, key }, 'a kept cache write failed: given up');
      }
      // Unless a newer write for this key replaced it while we were writing.
      if (this.pending.get(key) === write) this.forget(key);
    }
    if (written > 0)
      this.options.log.info({ writes: written }, 'cache writes kept during a store outage are written');
    this.stopTimerWhenIdle();
  }

  private keep(error: unknown, write: PendingWrite): void {
    if (!(error instanceof StoreUnavailableError)) throw error;
    const key = write.kind === 'put' ? write.entry.key : write.key;
    this.forget(key);
    this.pending.set(key, write);
    this.pendingSize += sizeOf(write);
    for (const [oldest, old] of this.pending) {
      if (this.pendingSize <= this.maxPendingSize && this.pending.size <= MAX_PENDING_WRITES) break;
      if (old.kind === 'delete' && this.pending.size <= MAX_PENDING_WRITES) continue;
      this.forget(oldest);
      this.options.log.warn(
        { key: oldest, kind: old.kind },
        'too many cache writes waiting for the store: gave up the oldest',
      );
    }
    if (!this.timer) {
      this.timer = setInterval(() => void this.flush(), this.retryEveryMs);
      this.timer.unref();
    }
  }

  private forget(key: string): void {
    const write = this.pending.get(key);
    if (!write) return;
    this.pending.delete(key);
    this.pendingSize -= sizeOf(write);
  }

  private stopTimerWhenIdle(): void {
    if (this.pending.size > 0 || !this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

function sizeOf(write: PendingWrite): number {
  return write.kind === 'put' ? write.entry.body.length : 0;
}
