/**
 * @module cli/commands/steam-offers
 * `gamestash steam offers send|accept|decline|cancel|list|show|summary|history|status|partner`:
 * flags only; each body loads when run (steam-offers-<command>.ts, with its options type). The
 * session comes from STEAM_COOKIES / STEAM_SESSION_ID, never from a flag.
 */
import { Option, type Command } from 'commander';
import { positiveInt } from '../options.js';
import type { SteamOffersAcceptOptions } from './steam-offers-accept.js';
import type { SteamOffersCancelOptions } from './steam-offers-cancel.js';
import type { SteamOffersDeclineOptions } from './steam-offers-decline.js';
import type { SteamOffersHistoryOptions } from './steam-offers-history.js';
import type { SteamOffersListOptions } from './steam-offers-list.js';
import type { SteamOffersPartnerOptions } from './steam-offers-partner.js';
import type { SteamOffersSendOptions } from './steam-offers-send.js';
import type { SteamOffersShowOptions } from './steam-offers-show.js';
import type { SteamOffersStatusOptions } from './steam-offers-status.js';
import type { SteamOffersSummaryOptions } from './steam-offers-summary.js';

const WHO = 'SteamID64, STEAM_0:X:Y, [U:1:N], profile URL, vanity name, or their trade URL (with its token)';
const ITEM = 'APP/CONTEXT/ASSETID[:AMOUNT], e.g. 730/2/34714784915 (several: repeat, or list them)';

/** `--json`, `--community-url` and `--api-url`, which every offers command takes. */
function common(command: Command, json: string): Command {
  return command
    .option('--json', json)
    .option('--community-url <url>', 'Steam community base URL (default GAMESTASH_STEAM_COMMUNITY_URL)')
    .option('--api-url <url>', 'Steam Web API base URL (default GAMESTASH_STEAM_API_URL)');
}

/** Registers the group and its commands; returns the group so others (`watch`) can join it. */
export function registerSteamOfferCommands(steam: Command): Command {
  const offers = steam
    .command('offers')
    .description('Steam trade offers: send, accept, decline, cancel, list and read them (docs/trading.md)');

  common(
    offers
      .command('send')
      .description('Send a trade offer; never twice (a lost answer is looked for among your sent offers)')
      .requiredOption('--to <who>', WHO)
      .option('--token <token>', "the partner's trade token, when --to is not their trade URL")
      .option('--give <items...>', `your items to give: ${ITEM}`)
      .option('--receive <items...>', `their items to receive: ${ITEM}`)
      .option('--message <text>', 'a message to the partner (at most 128 characters)')
      .option('--counter <offerid>', 'counter this offer the partner sent you')
      .option(
        '--idempotency-key <key>',
        'the same key again returns the offer it sent, instead of sending another (kept in the store)',
      )
      .option(
        '--confirm',
        'confirm the new offer through mobile confirmations when Steam asks (needs STEAM_IDENTITY_SECRET)',
      ),
    'the result as JSON: {id, partner, state, stateName, needsMobileConfirmation, needsEmailConfirmation, reconciled, replayed}',
  ).action(async (options: SteamOffersSendOptions) => {
    const { steamOffersSend } = await import('./steam-offers-send.js');
    await steamOffersSend(options);
  });

  common(
    offers.command('accept').description('Accept an offer sent to you').argument('<id>', 'the offer id'),
    'the result as JSON',
  ).action(async (id: string, options: SteamOffersAcceptOptions) => {
    const { steamOffersAccept } = await import('./steam-offers-accept.js');
    await steamOffersAccept(id, options);
  });

  common(
    offers.command('decline').description('Decline an offer sent to you').argument('<id>', 'the offer id'),
    'the result as JSON',
  ).action(async (id: string, options: SteamOffersDeclineOptions) => {
    const { steamOffersDecline } = await import('./steam-offers-decline.js');
    await steamOffersDecline(id, options);
  });

  common(
    offers.command('cancel').description('Cancel an offer you sent').argument('<id>', 'the offer id'),
    'the result as JSON',
  ).action(async (id: string, options: SteamOffersCancelOptions) => {
    const { steamOffersCancel } = await import('./steam-offers-cancel.js');
    await steamOffersCancel(id, options);
  });

  common(
    offers
      .command('list')
      .description('Your trade offers, newest first, with their items named (active ones by default)')
      .option('--sent', 'offers you sent (default: sent and received)')
      .option('--received', 'offers sent to you')
      .addOption(new Option('--active', 'offers still active (the default)').conflicts(['historical', 'all']))
      .addOption(new Option('--historical', 'finished offers only').conflicts(['all']))
      .option('--all', 'active and finished offers')
      .option('--limit <n>', 'at most n offers', positiveInt('--limit')),
    'the offers as JSON (the offer model)',
  ).action(async (options: SteamOffersListOptions) => {
    const { steamOffersList } = await import('./steam-offers-list.js');
    await steamOffersList(options);
  });

  common(
    offers.command('show').description('One offer and its items').argument('<id>', 'the offer id'),
    'the offer as JSON',
  ).action(async (id: string, options: SteamOffersShowOptions) => {
    const { steamOffersShow } = await import('./steam-offers-show.js');
    await steamOffersShow(id, options);
  });

  common(
    offers.command('summary').description('Counts of pending, new and finished offers'),
    'the counts as JSON',
  ).action(async (options: SteamOffersSummaryOptions) => {
    const { steamOffersSummary } = await import('./steam-offers-summary.js');
    await steamOffersSummary(options);
  });

  common(
    offers
      .command('history')
      .description('Completed trades, newest first')
      .option('--limit <n>', 'at most n trades', positiveInt('--limit'), 100)
      .option('--include-failed', 'include failed trades'),
    'the trades as JSON',
  ).action(async (options: SteamOffersHistoryOptions) => {
    const { steamOffersHistory } = await import('./steam-offers-history.js');
    await steamOffersHistory(options);
  });

  common(
    offers
      .command('status')
      .description("A trade's status (rollbacks included) and where its items went")
      .argument('<tradeid>', 'the trade id (from accept, show or history)'),
    'the trade as JSON',
  ).action(async (tradeId: string, options: SteamOffersStatusOptions) => {
    const { steamOffersStatus } = await import('./steam-offers-status.js');
    await steamOffersStatus(tradeId, options);
  });

  common(
    offers
      .command('partner')
      .description('Trade hold days for a trade with this partner')
      .argument('<who>', WHO)
      .option('--token <token>', "the partner's trade token, when <who> is not their trade URL"),
    'the details as JSON',
  ).action(async (who: string, options: SteamOffersPartnerOptions) => {
    const { steamOffersPartner } = await import('./steam-offers-partner.js');
    await steamOffersPartner(who, options);
  });
  return offers;
}
