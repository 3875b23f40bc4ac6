/**
 * @module steam/community/pace
 * The community host's pacing (UPSTREAM.md: about 4 s between requests, minutes of cool-down
 * after a 429, per IP). Every steamcommunity.com caller — inventory pages, trade offers,
 * partner inventories — builds its pacing here, so they share one key and one budget.
 */
import { DEFAULT_STEAM_RATE_LIMIT_COOLDOWN_MS } from '../../core/config.js';
import type { PaceOptions } from '../../core/http/client.js';

export interface CommunityPaceOptions {
  communityUrl: string;
  /** Spacing between requests to the community host (per egress route). */
  intervalMs: number;
  /** First hold-back after a 429, doubling while they continue (default 60 s). */
  rateLimitCooldownMs?: number | undefined;
  /** Give up waiting for a pacing slot after this long. */
  maxQueueWaitMs?: number | undefined;
}

/** The pacing key is the host: requests to one community host share one spacing. */
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
