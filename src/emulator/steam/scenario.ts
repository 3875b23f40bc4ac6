/**
 * @module emulator/steam/scenario
 * What a Steam scenario can say (all JSON, so `gamestash emulator --scenario file.json`
 * works) and the defaults that make the emulator behave like Steam on a normal day.
 */
import { defined } from '../../core/env.js';
import {
  resolveGuardScenario,
  type SteamGuardScenario,
  type SteamGuardScenarioInput,
  type SteamGuardUserScenario,
} from './guard/scenario.js';
import {
  resolveTradeScenario,
  type SteamTradeScenario,
  type SteamTradeScenarioInput,
  type SteamTradeUserScenario,
} from './trade/scenario.js';
import {
  resolveWebApiScenario,
  type SteamWebApiScenario,
  type SteamWebApiScenarioInput,
} from './webapi/scenario.js';

export type * from './webapi/scenario.js';
export type * from './trade/scenario.js';
export type * from './guard/scenario.js';

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

/** Who may see a profile: Steam's three community privacy settings. */
export type ProfileVisibility = 'public' | 'private' | 'friendsOnly';

/** A friend as a scenario lists it: a SteamID64, or one with the relationship's details. */
export type SteamFriendScenario =
  | string
  | {
      steamid: string;
      /** Steam's relationship name; `friend` unless said otherwise. */
      relationship?: string;
      /** Unix time the friendship began; generated when absent. */
      friendSince?: number;
    };

/** One owned game; missing fields are generated. */
export interface SteamOwnedGameScenario {
  /** Minutes played in total (`playtime_forever`); 0 for a game never started. */
  playtimeForever?: number;
  /** Minutes played in the last two weeks (`playtime_2weeks`). */
  playtime2Weeks?: number;
  /** Unix time last played (`rtime_last_played`). */
  lastPlayed?: number;
}

export interface SteamUserScenario {
  /** Persona name (profile XML, GetPlayerSummaries); generated from the SteamID when absent. */
  name?: string;
  /** Inventory and profile private: 403 with a `null` body to anyone but the owner. */
  private?: boolean;
  /** Profile privacy; wins over `private` when both are given. */
  visibility?: ProfileVisibility;
  /** Steam's EPersonaState: 0 offline, 1 online, 2 busy, 3 away, 4 snooze, 5 looking to trade, 6 looking to play. */
  personaState?: number;
  /** The 40-hex avatar hash behind the avatar URLs. */
  avatarHash?: string;
  /** Unix time the account was created. */
  timeCreated?: number;
  /** Real name shown on a public profile; `""` for none. */
  realName?: string;
  /** ISO 3166 country code shown on a public profile; `""` for none. */
  country?: string;
  /** Friends; when given, the user's friends are exactly these (plus whoever lists this user). */
  friends?: SteamFriendScenario[];
  /** Owned games by appid; when given, replaces the generated library. */
  games?: Record<string, SteamOwnedGameScenario>;
  /** Unlocked achievements (API names) by appid; when given for an app, replaces the generated ones. */
  achievements?: Record<string, string[]>;
  /** Stat values by appid and stat name; when given for an app, replaces the generated ones. */
  stats?: Record<string, Record<string, number>>;
  /** Community profile never set up: 401 with a `null` body (UPSTREAM.md, reported 2026). */
  profileNotSetUp?: boolean;
  /** Sizes by `"<appid>/<contextid>"`; unlisted inventories get the default size. */
  inventories?: Record<string, SteamInventoryScenario>;
  /** The `steamLoginSecure` cookie value that authenticates as this user. */
  cookie?: string;
  /** This account's Web API key: trade-offer methods called with it answer for this account. */
  apiKey?: string;
  /** Trade settings: token, mobile authenticator, escrow, bans, acknowledgement. */
  trade?: SteamTradeUserScenario;
  /** Steam Guard secrets (shared, identity); derived from the SteamID when left out. */
  guard?: SteamGuardUserScenario;
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
  /** The Web API's budgets, burst 429s and faults (the data comes from `users`). */
  webApi: SteamWebApiScenario;
  /** Trade offers: lifetime, trade protection, caps, faults. */
  trade: SteamTradeScenario;
  /** Steam Guard: server clock skew, confirmation time tolerance, header requirements. */
  guard: SteamGuardScenario;
}

/** What callers may pass: every field optional, nested objects too. */
export type SteamScenarioInput = Partial<
  Omit<SteamScenario, 'rateLimit' | 'faults' | 'webApi' | 'trade' | 'guard'>
> & {
  rateLimit?: Partial<SteamRateLimitScenario>;
  faults?: Partial<SteamFaultScenario>;
  webApi?: SteamWebApiScenarioInput;
  trade?: SteamTradeScenarioInput;
  guard?: SteamGuardScenarioInput;
};

export const DEFAULT_VANITIES: Readonly<Record<string, string>> = { gaben: '76561197960287930' };

export function resolveSteamScenario(input: SteamScenarioInput = {}): SteamScenario {
  return {
    inventoryPageCap: input.inventoryPageCap ?? 2000,
    defaultPageSize: input.defaultPageSize ?? 25,
    defaultInventorySize: input.defaultInventorySize ?? 40,
    users: input.users ?? {},
    vanities: { ...DEFAULT_VANITIES, ...input.vanities },
    apiKeys: withAccountKeys(input.apiKeys ?? [], input.users ?? {}),
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
    webApi: resolveWebApiScenario(input.webApi),
    trade: resolveTradeScenario(input.trade),
    guard: resolveGuardScenario(input.guard),
  };
}

/**
 * Accounts' own keys are valid keys too. An empty list accepts any 32-hex key, so they are
 * added only to a list the scenario gave.
 */
function withAccountKeys(keys: string[], users: Record<string, SteamUserScenario>): string[] {
  if (keys.length === 0) return keys;
  const own = Object.values(users).flatMap((user) => (user.apiKey ? [user.apiKey] : []));
  return [...new Set([...keys, ...own])];
}
