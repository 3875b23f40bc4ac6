/**
 * @module emulator/steam/guard/scenario
 * What a scenario can say about Steam Guard (`steam.guard`): how far the emulated server
 * clock is from the real one (so a client's QueryTime offset matters), how far a
 * confirmation's `t` may stray from it, and which of the 2025-2026 header requirements the
 * mobile confirmation endpoints enforce; plus each account's own secrets
 * (`steam.users[id].guard`).
 */
import { defined } from '../../../core/env.js';

/** Which mobile confirmation requests need an `Origin` header (UPSTREAM.md, 2025-02). */
export type OriginRequirement = 'all' | 'post' | 'none';

export interface SteamGuardScenario {
  /** Seconds the server clock (QueryTime, confirmation checks) runs ahead of the trade clock. */
  timeSkewSeconds: number;
  /** How far a confirmation's `t` may be from the server clock before its key is refused. */
  timeToleranceSeconds: number;
  /** UPSTREAM.md (2026-07): `/mobileconf/*` answers 429 unless the user agent is the app's (`okhttp/…`). */
  mobileAgentRequired: boolean;
  /**
   * UPSTREAM.md (2025-02, node-steamcommunity #351): confirmation calls need `Origin`; a POST
   * without it is refused with 403. `all` (the default) asks it of GETs too.
   */
  originRequired: OriginRequirement;
}

/** One account's authenticator; secrets are derived from the SteamID when left out. */
export interface SteamGuardUserScenario {
  /** `shared_secret` (base64 of 20 bytes, or 40 hex digits): login codes. */
  sharedSecret?: string;
  /** `identity_secret` (base64 of 20 bytes, or 40 hex digits): confirmation keys. */
  identitySecret?: string;
}

export type SteamGuardScenarioInput = Partial<SteamGuardScenario>;

export function resolveGuardScenario(input: SteamGuardScenarioInput = {}): SteamGuardScenario {
  return {
    timeSkewSeconds: 0,
    timeToleranceSeconds: 60,
    mobileAgentRequired: true,
    originRequired: 'all',
    ...defined(input),
  };
}
