/**
 * @module emulator/steam/trade/str-errors
 * The `strError` texts the community trade endpoints answer with, HTTP 500 and
 * `{"strError": "…"}` (UPSTREAM.md). Sources: the generic "(N)" texts are quoted in client
 * issue trackers (node-steam-tradeoffers #62, #136, #251; ArchiSteamFarm #2968); the new-device
 * text verbatim from ArchiSteamFarm #2116; the offer-limit text verbatim from two public bot
 * test suites; the trade-ban, not-available and item-server texts from the regular
 * expressions node-steam-tradeoffer-manager's helpers.js matches them with (their endings
 * beyond what those match are unverified).
 */
import type { EmulatorReply } from '../../types.js';

export type TradeAction = 'sending' | 'accepting';

const action = (verb: TradeAction) =>
  `There was an error ${verb} ${verb === 'sending' ? 'your trade offer' : 'this trade offer'}.`;

/** "There was an error sending your trade offer.  Please try again later. (15)" */
export function eresultText(verb: TradeAction, eresult: number): string {
  return `${action(verb)}  Please try again later. (${eresult})`;
}

/** Verbatim from ArchiSteamFarm #2116; the manager's cause `NewDevice`. */
export function newDeviceText(verb: TradeAction): string {
  return `${action(verb)} Please try again later.<br><br>You have logged in from a new device. In order to protect the items in your inventory, you will be unable to trade from this device for 7 days.`;
}

/** The manager's cause `TradeBan`. */
export function tradeBanText(partnerName: string): string {
  return `You cannot trade with ${partnerName} because they have a trade ban.`;
}

/** The manager's cause `TargetCannotTrade`. */
export function unavailableText(partnerName: string): string {
  return `${partnerName} is not available to trade. More information will be shown to ${partnerName} if they invite you to trade.`;
}

/** Verbatim; it carries no "(25)": the manager derives EResult 25 from the words. */
export function tooManyOffersText(partnerName: string): string {
  return `You have sent too many trade offers, or have too many outstanding trade offers with ${partnerName}. Please cancel some before sending more.`;
}

/** The manager's cause `ItemServerUnavailable` (EResult 20). */
export function itemServerText(verb: TradeAction): string {
  return `${action(verb)}  Please try again later.<br><br>The Steam Community is currently unable to contact the game's item server. The game's item server may be down or Steam may be experiencing temporary connectivity issues. (20)`;
}

export function strErrorReply(text: string, status = 500): EmulatorReply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: { strError: text } };
}
