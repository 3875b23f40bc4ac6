/**
 * @module cli/commands/steam-market
 * `gamestash steam value|history|prices`: flags only; implementations load when run.
 */
import type { Command } from 'commander';
import { nonEmpty, nonNegativeInt, positiveInt } from '../options.js';
import type { SteamHistoryOptions } from './steam-history-run.js';
import type { SteamPricesOptions } from './steam-prices-run.js';
import type { SteamValueOptions } from './steam-value-run.js';

const CURRENCY = [
  '--currency <code>',
  'ISO 4217 code or Steam currency id (USD, EUR, 3, ...)',
  'USD',
] as const;
const SOURCE = ['--source <name>', 'price source: steam (Community Market) or skinport', 'steam'] as const;

function upstreamFlags(command: Command): Command {
  return command
    .option(
      '--interval-ms <ms>',
      'spacing between requests to Steam (default 4000)',
      nonNegativeInt('--interval-ms', 3_600_000),
    )
    .option('--community-url <url>', 'Steam community base URL (e.g. the emulator)')
    .option('--api-url <url>', 'Steam Web API base URL (vanity lookups)')
    .option('--skinport-url <url>', 'Skinport API base URL (env GAMESTASH_SKINPORT_URL)');
}

export function registerSteamValueCommands(steam: Command): void {
  upstreamFlags(
    steam
      .command('value')
      .description(
        "What an inventory is worth: each line's quantity × unit price, most valuable first, and the total",
      )
      .argument('<who>', 'SteamID64, STEAM_0:X:Y, [U:1:N], profile URL, trade URL or vanity name')
      .option('-a, --app <appid>', 'app id (730 CS2, 440 TF2, 570 Dota 2, 252490 Rust, 753 Steam)', '730')
      .option('-c, --context <contextid>', 'context id (2 for games, 6 for Steam items)', '2')
      .option(...CURRENCY)
      .option(...SOURCE)
      .option('--json', 'the valuation as JSON (every line)')
      .option('--limit <n>', 'lines shown in the table (default 50)', positiveInt('--limit'))
      .option('--refresh', 'fetch prices now even if the cached ones are fresh')
      .option('--snapshot', 'also store a snapshot of the inventory with this value (see steam history)')
      .option('-l, --lang <language>', 'language of item names (default: english)', nonEmpty('--lang')),
  ).action(async (who: string, options: SteamValueOptions) => {
    const { steamValue } = await import('./steam-value-run.js');
    await steamValue(who, options);
  });

  upstreamFlags(
    steam
      .command('history')
      .description(
        'Stored snapshots of an inventory with their value over time, and what changed between two',
      )
      .argument('<who>', 'SteamID64, STEAM_0:X:Y, [U:1:N], profile URL, trade URL or vanity name')
      .option('-a, --app <appid>', 'app id', '730')
      .option('-c, --context <contextid>', 'context id', '2')
      .option(...CURRENCY)
      .option(...SOURCE)
      .option('--no-value', 'list snapshots without valuing them')
      .option('--from <ids>', 'diff from this snapshot id (or ids: 12,13 for contexts 2 and 16)')
      .option('--to <ids>', 'diff to this snapshot id (default: the two newest)')
      .option('--limit <n>', 'most snapshots listed (default 100)', positiveInt('--limit', 10_000))
      .option('--json', 'snapshots and the diff as JSON'),
  ).action(async (who: string, options: SteamHistoryOptions) => {
    const { steamHistory } = await import('./steam-history-run.js');
    await steamHistory(who, options);
  });

  upstreamFlags(
    steam
      .command('prices')
      .description(
        "An app's market prices from one source, cached; refreshed when older than their maximum age",
      )
      .argument('<app>', 'app id (730 CS2, 252490 Rust, ...)')
      .option(...SOURCE)
      .option(...CURRENCY)
      .option('--refresh', 'fetch them now even if the cached ones are fresh')
      .option('--name <text>', 'only names containing this text')
      .option('--limit <n>', 'rows shown in the table (default 50)', positiveInt('--limit'))
      .option('--json', 'every price as JSON'),
  ).action(async (app: string, options: SteamPricesOptions) => {
    const { steamPrices } = await import('./steam-prices-run.js');
    await steamPrices(app, options);
  });
}
