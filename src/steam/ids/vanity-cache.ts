/**
 * @module steam/ids/vanity-cache
 * Remembers which SteamID64 a vanity name stood for, so a long-running front-end (the
 * gateway, the MCP server) spends one upstream request per name per TTL, and callers asking
 * for the same name at once share one lookup. Only successes are kept: an unknown name is
 * asked again (a name can be claimed at any time). In memory and bounded; the interface is
 * small enough for a shared store to implement it too.
 */

/** An hour: a name changing hands is rare, and an hour-old answer costs little if it does. */
export const DEFAULT_VANITY_CACHE_TTL_MS = 3_600_000;

export interface VanityCache {
  /** The SteamID64 for `vanity`, calling `lookup` only when it is not known (or too old). */
  resolve(vanity: string, lookup: () => Promise<string>): Promise<string>;
}

export interface MemoryVanityCacheOptions {
  /** How long a resolution is trusted. A vanity name can change hands, so not forever. */
  ttlMs: number;
  /** Oldest entries go first beyond this many names. */
  maxEntries?: number;
  now?: () => number;
}

export class MemoryVanityCache implements VanityCache {
  private readonly entries = new Map<string, { steamid64: string; until: number }>();
  private readonly pending = new Map<string, Promise<string>>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(private readonly options: MemoryVanityCacheOptions) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  async resolve(vanity: string, lookup: () => Promise<string>): Promise<string> {
    // Steam's custom URLs are case-insensitive: `Alice` and `alice` are one name.
    const key = vanity.toLowerCase();
    const known = this.entries.get(key);
    if (known && known.until > this.now()) return known.steamid64;
    const running = this.pending.get(key);
    if (running) return running;
    const started = lookup().then((steamid64) => {
      if (this.options.ttlMs > 0) this.remember(key, steamid64);
      return steamid64;
    });
    this.pending.set(key, started);
    try {
      return await started;
    } finally {
      this.pending.delete(key);
    }
  }

  private remember(key: string, steamid64: string): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { steamid64, until: this.now() + this.options.ttlMs });
  }
}
