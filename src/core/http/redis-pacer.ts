/**
 * @module core/http/redis-pacer
 * A Pacer shared by every process on one Redis: the same contract as LocalPacer (reserve
 * the next free slot per key, refuse a slot further than maxWaitMs, push the key back after
 * a 429), but the reservation is one atomic Lua script, so several gateway instances keep a
 * single upstream spacing per egress route. Redis's own clock (TIME) is the reference, so
 * instances never disagree about "now".
 *
 * Reserving slots alone trusts every sender to go at its slot. A process that wakes late
 * (a busy event loop, a descheduled process) sends late, and the next sender, on time, then
 * arrives less than an interval after it: Steam counts arrivals, not reservations. So after
 * its wait each sender passes a gate that holds it back until an interval after the previous
 * send and records when it passed; when the request's bytes reach the socket, `sent` moves
 * the record to the real send time (Redis's clock again, so a little late: on the safe side).
 */
import { createHash } from 'node:crypto';
import { StoreUnavailableError } from '../errors.js';
import { sleep, slotWaitTooLong, type Pacer } from './pacer.js';

/** The subset of an ioredis client the pacer needs (keeps core free of a hard dependency). */
export interface RedisScripting {
  evalsha(sha: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

// Returns {wait, reserved}: reserved = 0 when the slot is beyond ARGV[2] (then nothing is
// written). Integer milliseconds: Lua prints large floats with 14 digits, losing precision.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local maxWait = tonumber(ARGV[2])
local stored = redis.call('GET', KEYS[1])
if interval <= 0 and not stored then return {0, 1} end
local slot = math.max(now, tonumber(stored or '0'))
local wait = slot - now
if maxWait >= 0 and wait > maxWait then return {wait, 0} end
redis.call('SET', KEYS[1], slot + interval, 'PX', wait + interval + 60000)
return {wait, 1}
`;

const PENALIZE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
local stored = tonumber(redis.call('GET', KEYS[1]) or '0')
if stored < untilMs then redis.call('SET', KEYS[1], untilMs, 'PX', tonumber(ARGV[1]) + 60000) end
return 1
`;

// Returns how much longer to wait (0: go now, and the send time is recorded). A caller told to
// wait asks again afterwards: by then the previous request may have reported (SENT) that it
// reached the wire later than its gate, and the spacing counts from there.
const GATE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local last = redis.call('GET', KEYS[1])
if last and now < tonumber(last) + interval then return tonumber(last) + interval - now end
redis.call('SET', KEYS[1], now, 'PX', interval + 60000)
return 0
`;

// The request let through by GATE reached the wire now: the next gate counts from here.
const SENT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
if now > last then redis.call('SET', KEYS[1], now, 'PX', tonumber(ARGV[1]) + 60000) end
return 1
`;

const sha1 = (script: string) => createHash('sha1').update(script).digest('hex');
const ACQUIRE_SHA = sha1(ACQUIRE);
const PENALIZE_SHA = sha1(PENALIZE);
const GATE_SHA = sha1(GATE);
const SENT_SHA = sha1(SENT);

export interface RedisPacerOptions {
  /** Namespace for pacing keys, so several deployments can share one Redis. */
  prefix?: string;
}

export class RedisPacer implements Pacer {
  private readonly prefix: string;

  constructor(
    private readonly redis: RedisScripting,
    options: RedisPacerOptions = {},
  ) {
    this.prefix = options.prefix ?? 'gamestash:pace:';
  }

  async acquire(key: string, intervalMs: number, options: { maxWaitMs?: number; signal?: AbortSignal } = {}) {
    options.signal?.throwIfAborted();
    const maxWait = options.maxWaitMs === undefined ? -1 : Math.max(0, Math.floor(options.maxWaitMs));
    const reply = await this.run(ACQUIRE_SHA, ACQUIRE, key, Math.max(0, Math.ceil(intervalMs)), maxWait);
    const [wait, reserved] = reply as [number, number];
    // Not reserved only when a bound was given (maxWait is -1 without one).
    if (!reserved) throw slotWaitTooLong(wait, options.maxWaitMs ?? maxWait);
    if (wait > 0) await sleep(wait, options.signal);
    if (intervalMs <= 0) return;
    for (;;) {
      const more = Number(await this.run(GATE_SHA, GATE, `last:${key}`, Math.ceil(intervalMs)));
      if (more <= 0) return;
      await sleep(more, options.signal);
    }
  }

  async sent(key: string, intervalMs: number): Promise<void> {
    if (intervalMs > 0) await this.run(SENT_SHA, SENT, `last:${key}`, Math.ceil(intervalMs));
  }

  async penalize(key: string, ms: number): Promise<void> {
    await this.run(PENALIZE_SHA, PENALIZE, key, Math.max(0, Math.ceil(ms)));
  }

  private async run(sha: string, script: string, key: string, ...args: number[]): Promise<unknown> {
    const redisKey = this.prefix + key;
    try {
      try {
        return await this.redis.evalsha(sha, 1, redisKey, ...args);
      } catch (error) {
        // A restarted or flushed Redis forgets loaded scripts: send the source once.
        if (!String((error as Error).message).includes('NOSCRIPT')) throw error;
        return await this.redis.eval(script, 1, redisKey, ...args);
      }
    } catch (error) {
      // Not retryable here: the client would only hammer a Redis that is away. Never a
      // fallback to local pacing either: instances pacing alone would together exceed the
      // shared budget they exist to keep. The caller learns the store is away and retries later.
      throw new StoreUnavailableError('Redis', 'the shared pacing state cannot be reached', {
        code: 'pacer_unavailable',
        cause: error,
      });
    }
  }
}
