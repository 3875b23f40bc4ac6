import { describe, expect, it } from 'vitest';
import { QueueTimeoutError } from '../errors.js';
import { LocalPacer } from './pacer.js';

describe('LocalPacer', () => {
  it('spaces concurrent callers on one key by the interval', async () => {
    const pacer = new LocalPacer();
    const started = performance.now();
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, () =>
        pacer.acquire('steam', 40).then(() => times.push(performance.now() - started)),
      ),
    );
    times.sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(35);
    expect(times.at(-1)!).toBeGreaterThanOrEqual(5 * 40 - 5);
  });

  it('keeps keys independent', async () => {
    const pacer = new LocalPacer();
    const started = performance.now();
    await Promise.all([pacer.acquire('a', 200), pacer.acquire('b', 200)]);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('holds a key back after a penalty', async () => {
    let now = 1000;
    const pacer = new LocalPacer(() => now);
    pacer.penalize('k', 5000);
    await expect(pacer.acquire('k', 10, { maxWaitMs: 100 })).rejects.toBeInstanceOf(QueueTimeoutError);
    now += 5000;
    await expect(pacer.acquire('k', 10, { maxWaitMs: 100 })).resolves.toBeUndefined();
  });

  it('refuses a slot further away than maxWaitMs with a clear message', async () => {
    const pacer = new LocalPacer();
    await pacer.acquire('k', 10_000);
    await expect(pacer.acquire('k', 10_000, { maxWaitMs: 50 })).rejects.toThrow(/waited too long/);
  });

  it('counts the next spacing from sent(), when the request really reached the wire', async () => {
    const pacer = new LocalPacer();
    await pacer.acquire('k', 100);
    // That request's write waited 60 ms on a busy event loop before it reached the socket.
    await new Promise((r) => setTimeout(r, 60));
    pacer.sent('k');
    const started = performance.now();
    await pacer.acquire('k', 100);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });
});
