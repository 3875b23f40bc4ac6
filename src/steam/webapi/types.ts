/**
 * @module steam/webapi/types
 * Typed results of the Web API methods, with Steam's own JSON field names: numbers as
 * numbers, 64-bit ids as strings, whichever wire format was asked for. Optional fields are
 * those Steam leaves out (private data, `include_appinfo` off, …); fields Steam adds later
 * pass through at run time without being listed here.
 */

/** ISteamUser/GetPlayerSummaries/v2: `response.players[]`. */
export interface PlayerSummary {
  steamid: string;
  /** 1: not visible to the caller (private, friends only, …), 3: public (seed 004). */
  communityvisibilitystate: number;
  profilestate?: number;
  personaname: string;
  commentpermission?: number;
  profileurl: string;
  avatar: string;
  avatarmedium: string;
  avatarfull: string;
  avatarhash?: string;
  lastlogoff?: number;
  /** 0 offline, 1 online, 2 busy, 3 away, 4 snooze, 5 looking to trade, 6 looking to play. */
  personastate: number;
  personastateflags?: number;
  // Private data: present only when the profile is visible to the caller.
  realname?: string;
  primaryclanid?: string;
  timecreated?: number;
  gameid?: string;
  gameserverip?: string;
  gameserversteamid?: string;
  gameextrainfo?: string;
  lobbysteamid?: string;
  cityid?: number;
  loccountrycode?: string;
  locstatecode?: string;
  loccityid?: number;
}

export interface PlayerSummaries {
  players: PlayerSummary[];
}

/** ISteamUser/GetFriendList/v1: `friendslist.friends[]`. */
export interface Friend {
  steamid: string;
  relationship: string;
  friend_since: number;
}

export interface FriendList {
  friends: Friend[];
}

/** ISteamUser/ResolveVanityURL/v1: `response`. `success` 1 found, 42 no match. */
export interface VanityResolution {
  success: number;
  steamid?: string;
  message?: string;
}

/** IPlayerService/GetOwnedGames/v1: `response.games[]`. */
export interface OwnedGame {
  appid: number;
  name?: string;
  playtime_forever: number;
  playtime_2weeks?: number;
  img_icon_url?: string;
  img_logo_url?: string;
  has_community_visible_stats?: boolean;
  playtime_windows_forever?: number;
  playtime_mac_forever?: number;
  playtime_linux_forever?: number;
  playtime_deck_forever?: number;
  rtime_last_played?: number;
  playtime_disconnected?: number;
  content_descriptorids?: number[];
  has_leaderboards?: boolean;
  has_workshop?: boolean;
  has_market?: boolean;
  has_dlc?: boolean;
  capsule_filename?: string;
  sort_as?: string;
}

/**
 * A private (or friends-only) profile's games come back as an empty `{"response":{}}`
 * (UPSTREAM.md): that is "no games visible", not "owns nothing", hence `visible`.
 */
export type OwnedGames =
  { visible: true; game_count: number; games: OwnedGame[] } | { visible: false; games: [] };

/** IPlayerService/GetRecentlyPlayedGames/v1: `response.games[]`. */
export interface RecentGame {
  appid: number;
  name?: string;
  playtime_2weeks: number;
  playtime_forever: number;
  img_icon_url?: string;
  img_logo_url?: string;
  playtime_windows_forever?: number;
  playtime_mac_forever?: number;
  playtime_linux_forever?: number;
  playtime_deck_forever?: number;
}

/** Same privacy rule as {@link OwnedGames}. */
export type RecentlyPlayedGames =
  { visible: true; total_count: number; games: RecentGame[] } | { visible: false; games: [] };

/** ISteamUserStats/GetPlayerAchievements/v1: `playerstats.achievements[]`. */
export interface PlayerAchievement {
  apiname: string;
  /** 1 unlocked, 0 not (a number in Steam's JSON, not a boolean). */
  achieved: number;
  unlocktime: number;
  /** Localized name and description, with `l`. */
  name?: string;
  description?: string;
}

export interface PlayerAchievements {
  steamID: string;
  gameName: string;
  /** Empty when the game has no achievements (Steam then leaves the field out). */
  achievements: PlayerAchievement[];
  success: boolean;
}

/** ISteamUserStats/GetUserStatsForGame/v2: `playerstats`. */
export interface UserStatsForGame {
  steamID: string;
  gameName: string;
  stats: { name: string; value: number }[];
  achievements: { name: string; achieved: number }[];
}

/** ISteamUserStats/GetGlobalAchievementPercentagesForApp/v2: `achievementpercentages.achievements[]`. */
export interface GlobalAchievementPercentage {
  name: string;
  percent: number;
}

export interface GlobalAchievementPercentages {
  achievements: GlobalAchievementPercentage[];
}

/** ISteamNews/GetNewsForApp/v2: `appnews.newsitems[]`. */
export interface NewsItem {
  gid: string;
  title: string;
  url: string;
  is_external_url: boolean;
  author: string;
  contents: string;
  feedlabel: string;
  date: number;
  feedname: string;
  feed_type: number;
  appid: number;
  tags?: string[];
}

export interface AppNews {
  appid: number;
  newsitems: NewsItem[];
  count: number;
}

/** ISteamWebAPIUtil/GetSupportedAPIList/v1: `apilist.interfaces[]`. */
export interface SupportedApiParameter {
  /** Array parameters are listed as `name[0]`. */
  name: string;
  type: string;
  optional: boolean;
  description?: string;
}

export interface SupportedApiMethod {
  name: string;
  version: number;
  httpmethod: 'GET' | 'POST' | string;
  description?: string;
  parameters: SupportedApiParameter[];
}

export interface SupportedApiInterface {
  name: string;
  methods: SupportedApiMethod[];
}

export interface SupportedApiList {
  interfaces: SupportedApiInterface[];
}

/** ISteamWebAPIUtil/GetServerInfo/v1 (no wrapper in JSON). */
export interface ServerInfo {
  servertime: number;
  servertimestring: string;
}

/**
 * ITwoFactorService/QueryTime/v1 (a POST, no key): Steam's clock, which login codes and
 * confirmation keys are checked against, and how often Steam's own app re-asks.
 */
export interface TwoFactorTime {
  /** Unix seconds (Steam sends it as a string; a number here). */
  server_time: number;
  skew_tolerance_seconds?: number;
  large_time_jink?: number;
  probe_frequency_seconds?: number;
  adjusted_time_probe_frequency_seconds?: number;
  hint_probe_frequency_seconds?: number;
  sync_timeout?: number;
  try_again_seconds?: number;
  max_attempts?: number;
}

/** `raw: true`: Steam's answer untouched. */
export interface RawWebApiResponse {
  status: number;
  contentType: string | undefined;
  body: string;
}
