/**
 * @module gateway/services/memory-cache
 * A least-recently-used map bounded by weight (bytes), for the hot tier in front of the
 * store: a hot inventory is answered from here without touching the database.
 */
export class MemoryCache<V extends { weight: number }> {
  private readonly entries = new Map<string, V>();
  private total = 0;

  constructor(private readonly maxWeight: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Re-insert to mark as most recently used (Map keeps insertion order).
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    if (value.weight > this.maxWeight) return;
    this.entries.set(key, value);
    this.total += value.weight;
    for (const [oldest, old] of this.entries) {
      if (this.total <= this.maxWeight) break;
      this.entries.delete(oldest);
      this.total -= old.weight;
    }
  }

  delete(key: string): void {
    const old = this.entries.get(key);
    if (old === undefined) return;
    this.entries.delete(key);
    this.total -= old.weight;
  }

  get size(): number {
    return this.entries.size;
  }
}
