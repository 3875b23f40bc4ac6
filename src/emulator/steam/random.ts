/**
 * @module emulator/steam/random
 * Seeded randomness: the same scenario always produces the same inventories, the same
 * fault sequence and the same bytes on the wire, so failures found with it can be replayed.
 */

/** 32-bit FNV-1a hash of a string, mixed so nearby inputs land far apart. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** A final avalanche step (from murmur3's fmix32). */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A decimal id of `digits` digits derived from a key (classids, instanceids, inspect `D` values). */
export function digitsFrom(key: string, digits: number): string {
  let out = String(1 + (hash32(key) % 9));
  let round = 0;
  while (out.length < digits) out += String(hash32(`${key}#${round++}`)).padStart(10, '0');
  return out.slice(0, digits);
}

export type Rng = () => number;

/** mulberry32: tiny, fast, good enough for test data; returns floats in [0, 1). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

const ICON_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * An `icon_url` shaped like Steam's: a long base64url token. CS2 icons share a common prefix
 * (seeds/000), which clients must not rely on but may see.
 */
export function iconUrl(prefix: string, key: string, length = 110): string {
  const rng = createRng(hash32(key));
  let out = prefix;
  while (out.length < prefix.length + length) out += ICON_ALPHABET[Math.floor(rng() * 64)];
  return out;
}
