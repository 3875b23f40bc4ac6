/**
 * @module emulator/steam/webapi/methods/steam-user
 * ISteamUser: GetPlayerSummaries v2, GetFriendList v1 and ResolveVanityURL v1, with the
 * parameters Steam's GetSupportedAPIList reports for them.
 */
import type { People, PersonProfile } from '../../people/index.js';
import { isIndividualSteamId } from '../../request-info.js';
import { resolveVanity } from '../../vanity.js';
import type { WebApiObject } from '../formats/index.js';
import { unauthorized, WebApiReplyError } from '../html.js';
import type { WebApiMethod } from '../registry.js';

/** Steam's "Valve" group, every profile's default primary group. */
const DEFAULT_PRIMARY_CLAN = '103582791429521408';
const MAX_SUMMARIES = 100;

export const getPlayerSummaries: WebApiMethod = {
  interface: 'ISteamUser',
  method: 'GetPlayerSummaries',
  version: 2,
  needsKey: true,
  sporadic429: true,
  parameters: [
    {
      name: 'steamids',
      type: 'string',
      optional: false,
      description: 'Comma-delimited list of SteamIDs (max: 100)',
    },
  ],
  arrayElements: { players: 'player' },
  handle({ params, people }) {
    // Steam looks up the first 100 ids and drops ids it does not know (seeds/004).
    const ids = (params.get('steamids') ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean)
      .slice(0, MAX_SUMMARIES);
    const players = [...new Set(ids)].filter(isIndividualSteamId).map((id) => summary(people, id));
    return { root: 'response', value: { players } };
  },
};

/**
 * seeds/004 and captured answers: everyone sees the public fields; a private or friends-only
 * profile shows `communityvisibilitystate: 1` and nothing more (its persona state reads 0
 * unless it is "looking to trade/play", a leak the seed documents).
 */
function summary(people: People, steamid: string): WebApiObject {
  const person = people.profile(steamid);
  const vanity = people.vanity(steamid);
  const avatar = `https://avatars.steamstatic.com/${person.avatarHash}`;
  const visible = person.visibility === 'public' && person.profileSetUp;
  const common: WebApiObject = {
    steamid,
    communityvisibilitystate: visible ? 3 : 1,
    profilestate: person.profileSetUp ? 1 : undefined,
    personaname: person.personaName,
    commentpermission: person.commentPermission ? 1 : undefined,
    profileurl: vanity
      ? `https://steamcommunity.com/id/${vanity}/`
      : `https://steamcommunity.com/profiles/${steamid}/`,
    avatar: `${avatar}.jpg`,
    avatarmedium: `${avatar}_medium.jpg`,
    avatarfull: `${avatar}_full.jpg`,
    avatarhash: person.avatarHash,
  };
  if (!visible) return { ...common, personastate: person.personaState >= 5 ? person.personaState : 0 };
  const playing = currentGame(people, person);
  return {
    ...common,
    lastlogoff: person.lastLogoff,
    personastate: person.personaState,
    realname: person.realName || undefined,
    primaryclanid: DEFAULT_PRIMARY_CLAN,
    timecreated: person.timeCreated,
    personastateflags: 0,
    gameextrainfo: playing?.name,
    gameid: playing ? String(playing.appid) : undefined,
    loccountrycode: person.country || undefined,
  };
}

/** Someone online who played a game lately may be in it right now. */
function currentGame(people: People, person: PersonProfile) {
  if (person.personaState === 0 || person.personaState === 4) return undefined;
  const recent = people.games(person.steamid).find((game) => game.playtime2Weeks > 0);
  return recent && Number(person.steamid.slice(-1)) % 2 === 0 ? recent.app : undefined;
}

export const getFriendList: WebApiMethod = {
  interface: 'ISteamUser',
  method: 'GetFriendList',
  version: 1,
  needsKey: true,
  parameters: [
    { name: 'steamid', type: 'uint64', optional: false, description: 'SteamID of user' },
    { name: 'relationship', type: 'string', optional: true, description: 'relationship type (ex: friend)' },
  ],
  arrayElements: { friends: 'friend' },
  handle({ params, people }) {
    const steamid = params.uint64('steamid') ?? '';
    const person = isIndividualSteamId(steamid) ? people.profile(steamid) : undefined;
    // UPSTREAM.md (SteamWebAPI2 #27): a list the caller may not see answers 401 with the
    // "Unauthorized" page, the same page as a missing key.
    if (!person || person.visibility !== 'public' || !person.profileSetUp)
      throw new WebApiReplyError(unauthorized());
    const wanted = (params.get('relationship') || 'all').toLowerCase();
    const friends = people
      .friends(steamid)
      .filter((friend) => wanted === 'all' || friend.relationship === wanted)
      .map((friend) => ({
        steamid: friend.steamid,
        relationship: friend.relationship,
        friend_since: friend.friendSince,
      }));
    return { root: 'friendslist', value: { friends } };
  },
};

export const resolveVanityUrl: WebApiMethod = {
  interface: 'ISteamUser',
  method: 'ResolveVanityURL',
  version: 1,
  needsKey: true,
  parameters: [
    {
      name: 'vanityurl',
      type: 'string',
      optional: false,
      description: 'The vanity URL to get a SteamID for',
    },
    {
      name: 'url_type',
      type: 'int32',
      optional: true,
      description:
        'The type of vanity URL. 1 (default): Individual profile, 2: Group, 3: Official game group',
    },
  ],
  handle({ params, scenario }) {
    // url_type 1 (default) is individual profiles; groups (2, 3) are not emulated.
    const urlType = params.get('url_type') || '1';
    const steamid = urlType === '1' ? resolveVanity(scenario, params.get('vanityurl') ?? '') : undefined;
    return {
      root: 'response',
      value: steamid ? { steamid, success: 1 } : { success: 42, message: 'No match' },
    };
  },
};
