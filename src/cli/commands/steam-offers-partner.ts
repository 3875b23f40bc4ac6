/**
 * @module cli/commands/steam-offers-partner
 * `gamestash steam offers partner <who|trade URL> [--token T]`: the trade hold days a trade
 * with this partner would get (GetTradeHoldDurations; the offer page only as a fallback).
 */
import { writeJson, writeLine } from '../output/write.js';
import { withTrade, type OfferCommandOptions } from './steam-offers-common.js';

export interface SteamOffersPartnerOptions extends OfferCommandOptions {
  token?: string;
}

export async function steamOffersPartner(who: string, options: SteamOffersPartnerOptions): Promise<void> {
  await withTrade(options, false, async (trade) => {
    const details = await trade.partnerDetails(who, options.token);
    if (options.json) return writeJson(details);
    const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
    const probation = details.probation ? '; the partner is on trade probation' : '';
    const source = details.source === 'webapi' ? 'GetTradeHoldDurations' : 'the trade offer page';
    writeLine(
      `${details.partner}: a trade now would hold your items ${days(details.myEscrowDays)} and theirs ${days(details.theirEscrowDays)}${probation} (from ${source})`,
    );
  });
}
