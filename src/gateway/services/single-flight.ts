/**
 * @module gateway/services/single-flight
 * Concurrent identical requests share one upstream fetch. Within a process, callers join
 * the promise in flight. With Redis, instances also agree on one leader per key: a lock
 * (`SET NX PX`, renewed while the fetch runs) plus an outcome record the leader leaves for
 * the others, so a failure is reported to the waiters instead of each retrying upstream.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { sleep } from '../../core/http/pacer.js';
import { describeFailure, rebuildFailure, type FailureRecord } from './failure-record.js';

export interface Flight<T> {
  promise: Promise<T>;
  /** True when this caller joined a fetch another caller started. */
  joined: boolean;
}

export interface Leadership<T> {
  /** Runs the fetch as the leader; its result is what every waiter gets. */
  lead: () => Promise<T>;
  /** Another instance led and succeeded: read what it stored. */
  follow: () => Promise<T>;
}

interface OutcomeRecord {
  token: string;
  ok: boolean;
  /**
   * Requests that arrived up to this time (leader's clock) may take this outcome as theirs:
   * the finish time, or later for a failure worth remembering (a private inventory).
   */
  validUntil: number;
  error?: FailureRecord;
}

export interface SingleFlightOptions {
  prefix?: string;
  /** How long a failure may answer later requests too (0: only those already waiting). */
  failureTtlMs?: (error: unknown) => number;
}

const LOCK_TTL_MS = 30_000;
const OUTCOME_TTL_MS = 30_000;
// Only compare-and-delete / compare-and-extend: never touch a lock another leader now holds.
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const EXTEND = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

export class SingleFlight<T> {
  private readonly inFlight = new Map<string, Promise<T>>();
  private readonly prefix: string;

  constructor(
    private readonly redis?: Redis,
    private readonly options: SingleFlightOptions = {},
  ) {
    this.prefix = options.prefix ?? 'gamestash:flight:';
  }

  run(key: string, leadership: Leadership<T>): Flight<T> {
    const existing = this.inFlight.get(key);
    if (existing) return { promise: existing, joined: true };
    const started = Date.now();
    const promise = (this.redis ? this.shared(key, leadership, started) : leadership.lead()).finally(() =>
      this.inFlight.delete(key),
    );
    this.inFlight.set(key, promise);
    return { promise, joined: false };
  }

  /** Redis trouble must not take the gateway down: lead locally, as without Redis. */
  private async shared(key: string, leadership: Leadership<T>, startedAt: number): Promise<T> {
    try {
      return await this.distributed(key, leadership, startedAt);
    } catch (error) {
      if (!(error instanceof RedisTrouble)) throw error;
      return leadership.lead();
    }
  }

  private async distributed(key: string, { lead, follow }: Leadership<T>, startedAt: number): Promise<T> {
    const redis = this.redis!;
    const lockKey = `${this.prefix}lock:${key}`;
    const outcomeKey = `${this.prefix}outcome:${key}`;
    const get = (k: string) => viaRedis(() => redis.get(k));
    const settle = (record: OutcomeRecord) => {
      if (record.ok) return follow();
      throw rebuildFailure(record.error!);
    };
    for (;;) {
      // A fetch that finished after this request arrived answers it too: without this, an
      // instance that got the request a moment late would ask Steam again.
      const recent = parseOutcome(await get(outcomeKey));
      if (recent && recent.validUntil >= startedAt) return settle(recent);
      const token = randomBytes(12).toString('hex');
      if (await viaRedis(() => redis.set(lockKey, token, 'PX', LOCK_TTL_MS, 'NX'))) {
        return this.leadWithLock(lockKey, outcomeKey, token, lead);
      }
      const holder = await get(lockKey);
      if (holder === null) continue;
      // Wait for that leader to finish, polling gently (one poller per key per instance).
      for (let delay = 10; (await get(lockKey)) === holder; delay = Math.min(delay * 2, 100)) {
        await sleep(delay);
      }
      const record = parseOutcome(await get(outcomeKey));
      if (record?.token === holder) return settle(record);
      // The leader vanished without an outcome (crashed, lock expired): try to lead.
    }
  }

  private async leadWithLock(lockKey: string, outcomeKey: string, token: string, lead: () => Promise<T>) {
    const redis = this.redis!;
    const renew = setInterval(() => {
      redis.eval(EXTEND, 1, lockKey, token, LOCK_TTL_MS).catch(() => undefined);
    }, LOCK_TTL_MS / 3);
    renew.unref();
    try {
      const value = await lead();
      await this.record(outcomeKey, { token, ok: true, validUntil: Date.now() }).catch(() => undefined);
      return value;
    } catch (error) {
      const ttl = this.options.failureTtlMs?.(error) ?? 0;
      const record = { token, ok: false, validUntil: Date.now() + ttl, error: describeFailure(error) };
      await this.record(outcomeKey, record, ttl).catch(() => undefined);
      throw error;
    } finally {
      clearInterval(renew);
      await redis.eval(RELEASE, 1, lockKey, token).catch(() => undefined);
    }
  }

  private async record(outcomeKey: string, record: OutcomeRecord, ttlMs = 0): Promise<void> {
    await this.redis!.set(outcomeKey, JSON.stringify(record), 'PX', OUTCOME_TTL_MS + ttlMs);
  }
}

class RedisTrouble extends Error {}

async function viaRedis<R>(op: () => Promise<R>): Promise<R> {
  try {
    return await op();
  } catch (error) {
    throw new RedisTrouble(String((error as Error).message), { cause: error });
  }
}

function parseOutcome(text: string | null): OutcomeRecord | undefined {
  return text ? (JSON.parse(text) as OutcomeRecord) : undefined;
}
