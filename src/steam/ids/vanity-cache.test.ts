import { describe, expect, it } from 'vitest';
import { MemoryVanityCache } from './vanity-cache.js';

describe('MemoryVanityCache', () => {
  it('looks a name up once per TTL, whatever its case, and shares a lookup in flight', async () => {
    let now = 0;
    let lookups = 0;
    const cache = new MemoryVanityCache({ ttlMs: 1000, now: () => now });
    const lookup = async () => {
      lookups++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return '76561198000000042';
    };
    const [a, b] = await Promise.all([cache.resolve('alice', lookup), cache.resolve('Alice', lookup)]);
    expect([a, b, lookups]).toEqual(['76561198000000042', '76561198000000042', 1]);
    now = 999;
    await cache.resolve('ALICE', lookup);
    expect(lookups).toBe(1);
    now = 1000;
    await cache.resolve('alice', lookup);
    expect(lookups).toBe(2);
  });

  it('does not keep failures, and stays within its size', async () => {
    const cache = new MemoryVanityCache({ ttlMs: 60_000, maxEntries: 2 });
    let lookups = 0;
    const fail = async (): Promise<string> => {
      lookups++;
      throw new Error('no such name');
    };
    await expect(cache.resolve('nobody', fail)).rejects.toThrow('no such name');
    await expect(cache.resolve('nobody', fail)).rejects.toThrow('no such name');
    expect(lookups).toBe(2);
    const id = (n: number) => async () => {
      lookups++;
      return `7656119800000000${n}`;
    };
    await cache.resolve('a', id(1));
    await cache.resolve('b', id(2));
    await cache.resolve('c', id(3));
    lookups = 0;
    await cache.resolve('a', id(1)); // the oldest went first
    await cache.resolve('c', id(3));
    expect(lookups).toBe(1);
  });
});
