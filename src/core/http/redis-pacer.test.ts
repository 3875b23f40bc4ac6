/**
 * RedisPacer against a real redis-server: two pacers (two connections, as two gateway
 * instances would have) keep one spacing per key, refuse slots beyond maxWaitMs without
 * consuming them, honour penalize, and survive a script flush.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueTimeoutError, StoreUnavailableError } from '../errors.js';
import { startRedis, type RedisServer } from '../../../test/services/redis.js';
import { RedisPacer } from './redis-pacer.js';

let server: RedisServer;
let a: Redis;
let b: Redis;

beforeAll(async () => {
  server = await startRedis();
  a = new Redis(server.url);
  b = new Redis(server.url);
});
afterAll(async () => {
  a?.disconnect();
  b?.disconnect();
  await server?.stop();
});

describe('RedisPacer', () => {
  it('spaces callers on two connections by the interval, as one queue', async () => {
    const pacers = [new RedisPacer(a), new RedisPacer(b)];
    const started = performance.now();
    const times = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        await pacers[i % 2]!.acquire('steamcommunity.com@direct', 50);
        return performance.now() - started;
      }),
    );
    times.sort((x, y) => x - y);
    // The spacing holds at Redis; seen from here, each release may be a little late, so
    // check what cannot be blurred by that: 8 callers need 7 full intervals, and typical
    // gaps are an interval.
    expect(times.at(-1)!).toBeGreaterThanOrEqual(7 * 50 - 2);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    const median = [...gaps].sort((x, y) => x - y)[3]!;
    expect(median).toBeGreaterThanOrEqual(45);
    expect(times.at(-1)!).toBeLessThan(7 * 50 + 1500);
  });

  it('keeps keys apart', async () => {
    const pacer = new RedisPacer(a);
    await pacer.acquire('host@proxy-1', 5000);
    const started = performance.now();
    await pacer.acquire('host@proxy-2', 5000);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('refuses a slot beyond maxWaitMs without consuming it', async () => {
    const pacer = new RedisPacer(b);
    await pacer.acquire('bounded', 300);
    const error = await pacer.acquire('bounded', 300, { maxWaitMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueTimeoutError);
    expect((error as QueueTimeoutError).code).toBe('pacing_timeout');
    const started = performance.now();
    await pacer.acquire('bounded', 300, { maxWaitMs: 1000 });
    // The refused caller did not push the queue: this one waits one interval, not two.
    expect(performance.now() - started).toBeLessThan(400);
  });

  it('holds a key back after penalize, even at interval 0', async () => {
    const pacer = new RedisPacer(a);
    const free = performance.now();
    await pacer.acquire('penalized', 0);
    expect(performance.now() - free).toBeLessThan(50);
    await pacer.penalize('penalized', 200);
    const started = performance.now();
    await new RedisPacer(b).acquire('penalized', 0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(180);
  });

  it('holds the next sender back when the previous one really sent late', async () => {
    const [first, second] = [new RedisPacer(a), new RedisPacer(b)];
    await first.acquire('late', 100);
    // As if that sender had only gone out 80 ms after its slot (a busy process).
    const [seconds, micros] = await a.time();
    await a.set('gamestash:pace:last:late', Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) + 80);
    const started = performance.now();
    await second.acquire('late', 100);
    expect(performance.now() - started).toBeGreaterThanOrEqual(170);
  });

  it('counts the next spacing from sent(), when the request really reached the wire', async () => {
    const [first, second] = [new RedisPacer(a), new RedisPacer(b)];
    await first.acquire('wire', 100);
    // That request's write waited 60 ms on a busy process before it reached the socket.
    await new Promise((r) => setTimeout(r, 60));
    await first.sent('wire', 100);
    const started = performance.now();
    await second.acquire('wire', 100);
    // A full interval after the send, not after the slot (which was 60 ms earlier).
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });

  it('reloads its scripts after SCRIPT FLUSH', async () => {
    const pacer = new RedisPacer(a);
    await pacer.acquire('flush', 1);
    await a.script('FLUSH');
    await expect(pacer.acquire('flush', 1)).resolves.toBeUndefined();
  });

  it('reports an unreachable Redis as a StoreUnavailableError naming Redis, not a hang', async () => {
    const dead = new Redis({
      port: 1,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
    });
    dead.on('error', () => undefined);
    const error = await new RedisPacer(dead).acquire('x', 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).code).toBe('pacer_unavailable');
    expect((error as StoreUnavailableError).store).toBe('Redis');
    // The driver's own words stay in `cause`, never in the message.
    expect((error as Error).message).not.toMatch(/writeable|enableOfflineQueue|Connection is closed/);
    dead.disconnect();
  });
});
