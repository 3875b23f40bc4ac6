/**
 * @module cli/commands/steam
 * `gamestash steam ...`: flags only; implementations load when run.
 */
import { Option, type Command } from 'commander';
import { nonEmpty, nonNegativeInt, positiveInt } from '../options.js';
import { registerSteamWebApiCommands } from './steam-webapi.js';
import { registerSteamGuardCommands } from './steam-guard.js';
import { registerSteamValueCommands } from './steam-market.js';
import { registerOffersWatchCommand } from './steam-offers-watch.js';
import { registerSteamOfferCommands } from './steam-offers.js';

export interface SteamInventoryOptions {
  app: string;
  context: string;
  lang?: string;
  table?: boolean;
  json?: boolean;
  raw?: boolean;
  summary?: boolean;
  tradable?: boolean;
  marketable?: boolean;
  type?: string;
  rarity?: string;
  name?: string;
  limit?: number;
  count?: number;
  intervalMs?: number;
  communityUrl?: string;
  apiUrl?: string;
  /** Store a snapshot of what was read, for `steam history`. */
  snapshot?: boolean;
}

export function registerSteamCommands(program: Command): void {
  const steam = program
    .command('steam')
    .description(
      'Steam community inventories, trade offers, and the Steam Web API (profiles, friends, games, any method)',
    );

  steam
    .command('inventory')
    .description('Every item of a Steam inventory, all pages, paced under Steam rate limits')
    .argument(
      '[who]',
      'SteamID64, STEAM_0:X:Y, [U:1:N], profile URL, trade URL, vanity name, or "me" (default: STEAM_ID)',
    )
    .option('-a, --app <appid>', 'app id (730 CS2, 440 TF2, 570 Dota 2, 753 Steam)', '730')
    .option(
      '-c, --context <contextid>',
      'context id (2 for games, 6 for Steam items, 16 CS2 trade-protected)',
      '2',
    )
    .option(
      '-l, --lang <language>',
      'language of names and descriptions (default: english)',
      nonEmpty('--lang'),
    )
    .addOption(new Option('--table', 'a table of items (the default)').conflicts(['json', 'summary']))
    .option('--json', 'normalized items as JSON (with --summary: the summary as JSON)')
    .addOption(
      // Steam's own JSON is printed as Steam sent it: filters apply to items (--json, --table).
      new Option('--raw', "Steam's own JSON, all pages merged (unfiltered)").conflicts([
        'json',
        'summary',
        'table',
        'tradable',
        'marketable',
        'type',
        'rarity',
        'name',
      ]),
    )
    .option('--summary', 'names and quantities')
    .option('--tradable', 'only tradable items')
    .option('--marketable', 'only marketable items')
    .option('--type <type>', 'only items of this type (e.g. Rifle, Sticker, Container)')
    .option('--rarity <rarity>', 'only items of this rarity (e.g. Covert)')
    .option('--name <text>', 'only items whose name contains this text')
    .option('--limit <n>', 'at most n rows: items, or with --summary summary lines', positiveInt('--limit'))
    .option('--count <n>', 'page size (1-2000; Steam refuses more)', positiveInt('--count', 2000))
    .option(
      '--interval-ms <ms>',
      'spacing between requests to Steam (default 4000)',
      nonNegativeInt('--interval-ms', 3_600_000),
    )
    .option('--community-url <url>', 'Steam community base URL (e.g. the emulator)')
    .option('--api-url <url>', 'Steam Web API base URL (vanity lookups)')
    .option('--snapshot', 'store a snapshot of the whole inventory (see steam history)')
    .action(async (who: string | undefined, options: SteamInventoryOptions) => {
      const { steamInventory } = await import('./steam-inventory.js');
      await steamInventory(who, options);
    });

  registerSteamWebApiCommands(steam);
  registerSteamGuardCommands(steam);
  registerSteamValueCommands(steam);
  registerOffersWatchCommand(registerSteamOfferCommands(steam));
}
