/**
 * Steam Web API answers for tests, shaped like Steam's: the JSON bodies as Steam sends them
 * (field names and types from the partner docs, xPaw's SteamWebAPIDocumentation and the
 * clients that parse them), and writers that turn a JSON answer into Steam's XML and VDF by
 * seed 004's rules (arrays as repeated elements named by element type, or objects keyed "0",
 * "1", …; null as "null" or ""). A few XML and VDF answers are also written out by hand.
 */
import { stringifyVdf, type VdfObject } from '../src/steam/webapi/formats/vdf.js';
import type { TypedMethodName } from '../src/steam/webapi/methods.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** XML element names of array items, by the array's field name (service interfaces say `message`). */
export const XML_ITEM_NAMES: Record<string, string> = {
  players: 'player',
  friends: 'friend',
  games: 'message',
  content_descriptorids: 'message',
  achievements: 'achievement',
  stats: 'stat',
  newsitems: 'newsitem',
  tags: 'tag',
  interfaces: 'interface',
  methods: 'method',
  parameters: 'parameter',
};

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Steam's XML for a JSON answer: declaration, doctype, tab-indented elements, no attributes. */
export function toSteamXml(answer: Record<string, Json>, rootName?: string): string {
  const keys = Object.keys(answer);
  const [root, body] =
    rootName === undefined && keys.length === 1
      ? [keys[0]!, answer[keys[0]!]!]
      : [rootName ?? 'result', answer];
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', `<!DOCTYPE ${root}>`];
  const write = (name: string, value: Json, depth: number) => {
    const indent = '\t'.repeat(depth);
    if (Array.isArray(value)) {
      if (value.length === 0) return lines.push(`${indent}<${name}>`, `${indent}</${name}>`);
      lines.push(`${indent}<${name}>`);
      for (const item of value) write(XML_ITEM_NAMES[name] ?? 'item', item, depth + 1);
      return lines.push(`${indent}</${name}>`);
    }
    if (value !== null && typeof value === 'object') {
      lines.push(`${indent}<${name}>`);
      for (const [key, child] of Object.entries(value)) write(key, child, depth + 1);
      return lines.push(`${indent}</${name}>`);
    }
    return lines.push(`${indent}<${name}>${value === null ? 'null' : escapeXml(String(value))}</${name}>`);
  };
  write(root, body, 0);
  return `${lines.join('\n')}\n`;
}

/** Steam's VDF for a JSON answer: arrays as objects keyed "0", "1", …, booleans 1/0, null "". */
export function toSteamVdf(answer: Record<string, Json>, rootName?: string): string {
  const convert = (value: Json): string | VdfObject => {
    if (Array.isArray(value)) return Object.fromEntries(value.map((item, i) => [String(i), convert(item)]));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
    }
    if (value === null) return '';
    if (typeof value === 'boolean') return value ? '1' : '0';
    return String(value);
  };
  const keys = Object.keys(answer);
  const tree =
    rootName === undefined && keys.length === 1
      ? (convert(answer) as VdfObject)
      : { [rootName ?? 'result']: convert(answer) };
  return stringifyVdf(tree);
}

export const ROBIN = '76561197960435530';
export const PRIVATE_PLAYER = '76561198000000042';

const robin = {
  steamid: ROBIN,
  communityvisibilitystate: 3,
  profilestate: 1,
  personaname: 'Robin',
  commentpermission: 1,
  profileurl: 'https://steamcommunity.com/id/robinwalker/',
  avatar: 'https://avatars.steamstatic.com/81b5478529dce13bf24b55ac42c1af7058aaf7a9.jpg',
  avatarmedium: 'https://avatars.steamstatic.com/81b5478529dce13bf24b55ac42c1af7058aaf7a9_medium.jpg',
  avatarfull: 'https://avatars.steamstatic.com/81b5478529dce13bf24b55ac42c1af7058aaf7a9_full.jpg',
  avatarhash: '81b5478529dce13bf24b55ac42c1af7058aaf7a9',
  lastlogoff: 1700000000,
  personastate: 0,
  realname: 'Robin Walker',
  primaryclanid: '103582791429521408',
  timecreated: 1063407589,
  personastateflags: 0,
  gameid: '440',
  gameextrainfo: 'Team Fortress 2',
  loccountrycode: 'US',
  locstatecode: 'WA',
  loccityid: 3961,
};

/** A private profile: `communityvisibilitystate` 1 and the public fields only (seed 004). */
const hidden = {
  steamid: PRIVATE_PLAYER,
  communityvisibilitystate: 1,
  profilestate: 1,
  personaname: 'null',
  profileurl: `https://steamcommunity.com/profiles/${PRIVATE_PLAYER}/`,
  avatar: 'https://avatars.steamstatic.com/fef49e7fa7e1997310d705b2a6158ff8dc1cdfeb.jpg',
  avatarmedium: 'https://avatars.steamstatic.com/fef49e7fa7e1997310d705b2a6158ff8dc1cdfeb_medium.jpg',
  avatarfull: 'https://avatars.steamstatic.com/fef49e7fa7e1997310d705b2a6158ff8dc1cdfeb_full.jpg',
  avatarhash: 'fef49e7fa7e1997310d705b2a6158ff8dc1cdfeb',
  personastate: 0,
  personastateflags: 0,
};

export function playerSummary(steamid: string, name = `player ${steamid.slice(-4)}`) {
  return { ...hidden, steamid, personaname: name, communityvisibilitystate: 3 };
}

/** Typical JSON answers, by typed method. */
export const JSON_ANSWERS: Record<TypedMethodName, Record<string, Json>> = {
  getPlayerSummaries: { response: { players: [robin, hidden] } },
  getFriendList: {
    friendslist: {
      friends: [
        { steamid: '76561197960265731', relationship: 'friend', friend_since: 0 },
        { steamid: '76561197960265738', relationship: 'friend', friend_since: 1250643232 },
      ],
    },
  },
  resolveVanityURL: { response: { steamid: ROBIN, success: 1 } },
  getOwnedGames: {
    response: {
      game_count: 2,
      games: [
        {
          appid: 440,
          name: 'Team Fortress 2',
          playtime_forever: 36010,
          img_icon_url: 'e3f595a92552da3d664ad00277fad2107345f743',
          has_community_visible_stats: true,
          playtime_windows_forever: 35000,
          playtime_mac_forever: 10,
          playtime_linux_forever: 1000,
          playtime_deck_forever: 0,
          rtime_last_played: 1700000000,
          content_descriptorids: [2, 5],
          playtime_disconnected: 0,
        },
        {
          appid: 570,
          name: 'Dota 2',
          playtime_2weeks: 61,
          playtime_forever: 99,
          img_icon_url: '0bbb630d63262dd66d2fdd0f7d37e8661a410075',
          has_community_visible_stats: true,
          playtime_windows_forever: 99,
          playtime_mac_forever: 0,
          playtime_linux_forever: 0,
          playtime_deck_forever: 0,
          rtime_last_played: 1700003600,
          playtime_disconnected: 0,
        },
      ],
    },
  },
  getRecentlyPlayedGames: {
    response: {
      total_count: 1,
      games: [
        {
          appid: 570,
          name: 'Dota 2',
          playtime_2weeks: 61,
          playtime_forever: 99,
          img_icon_url: '0bbb630d63262dd66d2fdd0f7d37e8661a410075',
          playtime_windows_forever: 99,
          playtime_mac_forever: 0,
          playtime_linux_forever: 0,
          playtime_deck_forever: 0,
        },
      ],
    },
  },
  getPlayerAchievements: {
    playerstats: {
      steamID: ROBIN,
      gameName: 'Team Fortress 2',
      achievements: [
        {
          apiname: 'TF_PLAY_GAME_EVERYCLASS',
          achieved: 1,
          unlocktime: 1192060800,
          name: 'Head of the Class',
          description: 'Play a complete round with every class.',
        },
        { apiname: 'TF_GET_HEALPOINTS', achieved: 0, unlocktime: 0, name: 'Team Doctor', description: '' },
      ],
      success: true,
    },
  },
  getUserStatsForGame: {
    playerstats: {
      steamID: ROBIN,
      gameName: 'Team Fortress 2',
      stats: [
        { name: 'Scout.accum.iNumberOfKills', value: 1425 },
        { name: 'Scout.max.iPointsScored', value: 31 },
      ],
      achievements: [{ name: 'TF_PLAY_GAME_EVERYCLASS', achieved: 1 }],
    },
  },
  getGlobalAchievementPercentagesForApp: {
    achievementpercentages: {
      achievements: [
        { name: 'TF_PLAY_GAME_EVERYCLASS', percent: 56.9 },
        { name: 'TF_GET_HEALPOINTS', percent: 4.5 },
      ],
    },
  },
  getNewsForApp: {
    appnews: {
      appid: 440,
      newsitems: [
        {
          gid: '1904306376092568991',
          title: 'Prince of Prolander Event ',
          url: 'https://steamstore-a.akamaihd.net/news/externalpost/tf2_blog/1904306376092568991',
          is_external_url: true,
          author: '',
          contents: '<p><b>This Sunday</b> at 4:30pm EST "Prolander" & friends</p>\nSecond line\tindented\\',
          feedlabel: 'TF2 Blog',
          date: 1495218420,
          feedname: 'tf2_blog',
          feed_type: 0,
          appid: 440,
          tags: ['patchnotes', 'mod_reviewed'],
        },
      ],
      count: 2385,
    },
  },
  getSupportedAPIList: {
    apilist: {
      interfaces: [
        {
          name: 'ISteamUser',
          methods: [
            {
              name: 'GetFriendList',
              version: 1,
              httpmethod: 'GET',
              parameters: [
                { name: 'key', type: 'string', optional: false, description: 'access key' },
                { name: 'steamid', type: 'uint64', optional: false, description: 'SteamID of user' },
                {
                  name: 'relationship',
                  type: 'string',
                  optional: true,
                  description: 'relationship type (ex: friend)',
                },
              ],
            },
            {
              name: 'GetPlayerSummaries',
              version: 1,
              httpmethod: 'GET',
              parameters: [
                { name: 'key', type: 'string', optional: false, description: 'access key' },
                {
                  name: 'steamids',
                  type: 'string',
                  optional: false,
                  description: 'Comma-delimited list of SteamIDs',
                },
              ],
            },
            {
              name: 'GetPlayerSummaries',
              version: 2,
              httpmethod: 'GET',
              parameters: [
                { name: 'key', type: 'string', optional: false, description: 'access key' },
                {
                  name: 'steamids',
                  type: 'string',
                  optional: false,
                  description: 'Comma-delimited list of SteamIDs (max: 100)',
                },
              ],
            },
            {
              name: 'ResolveVanityURL',
              version: 1,
              httpmethod: 'GET',
              parameters: [
                { name: 'key', type: 'string', optional: false, description: 'access key' },
                {
                  name: 'vanityurl',
                  type: 'string',
                  optional: false,
                  description: 'The vanity URL to get a SteamID for',
                },
                { name: 'url_type', type: 'int32', optional: true, description: 'The type of vanity URL.' },
              ],
            },
          ],
        },
        {
          name: 'IPlayerService',
          methods: [
            {
              name: 'GetOwnedGames',
              version: 1,
              httpmethod: 'GET',
              description: 'Return a list of games owned by the player',
              parameters: [
                { name: 'key', type: 'string', optional: false, description: 'Access key' },
                {
                  name: 'steamid',
                  type: 'uint64',
                  optional: false,
                  description: "The player we're asking about",
                },
                {
                  name: 'include_appinfo',
                  type: 'bool',
                  optional: false,
                  description: 'true if we want additional details',
                },
                {
                  name: 'include_played_free_games',
                  type: 'bool',
                  optional: false,
                  description: 'Free games',
                },
                {
                  name: 'appids_filter',
                  type: 'uint32',
                  optional: false,
                  description: 'restricts result set',
                },
                { name: 'language', type: 'string', optional: false, description: 'appinfo language' },
              ],
            },
          ],
        },
        {
          name: 'ISteamRemoteStorage',
          methods: [
            {
              name: 'GetPublishedFileDetails',
              version: 1,
              httpmethod: 'POST',
              parameters: [
                {
                  name: 'itemcount',
                  type: 'uint32',
                  optional: false,
                  description: 'Number of items being requested',
                },
                {
                  name: 'publishedfileids[0]',
                  type: 'uint64',
                  optional: false,
                  description: 'published file id to look up',
                },
              ],
            },
          ],
        },
        {
          name: 'ISteamNews',
          methods: [
            {
              name: 'GetNewsForApp',
              version: 2,
              httpmethod: 'GET',
              parameters: [
                { name: 'appid', type: 'uint32', optional: false, description: 'AppID to retrieve news for' },
                { name: 'maxlength', type: 'uint32', optional: true, description: 'Maximum length' },
                {
                  name: 'count',
                  type: 'uint32',
                  optional: true,
                  description: '# of posts to retrieve (default 20)',
                },
              ],
            },
          ],
        },
        {
          name: 'ISteamWebAPIUtil',
          methods: [
            { name: 'GetServerInfo', version: 1, httpmethod: 'GET', parameters: [] },
            {
              name: 'GetSupportedAPIList',
              version: 1,
              httpmethod: 'GET',
              parameters: [{ name: 'key', type: 'string', optional: true, description: 'access key' }],
            },
          ],
        },
      ],
    },
  },
  getServerInfo: { servertime: 1700000000, servertimestring: 'Tue Nov 14 22:13:20 2023' },
  queryTime: {
    response: {
      server_time: 1700000000,
      skew_tolerance_seconds: 60,
      large_time_jink: 86400,
      probe_frequency_seconds: 3600,
      adjusted_time_probe_frequency_seconds: 300,
      hint_probe_frequency_seconds: 60,
      sync_timeout: 60,
      try_again_seconds: 900,
      max_attempts: 3,
    },
  },
};

/** Answers written out by hand as Steam sends them, for the cases the writers above generate too. */
export const LITERAL_ANSWERS = {
  /** One player: in XML a one-element array looks like an object, in VDF like {"0": …}. */
  onePlayerXml: `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE response>
<response>
	<players>
		<player>
			<steamid>${ROBIN}</steamid>
			<communityvisibilitystate>3</communityvisibilitystate>
			<profilestate>1</profilestate>
			<personaname>Robin</personaname>
			<lastlogoff>1700000000</lastlogoff>
			<primaryclanid>103582791429521408</primaryclanid>
		</player>
	</players>
</response>
`,
  onePlayerVdf: `"response"
{
	"players"
	{
		"0"
		{
			"steamid"		"${ROBIN}"
			"communityvisibilitystate"		"3"
			"profilestate"		"1"
			"personaname"		"Robin"
			"lastlogoff"		"1700000000"
			"primaryclanid"		"103582791429521408"
		}
	}
}
`,
  onePlayerJson: {
    response: {
      players: [
        {
          steamid: ROBIN,
          communityvisibilitystate: 3,
          profilestate: 1,
          personaname: 'Robin',
          lastlogoff: 1700000000,
          primaryclanid: '103582791429521408',
        },
      ],
    },
  },
  /** A service interface's games: `message` elements (IPlayerService). */
  ownedGamesXml: `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE response>
<response>
	<game_count>1</game_count>
	<games>
		<message>
			<appid>440</appid>
			<playtime_forever>36010</playtime_forever>
			<has_community_visible_stats>true</has_community_visible_stats>
		</message>
	</games>
</response>
`,
  ownedGamesJson: {
    response: {
      game_count: 1,
      games: [{ appid: 440, playtime_forever: 36010, has_community_visible_stats: true }],
    },
  },
  /** A private profile's owned games (UPSTREAM.md: an empty response) in each format. */
  privateGamesJson: '{"response":{}}',
  privateGamesXml: '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE response>\n<response>\n</response>\n',
  privateGamesVdf: '"response"\n{\n}\n',
  /** A public profile that owns nothing: a count of 0 and no games. */
  noGamesJson: '{"response":{"game_count":0}}',
  emptyGamesXml:
    '<?xml version="1.0" encoding="UTF-8"?>\n<response>\n\t<game_count>0</game_count>\n\t<games></games>\n</response>\n',
  emptyGamesVdf: '"response"\n{\n\t"game_count"\t\t"0"\n\t"games"\n\t{\n\t}\n}\n',
  /** GetPlayerAchievements / GetUserStatsForGame for a private profile: HTTP 403 (UPSTREAM.md). */
  notPublic: '{"playerstats":{"error":"Profile is not public","success":false}}',
  noStats: '{"playerstats":{"error":"Requested app has no stats","success":false}}',
  /** A refused key: HTTP 403 with Steam's HTML page (UPSTREAM.md). */
  accessDenied:
    '<html><head><title>Forbidden</title></head><body><h1>Forbidden</h1>Access is denied. Retrying will not help. Please verify your <pre>key=</pre> parameter.</body></html>',
  /** GetFriendList of a private profile: HTTP 401 (SteamWebAPI2 #27). */
  unauthorized: '<html><head><title>Unauthorized</title></head><body><h1>Unauthorized</h1></body></html>',
};
