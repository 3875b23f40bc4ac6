/**
 * @module roblox/inventory/budget
 * Client-side rate budgets, so requests wait their turn instead of earning 429s. Roblox allows
 * 100 requests/min per API-key *owner* (shared by all of that owner's keys) and 20/min per
 * OAuth2 token (seed 003, UPSTREAM.md). Each budget becomes a pacing key for the shared
 * HttpClient pacer: one key per owner, or per token hash. With a Redis-backed Pacer the same
 * keys are shared by every gateway instance.
 */
import { createHash } from 'node:crypto';
import type { PaceOptions } from '../../core/http/client.js';

export const ROBLOX_API_KEY_PER_MINUTE = 100;
export const ROBLOX_OAUTH_PER_MINUTE = 20;

export interface BudgetInput {
  apiKey?: string | undefined;
  oauthToken?: string | undefined;
  /** Who owns the API key (a user or group); keys of one owner share one budget. */
  owner?: string | undefined;
  perMinute?: number | undefined;
  /** Give up rather than wait longer than this for a slot. */
  maxWaitMs?: number | undefined;
}

/** A short, irreversible stand-in for a secret, safe to use in keys and logs. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

export function budgetFor(input: BudgetInput): PaceOptions & { perMinute: number } {
  const perMinute = input.perMinute ?? (input.apiKey ? ROBLOX_API_KEY_PER_MINUTE : ROBLOX_OAUTH_PER_MINUTE);
  const key = input.apiKey
    ? `roblox:owner:${input.owner ?? `key-${secretHash(input.apiKey)}`}`
    : `roblox:oauth:${secretHash(input.oauthToken ?? '')}`;
  return {
    key,
    intervalMs: 60_000 / perMinute,
    perMinute,
    // After a 429 without Retry-After, wait one budget slot before trying again (it doubles).
    rateLimitCooldownMs: 60_000 / perMinute,
    ...(input.maxWaitMs === undefined ? {} : { maxWaitMs: input.maxWaitMs }),
  };
}
