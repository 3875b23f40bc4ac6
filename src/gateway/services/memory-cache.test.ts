import { describe, expect, it } from 'vitest';
import { CachedInventory } from './cached-inventory.js';
import { MemoryCache } from './memory-cache.js';

const item = (weight: number) => ({ weight });

describe('MemoryCache', () => {
  it('evicts the least recently used entries beyond its weight budget', () => {
    const cache = new MemoryCache<{ weight: number }>(10);
    cache.set('a', item(4));
    cache.set('b', item(4));
    cache.get('a');
    cache.set('c', item(4));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    cache.set('a', item(2));
    cache.set('d', item(4));
    expect(cache.size).toBe(3);
  });

  it('never holds an entry heavier than the whole budget', () => {
    const cache = new MemoryCache<{ weight: number }>(10);
    cache.set('huge', item(11));
    expect(cache.get('huge')).toBeUndefined();
  });
});

describe('CachedInventory', () => {
  it('splices "status": 200 in front of the stored JSON without re-serializing', () => {
    const body = '{"assets":[{"assetid":"1"}],"total_inventory_count":1,"success":1,"rwgrsn":-2}';
    const entry = new CachedInventory(body, Date.now(), '76561198000000001');
    expect(entry.response.toString()).toBe(`{"status":200,${body.slice(1)}`);
    expect(JSON.parse(entry.response.toString())).toEqual({ status: 200, ...JSON.parse(body) });
    expect(new CachedInventory('{}', 0, '1').response.toString()).toBe('{"status":200}');
  });
});
