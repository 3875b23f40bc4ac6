/**
 * @module emulator/steam/trade/econ/caller
 * Whose offers an IEconService call is about: the account of the access token (the JWT in
 * `steamLoginSecure`; refused with Steam's 403 "Access is denied" page once it expired or
 * its session ended, UPSTREAM.md), or the account that owns the key (`users[id].apiKey`;
 * an unknown owner has no offers). Calls with a key do not see CS2 offers (UPSTREAM.md:
 * since 2024-04-03, steampy #382, node-steam-tradeoffer-manager #348/#362).
 */
import { forbidden, WebApiReplyError } from '../../webapi/html.js';
import type { WebApiCall } from '../../webapi/registry.js';
import type { TradeContext } from '../context.js';
import type { Offer } from '../offers.js';

export interface EconCaller {
  steamid: string | undefined;
  /** Called with a key: CS2 offers are left out. */
  viaKey: boolean;
}

export function econCaller(ctx: TradeContext, call: WebApiCall): EconCaller {
  ctx.exchange.settle();
  const { accessToken, key } = call.caller;
  if (accessToken !== undefined) {
    const check = ctx.sessions.checkToken(accessToken);
    if ('problem' in check) throw new WebApiReplyError(forbidden());
    return { steamid: check.steamid, viaKey: false };
  }
  return { steamid: key === undefined ? undefined : ctx.accounts.ownerOfKey(key), viaKey: true };
}

const CS2 = 730;

/** What a key-authorized call may see of an offer. */
export function hiddenFromKey(offer: Offer): boolean {
  return (
    offer.senderItems.some((item) => item.appid === CS2) ||
    offer.recipientItems.some((item) => item.appid === CS2)
  );
}
