/**
 * @module gateway/services/key-auth
 * Resolves a caller's API key to its record, remembering lookups briefly so a hot key costs
 * no database query per request (a revoked key stops working within `cacheMs`), and counts
 * usage in memory, flushed to the store in batches every few seconds and on shutdown.
 *
 * While the store is unavailable, a key it confirmed within the last OUTAGE_GRACE_MS keeps
 * its remembered answer (the store is asked again every second or so), so callers with
 * known keys are served through an outage; usage counts wait in memory and are written when
 * the store is back.
 */
import { StoreUnavailableError } from '../../core/errors.js';
import { KEY_PATTERN, type ApiKeyRecord, type ApiKeyStore, type UsageDelta } from '../../store/api-keys.js';

/**
 * How long after the store last confirmed a key its answer may stand in while the store is
 * away. A key revoked just before an outage works on for at most this long: the trade for
 * not refusing every caller while PostgreSQL restarts.
 */
export const OUTAGE_GRACE_MS = 10 * 60_000;
/** While the store is away, how often a remembered key asks it again. */
const OUTAGE_RECHECK_MS = 1_000;

interface KnownKey {
  record: ApiKeyRecord | undefined;
  /** Until when the answer is used without asking the store. */
  until: number;
  /** When the store last gave this answer. */
  confirmedAt: number;
}

export class KeyAuthenticator {
  private readonly known = new Map<string, KnownKey>();
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
    let record: ApiKeyRecord | undefined;
    try {
      record = await this.keys.findActive(secret);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) || !hit || now - hit.confirmedAt > OUTAGE_GRACE_MS)
        throw error;
      hit.until = now + Math.min(OUTAGE_RECHECK_MS, Math.max(this.cacheMs, 1));
      return hit.record;
    }
    // Bound the map: a flood of random well-formed keys must not grow memory forever.
    if (this.known.size > 10_000) this.known.clear();
    this.known.set(secret, { record, until: now + this.cacheMs, confirmedAt: now });
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
          now.lastUsedAt = Math.max(now.lastUsedAt, d.lastUsedAt);
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
