/**
 * @module cli/commands/steam-webapi
 * `gamestash steam profile|friends|games|recent|achievements|stats|global-achievements|news|api`:
 * the Steam Web API commands' flags; each body loads when run (steam-<command>.ts, with its
 * options type).
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { nonEmpty, nonNegativeInt, positiveInt } from '../options.js';
import type { SteamAchievementsOptions } from './steam-achievements.js';
import type { SteamApiOptions } from './steam-api.js';
import type { SteamFriendsOptions } from './steam-friends.js';
import type { SteamGamesOptions } from './steam-games.js';
import type { SteamGlobalAchievementsOptions } from './steam-global-achievements.js';
import type { SteamNewsOptions } from './steam-news.js';
import type { SteamProfileOptions } from './steam-profile.js';
import type { SteamRecentOptions } from './steam-recent.js';
import type { SteamStatsOptions } from './steam-stats.js';

const WHO =
  'SteamID64, STEAM_0:X:Y, [U:1:N], profile URL, trade URL, vanity name, or "me" (default: STEAM_ID)';

/** `--json`, `--format` and `--api-url`, which every Web API command takes. */
function webApiOptions(command: Command): Command {
  return command
    .option('--json', 'the result as JSON (Steam’s field names) instead of a table')
    .option('--format <format>', 'the format asked of Steam: json, xml or vdf (the output is the same)')
    .option('--api-url <url>', 'Steam Web API base URL (default GAMESTASH_STEAM_API_URL, e.g. the emulator)');
}

/** `--apps 440,570` (repeatable): app ids; the library checks each is one. */
function appList(value: string, previous: number[] = []): number[] {
  const ids = value.split(',').map((v) => v.trim());
  for (const id of ids) {
    if (!/^\d{1,10}$/.test(id))
      throw new InvalidArgumentError(`--apps takes app ids such as 440,570, got "${id}"`);
  }
  return [...previous, ...ids.map(Number)];
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

const appOption = () =>
  new Option('--app <appid>', 'app id, e.g. 440').argParser(positiveInt('--app')).makeOptionMandatory();

export function registerSteamWebApiCommands(steam: Command): void {
  webApiOptions(
    steam
      .command('profile')
      .description('Player profiles (GetPlayerSummaries), any number, 100 per request')
      .argument('[who...]', WHO),
  ).action(async (who: string[], options: SteamProfileOptions) => {
    const { steamProfile } = await import('./steam-profile.js');
    await steamProfile(who, options);
  });

  webApiOptions(
    steam.command('friends').description("A player's friends (GetFriendList)").argument('[who]', WHO),
  ).action(async (who: string | undefined, options: SteamFriendsOptions) => {
    const { steamFriends } = await import('./steam-friends.js');
    await steamFriends(who, options);
  });

  webApiOptions(
    steam
      .command('games')
      .description('Games a player owns (GetOwnedGames), most played first')
      .argument('[who]', WHO)
      .option('--appinfo', 'with names and icons')
      .option('--free-games', 'with free games the player has played')
      .option('--apps <ids>', 'only these app ids, comma-separated', appList),
  ).action(async (who: string | undefined, options: SteamGamesOptions) => {
    const { steamGames } = await import('./steam-games.js');
    await steamGames(who, options);
  });

  webApiOptions(
    steam
      .command('recent')
      .description('Games played in the last two weeks (GetRecentlyPlayedGames)')
      .argument('[who]', WHO)
      .option('--count <n>', 'at most n games', positiveInt('--count')),
  ).action(async (who: string | undefined, options: SteamRecentOptions) => {
    const { steamRecent } = await import('./steam-recent.js');
    await steamRecent(who, options);
  });

  webApiOptions(
    steam
      .command('achievements')
      .description("A player's achievements in one app (GetPlayerAchievements)")
      .argument('[who]', WHO)
      .addOption(appOption())
      .option(
        '--lang <language>',
        'names and descriptions in this language, e.g. german',
        nonEmpty('--lang'),
      ),
  ).action(async (who: string | undefined, options: SteamAchievementsOptions) => {
    const { steamAchievements } = await import('./steam-achievements.js');
    await steamAchievements(who, options);
  });

  webApiOptions(
    steam
      .command('stats')
      .description("A player's stats in one app (GetUserStatsForGame)")
      .argument('[who]', WHO)
      .addOption(appOption()),
  ).action(async (who: string | undefined, options: SteamStatsOptions) => {
    const { steamStats } = await import('./steam-stats.js');
    await steamStats(who, options);
  });

  webApiOptions(
    steam
      .command('global-achievements')
      .description('Share of all players holding each achievement of an app (no key needed)')
      .addOption(appOption()),
  ).action(async (options: SteamGlobalAchievementsOptions) => {
    const { steamGlobalAchievements } = await import('./steam-global-achievements.js');
    await steamGlobalAchievements(options);
  });

  webApiOptions(
    steam
      .command('news')
      .description("An app's news, newest first (GetNewsForApp, no key needed)")
      .addOption(appOption())
      .option('--count <n>', 'how many items (Steam’s default: 20)', nonNegativeInt('--count'))
      .option(
        '--max-length <n>',
        'shorten each item’s contents to n characters (0: whole)',
        nonNegativeInt('--max-length'),
      ),
  ).action(async (options: SteamNewsOptions) => {
    const { steamNews } = await import('./steam-news.js');
    await steamNews(options);
  });

  steam
    .command('api')
    .description('Any Web API method Steam lists, checked against its method list before sending')
    .argument('[method]', 'Interface/Method/vN, e.g. ISteamUser/GetFriendList/v1')
    .option('--param <name=value>', 'a parameter (repeatable; a name given twice is a list)', collect, [])
    .option('--input-json <json>', 'arguments as one JSON object (service interfaces)')
    .option('--post', 'send as POST (by default the method list’s HTTP method)')
    .option('--format <format>', 'the format asked of Steam: json, xml or vdf')
    .addOption(new Option('--raw', 'print Steam’s body untouched').conflicts('json'))
    .addOption(
      new Option('--list', 'list the methods Steam offers your key (kept for a day)').conflicts([
        'param',
        'inputJson',
        'post',
        'format',
        'raw',
      ]),
    )
    .option('--interface <name>', 'with --list: only this interface')
    .option('--refresh', 'with --list: fetch the list again instead of the copy kept for a day')
    .option('--json', 'with --list: the list as JSON')
    .option('--api-url <url>', 'Steam Web API base URL (default GAMESTASH_STEAM_API_URL)')
    .action(async (method: string | undefined, options: SteamApiOptions) => {
      const { steamApi } = await import('./steam-api.js');
      await steamApi(method, options);
    });
}
