/**
 * @module gateway/services/cached-inventory
 * One cached inventory: Steam's merged JSON as stored, plus what the routes derive from it,
 * computed once and kept while the entry lives in memory: the `/inventory` response bytes
 * (the stored JSON with `"status": 200` spliced in front, never re-serialized) and the
 * normalized items for `/v1`.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { normalizePageInto } from '../../steam/community/inventory/normalize.js';
import type { InventoryItem, RawInventory } from '../../steam/community/inventory/types.js';

const gzipAsync = promisify(gzip);

export class CachedInventory {
  private responseBytes: Buffer | undefined;
  private gzippedBytes: Promise<Buffer> | undefined;
  private normalized: InventoryItem[] | undefined;
  private parsed: RawInventory | undefined;

  constructor(
    readonly body: string,
    readonly storedAt: number,
    readonly owner: string,
  ) {}

  static fromInventory(inventory: RawInventory, storedAt: number, owner: string): CachedInventory {
    const entry = new CachedInventory(JSON.stringify(inventory), storedAt, owner);
    entry.parsed = inventory;
    return entry;
  }

  /** The seed's shape: Steam's JSON, unmodified, with `"status": 200` added first. */
  get response(): Buffer {
    if (!this.responseBytes) {
      const rest = this.body.trim() === '{}' ? '}' : `,${this.body.slice(1)}`;
      this.responseBytes = Buffer.from(`{"status":200${rest}`);
    }
    return this.responseBytes;
  }

  /**
   * The same bytes gzipped, compressed once per entry (off the event loop) and shared by
   * every caller that accepts gzip: inventory JSON shrinks about tenfold.
   */
  gzippedResponse(): Promise<Buffer> {
    this.gzippedBytes ??= gzipAsync(this.response);
    return this.gzippedBytes;
  }

  get inventory(): RawInventory {
    this.parsed ??= JSON.parse(this.body) as RawInventory;
    return this.parsed;
  }

  get items(): InventoryItem[] {
    this.normalized ??= normalizePageInto(this.inventory, this.owner, []);
    return this.normalized;
  }

  get totalCount(): number {
    return Number(this.inventory.total_inventory_count ?? this.items.length);
  }

  /**
   * Approximate memory held, for the LRU's budget: the stored string, the response bytes
   * and the normalized items are each about the size of the body. Fixed at creation so the
   * LRU's running total stays exact.
   */
  get weight(): number {
    return this.body.length * 4;
  }

  ageMs(now = Date.now()): number {
    return Math.max(0, now - this.storedAt);
  }
}
