/**
 * @module gateway/services/key-auth
 * Resolves a caller's API key to its record, remembering lookups briefly so a hot key costs
 * no database query per request (a revoked key stops working within `cacheMs`), and counts
 * usage in memory, flushed to the store in batches every few seconds and on shutdown.
 */
import { KEY_PATTERN, type ApiKeyRecord, type ApiKeyStore, type UsageDelta } from '../../store/api-keys.js';

export class KeyAuthenticator {
  private readonly known = new Map<string, { record: ApiKeyRecord | undefined; until: number }>();
  private pending = new Map<string, UsageDelta>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly keys: ApiKeyStore,
    private readonly cacheMs: number,
    flushEveryMs = 5_000,
  ) {
    this.timer = setInterval(() => void this.flush().catch(() => undefined), flushEveryMs);
    this.timer.unref();
  }

  /** The active key for this secret, or undefined when malformed, unknown or revoked. */
  async authenticate(secret: string): Promise<ApiKeyRecord | undefined> {
    if (!KEY_PATTERN.test(secret)) return undefined;
    const now = Date.now();
    const hit = this.known.get(secret);
    if (hit && hit.until > now) return hit.record;
    const record = await this.keys.findActive(secret);
    // Bound the map: a flood of random well-formed keys must not grow memory forever.
    if (this.known.size > 10_000) this.known.clear();
    this.known.set(secret, { record, until: now + this.cacheMs });
    return record;
  }

  recordUse(keyId: string, cacheHit: boolean): void {
    const delta = this.pending.get(keyId) ?? { keyId, requests: 0, cacheHits: 0, lastUsedAt: 0 };
    delta.requests++;
    if (cacheHit) delta.cacheHits++;
    delta.lastUsedAt = Date.now();
    this.pending.set(keyId, delta);
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    try {
      await this.keys.recordUsage(batch);
    } catch (error) {
      // Put the counts back so a brief database hiccup loses nothing.
      for (const d of batch) {
        const now = this.pending.get(d.keyId);
        if (now) {
          now.requests += d.requests;
          now.cacheHits += d.cacheHits;
        } else this.pending.set(d.keyId, d);
      }
      throw error;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
