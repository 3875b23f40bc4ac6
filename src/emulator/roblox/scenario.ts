/**
 * @module emulator/roblox/scenario
 * What the Roblox emulator serves: users and their generated inventories, the API keys and
 * OAuth2 tokens it accepts, rate limits (scalable, so tests and benchmarks run fast) and
 * injected faults. A scenario given to the emulator replaces each top-level part it names;
 * `rateLimits` is merged field by field.
 */

export interface RobloxUserScenario {
  /** Plain (non-collectible) assets of assorted types. */
  assets?: number;
  /** Collectible assets with serials and instance states; some are second copies of one asset. */
  collectibles?: number;
  badges?: number;
  /** Game passes (Roblox leaves `addTime` out for these). */
  gamePasses?: number;
  /** Private servers: visible only with Inventory read permission. */
  privateServers?: number;
  /** PURCHASED_PLACE assets: visible only with Inventory read permission. */
  purchasedPlaces?: number;
  /** Inventory visibility is not "Everyone": 403 PERMISSION_DENIED without Inventory read. */
  private?: boolean;
  /** Raw items appended verbatim (e.g. asset types or states Roblox added later). */
  extraItems?: Record<string, unknown>[];
  /** End a page early wherever the item kind changes (Roblox: "might return fewer"). */
  shortPages?: boolean;
}

export interface RobloxApiKeyScenario {
  /** The user or group that owns the key; all keys of one owner share one rate budget. */
  owner: string;
  /** Inventory: Read permission. It reaches private data only when `owner` is the target user id. */
  inventoryRead?: boolean;
}

export interface RobloxOAuthTokenScenario {
  /** The user who authorized the app. */
  userId: string;
  /** Defaults to `['user.inventory-item:read']`. */
  scopes?: string[];
}

export interface RobloxRateLimits {
  /** Requests per minute per API-key owner (Roblox: 100). */
  apiKeyPerMinute?: number;
  /** Requests per minute per OAuth2 token (Roblox: 20). */
  oauthPerMinute?: number;
  /** Requests allowed back to back before pacing is enforced; defaults to a minute's worth. */
  burst?: number;
  /** `retry-after` on 429: whole seconds (default), `0`, or no header at all. */
  retryAfter?: 'seconds' | 'zero' | 'none';
}

export interface RobloxFault {
  /** HTTP status to answer with instead (500 INTERNAL, 503 UNAVAILABLE, 200 = truncated JSON). */
  status: number;
  /** How many requests in a row fail this way. */
  count: number;
  /** Only requests for this user id. */
  userId?: string;
}

export interface RobloxScenario {
  users?: Record<string, RobloxUserScenario>;
  apiKeys?: Record<string, RobloxApiKeyScenario>;
  oauthTokens?: Record<string, RobloxOAuthTokenScenario>;
  rateLimits?: RobloxRateLimits;
  /** The last page's `nextPageToken`: `""` (as the docs show) or left out (both mean the end). */
  endToken?: 'empty' | 'omitted';
  faults?: RobloxFault[];
}

/** User 123456's T-shirt (asset 1028595) from Roblox's own inventory and ownership examples. */
export const ROBLOX_DOCS_EXAMPLE_ITEM = {
  path: 'users/123456/inventory-items/VVNFUl9BU1NFVF9JRD0yMDAxMDUxMTkzODg',
  assetDetails: {
    assetId: '1028595',
    inventoryItemAssetType: 'CLASSIC_TSHIRT',
    instanceId: '200105119388',
  },
  addTime: '2019-03-02T10:00:00Z',
};

/** Ready-made credentials and users, also used by `gamestash emulator` without a scenario. */
export const DEFAULT_ROBLOX_SCENARIO: Required<Omit<RobloxScenario, 'faults'>> = {
  users: {
    // A public collector. Owns asset 1028595 from Roblox's own ownership example, not 62724852.
    '123456': {
      assets: 40,
      collectibles: 30,
      badges: 10,
      gamePasses: 4,
      privateServers: 2,
      purchasedPlaces: 1,
      extraItems: [ROBLOX_DOCS_EXAMPLE_ITEM],
    },
    // The owner of the default key: private, readable with their own key.
    '1001': { assets: 12, collectibles: 5, badges: 3, gamePasses: 2, privateServers: 2, private: true },
    '2': { assets: 3, private: true },
    '200': { assets: 200 },
    '10000': { assets: 10_000 },
    '7': {},
  },
  apiKeys: {
    'roblox-emulator-key': { owner: '1001', inventoryRead: true },
    'roblox-emulator-key-2': { owner: '1001' },
    'roblox-other-owner-key': { owner: '2002' },
  },
  oauthTokens: {
    'roblox-emulator-oauth-token': { userId: '1001' },
  },
  rateLimits: { apiKeyPerMinute: 100, oauthPerMinute: 20, retryAfter: 'seconds' },
  endToken: 'empty',
};

export function resolveScenario(scenario: RobloxScenario = {}): Required<RobloxScenario> {
  return {
    users: scenario.users ?? DEFAULT_ROBLOX_SCENARIO.users,
    apiKeys: scenario.apiKeys ?? DEFAULT_ROBLOX_SCENARIO.apiKeys,
    oauthTokens: scenario.oauthTokens ?? DEFAULT_ROBLOX_SCENARIO.oauthTokens,
    rateLimits: { ...DEFAULT_ROBLOX_SCENARIO.rateLimits, ...scenario.rateLimits },
    endToken: scenario.endToken ?? DEFAULT_ROBLOX_SCENARIO.endToken,
    faults: scenario.faults ?? [],
  };
}
