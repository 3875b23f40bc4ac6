/**
 * @module gateway/services/lease-lock
 * A lease on a name held by one instance at a time: taken with Redis `SET NX PX`, renewed
 * (`PEXPIRE`, only while the value is still ours) well before it runs out, released on
 * shutdown (`DEL`, only while ours). An instance that dies stops renewing, and the lease
 * runs out after `ttlMs`: another instance takes it then. Without Redis there is one
 * process to agree with, and every lease is granted.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** `renewed`: still ours; `lost`: someone else's (or gone); `unknown`: Redis did not answer. */
export type RenewOutcome = 'renewed' | 'lost' | 'unknown';

export interface LeaseLock {
  /** Who holds leases taken here (an instance id), for logs. */
  readonly owner: string;
  readonly ttlMs: number;
  /** True when the lease is now ours; false when another holds it or Redis did not answer. */
  acquire(name: string): Promise<boolean>;
  renew(name: string): Promise<RenewOutcome>;
  release(name: string): Promise<void>;
}

export class RedisLeaseLock implements LeaseLock {
  readonly owner: string;

  constructor(
    private readonly redis: Redis,
    readonly ttlMs: number,
    owner?: string,
  ) {
    this.owner = owner ?? `${process.pid}-${randomBytes(6).toString('hex')}`;
  }

  async acquire(name: string): Promise<boolean> {
    try {
      return (await this.redis.set(name, this.owner, 'PX', this.ttlMs, 'NX')) === 'OK';
    } catch {
      return false;
    }
  }

  async renew(name: string): Promise<RenewOutcome> {
    try {
      return Number(await this.redis.eval(RENEW, 1, name, this.owner, this.ttlMs)) === 1 ? 'renewed' : 'lost';
    } catch {
      return 'unknown';
    }
  }

  async release(name: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, name, this.owner).catch(() => undefined);
  }
}

/** One process: every lease is ours. */
export class LocalLeaseLock implements LeaseLock {
  readonly owner = `${process.pid}`;
  readonly ttlMs = Infinity;

  async acquire(): Promise<boolean> {
    return true;
  }

  async renew(): Promise<RenewOutcome> {
    return 'renewed';
  }

  async release(): Promise<void> {}
}
