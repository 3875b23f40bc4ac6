/**
 * @module emulator/steam/page-cache
 * Serialized pages, kept so that a page asked for again is answered with the same bytes at
 * once. Benchmarks walk the same 50,000-item inventory many times; without this the
 * emulator's own serialization would dominate what they measure. Bounded by total bytes.
 */
export class PageBodyCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes = 256 * 1024 * 1024) {}

  get(key: string, render: () => string): Buffer {
    const hit = this.entries.get(key);
    if (hit) return hit;
    const body = Buffer.from(render(), 'utf8');
    this.entries.set(key, body);
    this.bytes += body.length;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.maxBytes || old === body) break;
      this.entries.delete(oldKey);
      this.bytes -= old.length;
    }
    return body;
  }
}
