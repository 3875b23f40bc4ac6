/**
 * @module emulator/steam/scenario
 * What a Steam scenario can say (all JSON, so `gamestash emulator --scenario file.json`
 * works) and the defaults that make the emulator behave like Steam on a normal day.
 */
import { defined } from '../../core/env.js';

export const STEAM_FAULT_KINDS = [
  'eresult500',
  'eresult20',
  'timeout',
  'truncated',
  'successFalse',
  'loginRedirect',
] as const;

export type SteamFaultKind = (typeof STEAM_FAULT_KINDS)[number];

export interface SteamInventoryScenario {
  /** Number of assets (any size; benchmarks use 50,000). */
  size: number;
  /** Generator seed; defaults to a hash of steamid/appid/contextid. */
  seed?: number;
  /**
   * CS2 only: how many of the newest items were bought or traded in the last days and are
   * hidden from everyone but the owner (UPSTREAM.md, since 2024-04).
   */
  hiddenRecent?: number;
}

export interface SteamUserScenario {
  /** Profile name in the profile XML. */
  name?: string;
  /** Inventory and profile private: 403 with a `null` body to anyone but the owner. */
  private?: boolean;
  /** Community profile never set up: 401 with a `null` body (UPSTREAM.md, reported 2026). */
  profileNotSetUp?: boolean;
  /** Sizes by `"<appid>/<contextid>"`; unlisted inventories get the default size. */
  inventories?: Record<string, SteamInventoryScenario>;
  /** The `steamLoginSecure` cookie value that authenticates as this user. */
  cookie?: string;
}

export interface SteamRateLimitScenario {
  /** Minimum spacing between accepted inventory requests per IP; 0 turns pacing off. */
  minIntervalMs: number;
  /** Requests allowed back to back before the spacing applies. */
  burst: number;
  /** Consecutive 429s that earn a ban. */
  banAfter429s: number;
  banMs: number;
  /** Slack for timer jitter: a request this early still counts as on time. */
  toleranceMs: number;
  /** Take the client IP from `X-Forwarded-For` (to emulate several egress IPs locally). */
  trustForwardedFor: boolean;
}

export interface SteamFaultScenario {
  /** Probability (0..1) that an inventory request gets a fault drawn from `kinds`. */
  rate: number;
  kinds: SteamFaultKind[];
  seed: number;
  /** Forced faults by inventory request number (1-based, counted since start or reset). */
  script: Record<string, SteamFaultKind>;
}

export interface SteamScenario {
  /** Largest `count` accepted; above it Steam answers 400 `null` (UPSTREAM.md, 2025-05-28). */
  inventoryPageCap: number;
  /** Page size when the request has no `count`. */
  defaultPageSize: number;
  /** Size of inventories the scenario does not list. */
  defaultInventorySize: number;
  users: Record<string, SteamUserScenario>;
  /** Vanity names (`/id/<name>`, ResolveVanityURL) to SteamID64s; `gaben` is built in. */
  vanities: Record<string, string>;
  /** Web API keys accepted; empty accepts any 32-character hex key. */
  apiKeys: string[];
  rateLimit: SteamRateLimitScenario;
  faults: SteamFaultScenario;
}

/** What callers may pass: every field optional, nested objects too. */
export type SteamScenarioInput = Partial<Omit<SteamScenario, 'rateLimit' | 'faults'>> & {
  rateLimit?: Partial<SteamRateLimitScenario>;
  faults?: Partial<SteamFaultScenario>;
};

export const DEFAULT_VANITIES: Readonly<Record<string, string>> = { gaben: '76561197960287930' };

export function resolveSteamScenario(input: SteamScenarioInput = {}): SteamScenario {
  return {
    inventoryPageCap: input.inventoryPageCap ?? 2000,
    defaultPageSize: input.defaultPageSize ?? 25,
    defaultInventorySize: input.defaultInventorySize ?? 40,
    users: input.users ?? {},
    vanities: { ...DEFAULT_VANITIES, ...input.vanities },
    apiKeys: input.apiKeys ?? [],
    rateLimit: {
      minIntervalMs: 0,
      burst: 1,
      banAfter429s: 5,
      banMs: 60_000,
      toleranceMs: 15,
      trustForwardedFor: false,
      ...defined(input.rateLimit),
    },
    faults: {
      rate: 0,
      kinds: ['eresult500', 'eresult20', 'truncated', 'successFalse'],
      seed: 1,
      script: {},
      ...defined(input.faults),
    },
  };
}
