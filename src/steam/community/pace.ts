/**
 * @module steam/community/pace
 * How every request to the community host is paced: one key (the host, per egress route in
 * the transport), one spacing, one 429 cool-down. Inventories and the market share it, since
 * Steam counts them against one budget per IP (UPSTREAM.md).
 */
import { DEFAULT_STEAM_RATE_LIMIT_COOLDOWN_MS } from '../../core/config.js';
import type { PaceOptions } from '../../core/http/client.js';

export interface CommunityPaceOptions {
  communityUrl: string;
  /** Spacing between requests to the community host (per egress route). */
  intervalMs: number;
  /** First hold-back after a 429, doubling while they continue (default 60 s: UPSTREAM.md says minutes). */
  rateLimitCooldownMs?: number | undefined;
  /** Give up waiting for a pacing slot after this long. */
  maxQueueWaitMs?: number | undefined;
}

export function communityPaceKey(communityUrl: string): string {
  return new URL(communityUrl).host;
}

export function communityPace(options: CommunityPaceOptions): PaceOptions {
  return {
    key: communityPaceKey(options.communityUrl),
    intervalMs: options.intervalMs,
    rateLimitCooldownMs: options.rateLimitCooldownMs ?? DEFAULT_STEAM_RATE_LIMIT_COOLDOWN_MS,
    ...(options.maxQueueWaitMs === undefined ? {} : { maxWaitMs: options.maxQueueWaitMs }),
  };
}
