/**
 * @module cli/commands/steam-guard
 * `gamestash steam guard code` and `gamestash steam confirmations list|accept|cancel`: flags
 * only; each body loads when run (steam-guard-code.ts, steam-confirmations-*.ts, with their
 * options types). Secrets come from the environment (STEAM_SHARED_SECRET,
 * STEAM_IDENTITY_SECRET, STEAM_DEVICE_ID) or, with `--secrets-stdin`, from a maFile on stdin:
 * never from flags, where they would land in shell history.
 */
import { Option, type Command } from 'commander';
import { nonNegativeInt, numericId } from '../options.js';
import type { SteamConfirmationsActOptions } from './steam-confirmations-common.js';
import type { SteamConfirmationsListOptions } from './steam-confirmations-list.js';
import type { SteamGuardCodeOptions } from './steam-guard-code.js';

const STDIN_HELP =
  'read the secrets from stdin instead of the environment: a maFile (JSON with shared_secret, identity_secret, device_id) or NAME=value lines';

function hosts(command: Command): Command {
  return command
    .option(
      '--community-url <url>',
      'Steam community base URL (default GAMESTASH_STEAM_COMMUNITY_URL, e.g. the emulator)',
    )
    .option('--api-url <url>', "Steam Web API base URL, for Steam's clock (default GAMESTASH_STEAM_API_URL)")
    .option(
      '--interval-ms <ms>',
      'spacing between requests to the community host (default 4000)',
      nonNegativeInt('--interval-ms', 3_600_000),
    )
    .option('--secrets-stdin', STDIN_HELP)
    .option('--json', 'JSON output');
}

function collectIds(value: string, previous: string[] = []): string[] {
  return [...previous, numericId('--offer')(value)];
}

function act(confirmations: Command, action: 'accept' | 'cancel'): void {
  hosts(
    confirmations
      .command(action)
      .description(
        action === 'accept'
          ? 'Accept confirmations: by id, every one waiting (--all), or the one of a trade offer (--offer)'
          : 'Cancel confirmations (a sent offer becomes CanceledBySecondFactor): by id, --all or --offer',
      )
      .argument('[id...]', 'confirmation ids (from `confirmations list`)')
      .addOption(new Option('--all', 'every confirmation waiting').conflicts(['offer']))
      .option('--offer <offerid>', "the trade offer's confirmation (repeatable)", collectIds),
  ).action(async (ids: string[], options: SteamConfirmationsActOptions) => {
    const { steamConfirmationsAct } = await import('./steam-confirmations-common.js');
    await steamConfirmationsAct(action, ids, options);
  });
}

export function registerSteamGuardCommands(steam: Command): void {
  const guard = steam.command('guard').description('Steam Guard: login codes from STEAM_SHARED_SECRET');
  hosts(
    guard
      .command('code')
      .description("The current Steam Guard login code (at Steam's clock) and how long it lasts"),
  ).action(async (options: SteamGuardCodeOptions) => {
    const { steamGuardCode } = await import('./steam-guard-code.js');
    await steamGuardCode(options);
  });

  const confirmations = steam
    .command('confirmations')
    .description(
      "Mobile confirmations (trade offers, market listings) with STEAM_IDENTITY_SECRET and the session's cookies",
    );
  hosts(confirmations.command('list').description('What waits for a mobile confirmation')).action(
    async (options: SteamConfirmationsListOptions) => {
      const { steamConfirmationsList } = await import('./steam-confirmations-list.js');
      await steamConfirmationsList(options);
    },
  );
  act(confirmations, 'accept');
  act(confirmations, 'cancel');
}
