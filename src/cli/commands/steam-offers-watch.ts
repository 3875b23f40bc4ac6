/**
 * @module cli/commands/steam-offers-watch
 * `gamestash steam offers watch`: flags only; the implementation loads when run. Registered
 * on whichever command is `steam offers` (`registerOffersWatchCommand(offers)`).
 */
import type { Command } from 'commander';
import { intFrom, positiveInt } from '../options.js';
import type { SteamOffersWatchOptions } from './steam-offers-watch-run.js';

const DAY_MS = 86_400_000;

export function registerOffersWatchCommand(offers: Command): void {
  offers
    .command('watch')
    .description(
      "Watch this account's trade offers: every change and trade reversal as a JSON line, once even across restarts (Ctrl-C stops)",
    )
    .option(
      '--interval-ms <ms>',
      'between two polls, 1000 at least (default GAMESTASH_OFFER_POLL_INTERVAL_MS, 30000)',
      // The same floor as GAMESTASH_OFFER_POLL_INTERVAL_MS: a typo must not hammer Steam.
      intFrom('--interval-ms', 1000, DAY_MS),
    )
    .option(
      '--full-every-ms <ms>',
      'a full poll (active offers and a day of history) at least this often (default 120000)',
      positiveInt('--full-every-ms', DAY_MS),
    )
    .option(
      '--cancel-after <ms>',
      'cancel our Active offers unanswered this long',
      positiveInt('--cancel-after', 30 * DAY_MS),
    )
    .option(
      '--pending-cancel-after <ms>',
      'cancel our offers still awaiting confirmation this long',
      positiveInt('--pending-cancel-after', 30 * DAY_MS),
    )
    .option(
      '--cancel-offer-count <n>',
      'keep at most n of our offers Active, cancelling the oldest',
      positiveInt('--cancel-offer-count', 10_000),
    )
    .action(async (options: SteamOffersWatchOptions) => {
      const { steamOffersWatch } = await import('./steam-offers-watch-run.js');
      await steamOffersWatch(options);
    });
}
