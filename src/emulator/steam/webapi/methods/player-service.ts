/**
 * @module emulator/steam/webapi/methods/player-service
 * IPlayerService (a service interface: `input_json`, protobuf-shaped answers whose array
 * items are named `message` in XML): GetOwnedGames v1 and GetRecentlyPlayedGames v1. Field
 * names and order follow captured answers (2025): playtime per platform, `rtime_last_played`,
 * `playtime_disconnected`; `has_community_visible_stats`/`has_leaderboards` only when true.
 */
import type { OwnedGame, People } from '../../people/index.js';
import { isIndividualSteamId } from '../../request-info.js';
import type { WebApiObject } from '../formats/index.js';
import { badParameters, WebApiReplyError } from '../html.js';
import type { WebApiData, WebApiMethod } from '../registry.js';

const steamidParameter = {
  name: 'steamid',
  type: 'uint64',
  optional: false,
  description: "The player we're asking about",
};

/** UPSTREAM.md: a profile whose games the caller may not see answers an empty response. */
const EMPTY: WebApiData = { root: 'response', value: {} };

function visibleLibrary(people: People, steamid: string | undefined): OwnedGame[] | undefined {
  if (!steamid || !isIndividualSteamId(steamid)) return undefined;
  const person = people.profile(steamid);
  if (person.visibility !== 'public' || !person.profileSetUp) return undefined;
  return people.games(steamid);
}

export const getOwnedGames: WebApiMethod = {
  interface: 'IPlayerService',
  method: 'GetOwnedGames',
  version: 1,
  needsKey: true,
  description: 'Return a list of games owned by the player',
  parameters: [
    steamidParameter,
    {
      name: 'include_appinfo',
      type: 'bool',
      optional: false,
      description: 'true if we want additional details (name, icon) about each game',
    },
    {
      name: 'include_played_free_games',
      type: 'bool',
      optional: false,
      description:
        'Free games are excluded by default.  If this is set, free games the user has played will be returned.',
    },
    {
      name: 'appids_filter',
      type: 'uint32',
      optional: false,
      description: 'if set, restricts result set to the passed in apps',
    },
    {
      name: 'include_free_sub',
      type: 'bool',
      optional: false,
      description: 'Some games are in the free sub, which are excluded by default.',
    },
    {
      name: 'skip_unvetted_apps',
      type: 'bool',
      optional: true,
      description: 'if set, skip unvetted store apps',
    },
    {
      name: 'language',
      type: 'string',
      optional: false,
      description: 'Will return appinfo in this language',
    },
    {
      name: 'include_extended_appinfo',
      type: 'bool',
      optional: false,
      description:
        'true if we want even more details (capsule, sortas, and capabilities) about each game.  include_appinfo must also be true.',
    },
  ],
  handle({ params, people }) {
    const library = visibleLibrary(people, params.uint64('steamid'));
    if (!library) return EMPTY;
    const appinfo = params.bool('include_appinfo');
    const playedFree = params.bool('include_played_free_games');
    const filter = params.list('appids_filter').map((text) => {
      if (!/^\d+$/.test(text.trim())) throw new WebApiReplyError(badParameters());
      return Number(text);
    });
    // seeds/004: free games appear only with include_played_free_games, and only once played.
    const games = library
      .filter((game) => !game.playedFree || (playedFree && game.playtimeForever > 0))
      .filter((game) => filter.length === 0 || filter.includes(game.app.appid));
    const value: WebApiObject = { game_count: games.length };
    if (games.length > 0) value.games = games.map((game) => ownedEntry(game, appinfo));
    return { root: 'response', value };
  },
};

function ownedEntry(game: OwnedGame, appinfo: boolean): WebApiObject {
  const { app } = game;
  return {
    appid: app.appid,
    name: appinfo ? app.name : undefined,
    playtime_2weeks: game.playtime2Weeks > 0 ? game.playtime2Weeks : undefined,
    playtime_forever: game.playtimeForever,
    img_icon_url: appinfo ? app.iconHash : undefined,
    has_community_visible_stats: appinfo && app.communityVisibleStats ? true : undefined,
    ...platformPlaytime(game),
    rtime_last_played: game.lastPlayed,
    has_leaderboards: appinfo && app.leaderboards ? true : undefined,
    playtime_disconnected: 0,
  };
}

/** Everything is played on Windows here; the other platforms read 0, as for most accounts. */
function platformPlaytime(game: OwnedGame): WebApiObject {
  return {
    playtime_windows_forever: game.playtimeForever,
    playtime_mac_forever: 0,
    playtime_linux_forever: 0,
    playtime_deck_forever: 0,
  };
}

export const getRecentlyPlayedGames: WebApiMethod = {
  interface: 'IPlayerService',
  method: 'GetRecentlyPlayedGames',
  version: 1,
  needsKey: true,
  description: "Gets information about a player's recently played games",
  parameters: [
    steamidParameter,
    {
      name: 'count',
      type: 'uint32',
      optional: false,
      description: 'The number of games to return (0/unset: all)',
    },
  ],
  handle({ params, people }) {
    const library = visibleLibrary(people, params.uint64('steamid'));
    if (!library) return EMPTY;
    const recent = library
      .filter((game) => game.playtime2Weeks > 0)
      .sort((a, b) => b.playtime2Weeks - a.playtime2Weeks || a.app.appid - b.app.appid);
    const count = params.uint('count', 0);
    const shown = count > 0 ? recent.slice(0, count) : recent;
    // total_count counts every recent game, however many `count` lets through (seeds/004).
    const value: WebApiObject = { total_count: recent.length };
    if (shown.length > 0) {
      value.games = shown.map((game) => ({
        appid: game.app.appid,
        name: game.app.name,
        playtime_2weeks: game.playtime2Weeks,
        playtime_forever: game.playtimeForever,
        img_icon_url: game.app.iconHash,
        ...platformPlaytime(game),
      }));
    }
    return { root: 'response', value };
  },
};
