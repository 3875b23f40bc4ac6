/**
 * @module steam/webapi/methods
 * The typed Web API methods as data (STYLE.md, octokit's endpoints): one row per method
 * with its interface, version, HTTP method, authentication, how Steam says "private" for
 * it, and the shape of its answer (where the arrays are, which fields are numbers, booleans
 * or ids). One call function (call.ts) and one normalizer (shape.ts) serve every row.
 *
 * Field types follow Steam's JSON as the partner docs, xPaw's SteamWebAPIDocumentation and
 * the widely used clients (SteamWebAPI2, node-steamapi) show it.
 */
import type { ObjectShape, ResultShape } from './shape.js';

export type WebApiAuth = 'key' | 'optional' | 'none';

/** How a method answers for a profile the caller may not see (UPSTREAM.md, Web API privacy). */
export type PrivacyAnswer =
  /** GetFriendList: HTTP 401 with an HTML "Unauthorized" page (SteamWebAPI2 #27). */
  | 'unauthorized-401'
  /** GetPlayerAchievements, GetUserStatsForGame: 403 `{"playerstats":{"error":"Profile is not public"}}`. */
  | 'playerstats-403';

export interface WebApiMethod {
  interface: string;
  method: string;
  version: number;
  http: 'GET' | 'POST';
  auth: WebApiAuth;
  privacy?: PrivacyAnswer;
  shape: ResultShape;
}

/** Steam's "Service" interfaces take their arguments as one `input_json` (seed 004). */
export function isServiceInterface(name: string): boolean {
  return name.endsWith('Service');
}

export function methodPath(row: Pick<WebApiMethod, 'interface' | 'method' | 'version'>): string {
  return `${row.interface}/${row.method}/v${row.version}`;
}

const player: ObjectShape = {
  steamid: 'id',
  communityvisibilitystate: 'number',
  profilestate: 'number',
  personaname: 'string',
  commentpermission: 'number',
  profileurl: 'string',
  avatar: 'string',
  avatarmedium: 'string',
  avatarfull: 'string',
  avatarhash: 'string',
  lastlogoff: 'number',
  personastate: 'number',
  personastateflags: 'number',
  realname: 'string',
  primaryclanid: 'id',
  timecreated: 'number',
  gameid: 'id',
  gameserverip: 'string',
  gameserversteamid: 'id',
  gameextrainfo: 'string',
  lobbysteamid: 'id',
  cityid: 'number',
  loccountrycode: 'string',
  locstatecode: 'string',
  loccityid: 'number',
};

const playtimes: ObjectShape = {
  appid: 'number',
  name: 'string',
  playtime_forever: 'number',
  playtime_2weeks: 'number',
  img_icon_url: 'string',
  img_logo_url: 'string',
  playtime_windows_forever: 'number',
  playtime_mac_forever: 'number',
  playtime_linux_forever: 'number',
  playtime_deck_forever: 'number',
};

const ownedGame: ObjectShape = {
  ...playtimes,
  has_community_visible_stats: 'boolean',
  rtime_last_played: 'number',
  playtime_disconnected: 'number',
  content_descriptorids: ['number'],
  has_leaderboards: 'boolean',
  has_workshop: 'boolean',
  has_market: 'boolean',
  has_dlc: 'boolean',
  capsule_filename: 'string',
  sort_as: 'string',
};

const newsItem: ObjectShape = {
  gid: 'id',
  title: 'string',
  url: 'string',
  is_external_url: 'boolean',
  author: 'string',
  contents: 'string',
  feedlabel: 'string',
  date: 'number',
  feedname: 'string',
  feed_type: 'number',
  appid: 'number',
  tags: ['string'],
};

const apiMethod: ObjectShape = {
  name: 'string',
  version: 'number',
  httpmethod: 'string',
  description: 'string',
  parameters: [{ name: 'string', type: 'string', optional: 'boolean', description: 'string' }],
};

/** Shared by GetPlayerAchievements and GetUserStatsForGame (and their privacy answer). */
const playerstats = { steamID: 'id', gameName: 'string', error: 'string', success: 'boolean' } as const;

const rows = {
  getPlayerSummaries: {
    interface: 'ISteamUser',
    method: 'GetPlayerSummaries',
    version: 2,
    http: 'GET',
    auth: 'key',
    shape: { root: 'response', body: { players: [player] } },
  },
  getFriendList: {
    interface: 'ISteamUser',
    method: 'GetFriendList',
    version: 1,
    http: 'GET',
    auth: 'key',
    privacy: 'unauthorized-401',
    shape: {
      root: 'friendslist',
      body: { friends: [{ steamid: 'id', relationship: 'string', friend_since: 'number' }] },
    },
  },
  resolveVanityURL: {
    interface: 'ISteamUser',
    method: 'ResolveVanityURL',
    version: 1,
    http: 'GET',
    auth: 'key',
    shape: { root: 'response', body: { steamid: 'id', success: 'number', message: 'string' } },
  },
  getOwnedGames: {
    interface: 'IPlayerService',
    method: 'GetOwnedGames',
    version: 1,
    http: 'GET',
    auth: 'key',
    shape: { root: 'response', body: { game_count: 'number', games: [ownedGame] } },
  },
  getRecentlyPlayedGames: {
    interface: 'IPlayerService',
    method: 'GetRecentlyPlayedGames',
    version: 1,
    http: 'GET',
    auth: 'key',
    shape: { root: 'response', body: { total_count: 'number', games: [playtimes] } },
  },
  getPlayerAchievements: {
    interface: 'ISteamUserStats',
    method: 'GetPlayerAchievements',
    version: 1,
    http: 'GET',
    auth: 'key',
    privacy: 'playerstats-403',
    shape: {
      root: 'playerstats',
      body: {
        ...playerstats,
        achievements: [
          {
            apiname: 'string',
            achieved: 'number',
            unlocktime: 'number',
            name: 'string',
            description: 'string',
          },
        ],
      },
    },
  },
  getUserStatsForGame: {
    interface: 'ISteamUserStats',
    method: 'GetUserStatsForGame',
    version: 2,
    http: 'GET',
    auth: 'key',
    privacy: 'playerstats-403',
    shape: {
      root: 'playerstats',
      body: {
        ...playerstats,
        stats: [{ name: 'string', value: 'number' }],
        achievements: [{ name: 'string', achieved: 'number' }],
      },
    },
  },
  getGlobalAchievementPercentagesForApp: {
    interface: 'ISteamUserStats',
    method: 'GetGlobalAchievementPercentagesForApp',
    version: 2,
    http: 'GET',
    auth: 'none',
    // `percent` has been seen as a JSON number and as a string ("71.4"): both become numbers.
    shape: {
      root: 'achievementpercentages',
      body: { achievements: [{ name: 'string', percent: 'number' }] },
    },
  },
  getNewsForApp: {
    interface: 'ISteamNews',
    method: 'GetNewsForApp',
    version: 2,
    http: 'GET',
    auth: 'none',
    shape: { root: 'appnews', body: { appid: 'number', newsitems: [newsItem], count: 'number' } },
  },
  getSupportedAPIList: {
    interface: 'ISteamWebAPIUtil',
    method: 'GetSupportedAPIList',
    version: 1,
    http: 'GET',
    // Without a key Steam lists only the methods that need none (seed 004).
    auth: 'optional',
    shape: { root: 'apilist', body: { interfaces: [{ name: 'string', methods: [apiMethod] }] } },
  },
  getServerInfo: {
    interface: 'ISteamWebAPIUtil',
    method: 'GetServerInfo',
    version: 1,
    http: 'GET',
    auth: 'none',
    shape: { body: { servertime: 'number', servertimestring: 'string' } },
  },
  queryTime: {
    interface: 'ITwoFactorService',
    method: 'QueryTime',
    version: 1,
    // UPSTREAM.md: a POST (steam-totp's getTimeOffset posts an empty body).
    http: 'POST',
    auth: 'none',
    shape: {
      root: 'response',
      body: {
        server_time: 'number',
        skew_tolerance_seconds: 'number',
        large_time_jink: 'number',
        probe_frequency_seconds: 'number',
        adjusted_time_probe_frequency_seconds: 'number',
        hint_probe_frequency_seconds: 'number',
        sync_timeout: 'number',
        try_again_seconds: 'number',
        max_attempts: 'number',
      },
    },
  },
} satisfies Record<string, WebApiMethod>;

export type TypedMethodName = keyof typeof rows;

/** The typed methods, by the name of their client function. */
export const WEBAPI_METHODS: Readonly<Record<TypedMethodName, WebApiMethod>> = rows;

const byPath = new Map(
  Object.values(rows).map((row: WebApiMethod) => [methodPath(row).toLowerCase(), row] as const),
);

/** The typed row for `Interface/Method/vN` (any case), for the generic caller's shapes. */
export function findTypedMethod(iface: string, method: string, version: number): WebApiMethod | undefined {
  return byPath.get(`${iface}/${method}/v${version}`.toLowerCase());
}
