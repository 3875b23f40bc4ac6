/**
 * @module emulator/steam/trade/create-offer
 * Making an offer, with Steam's checks in order: not oneself; the sender's standing (new
 * device, trade ban); the partner's (trade ban, not available, private inventory); the
 * countered offer or the trade token (friends need none); every item still in its owner's
 * inventory, tradable and in the amount asked; the active-offer caps. Then the offer, in
 * CreatedNeedsConfirmation when the sender must confirm it (they give items and have the
 * mobile authenticator, or have not acknowledged trade protection).
 */
import type { EmulatorReply } from '../../types.js';
import type { TradeContext } from './context.js';
import type { RequestedAsset, SendRequest } from './offer-request.js';
import { move, type Offer, type OfferItem } from './offers.js';
import { OfferState } from './states.js';
import {
  eresultText,
  newDeviceText,
  strErrorReply,
  tooManyOffersText,
  tradeBanText,
  unavailableText,
} from './str-errors.js';

/** Steam's checks, in order, then the offer; or the strError that stopped it. */
export function createOffer(
  ctx: TradeContext,
  sender: string,
  request: SendRequest,
  options: { asPartner?: boolean } = {},
): { offer: Offer } | { refusal: EmulatorReply } {
  const { partner } = request;
  const fail = (eresult: number) => ({ refusal: strErrorReply(eresultText('sending', eresult)) });
  if (partner === sender) return fail(8);
  const me = ctx.accounts.get(sender);
  const them = ctx.accounts.get(partner);
  const partnerName = ctx.people.profile(partner).personaName;
  if (me.newDevice) return { refusal: strErrorReply(newDeviceText('sending')) };
  if (me.tradeBan) return fail(15);
  if (them.tradeBan) return { refusal: strErrorReply(tradeBanText(partnerName)) };
  if (them.unavailable) return { refusal: strErrorReply(unavailableText(partnerName)) };
  if (ctx.people.profile(partner).visibility === 'private') {
    // Quoted by a public client (a NestJS trade service) matching the message's end.
    return {
      refusal: strErrorReply(
        `${partnerName}'s inventory privacy is set to "Private".  They are unable to receive trade offers.`,
      ),
    };
  }

  const now = ctx.clock.seconds();
  let countered: Offer | undefined;
  if (request.countered) {
    countered = ctx.offers.get(request.countered, now);
    // A counter answers an active offer the partner sent us.
    if (!countered || countered.recipient !== sender || countered.sender !== partner) return fail(8);
    if (countered.state !== OfferState.Active) return fail(11);
  } else if (!ctx.accounts.areFriends(sender, partner) && request.token !== them.token) {
    // UPSTREAM.md: a wrong or missing token for a non-friend is AccessDenied.
    return fail(15);
  }

  const senderItems = lookUp(ctx, sender, request.me);
  const recipientItems = lookUp(ctx, partner, request.them);
  if (!senderItems || !recipientItems) return fail(26);

  const counts = ctx.offers.pendingCounts(sender, partner, now);
  if (counts.toPartner >= ctx.config.maxActivePerPartner || counts.total >= ctx.config.maxActiveTotal)
    return { refusal: strErrorReply(tooManyOffersText(partnerName)) };

  // Unacknowledged trade protection: the offer is made but waits on a confirmation that
  // fails until the account acknowledges (steampy #448, aiosteampy #87).
  // The control endpoint acting as the partner confirms at once.
  const needsConfirmation =
    !options.asPartner && (!me.acknowledged || (me.mobileAuthenticator && senderItems.length > 0));
  if (!me.acknowledged && !options.asPartner) ctx.counters.sendsBeforeAcknowledgement++;
  const offer = ctx.offers.create({
    sender,
    recipient: partner,
    message: request.message,
    senderItems,
    recipientItems,
    state: needsConfirmation ? OfferState.CreatedNeedsConfirmation : OfferState.Active,
    created: now,
    expires: now + Math.floor(ctx.config.offerTtlMs / 1000),
    confirmationMethod: needsConfirmation ? (me.mobileAuthenticator ? 2 : 1) : 0,
    visibleToRecipient: !needsConfirmation,
    ...(countered ? { counterOf: countered.id } : {}),
  });
  if (countered) move(countered, 'counter', now);
  ctx.counters.offersCreated++;
  return { offer };
}

/** The requested items as they are now, or undefined when one is missing, untradable or short. */
function lookUp(ctx: TradeContext, owner: string, wanted: RequestedAsset[]): OfferItem[] | undefined {
  const items: OfferItem[] = [];
  for (const want of wanted) {
    const found = ctx.inventories.find(owner, want.appid, want.contextid, want.assetid);
    if (!found || found.description.tradable !== 1) return undefined;
    if (want.amount > Number(found.asset.amount)) return undefined;
    const item: OfferItem = {
      appid: want.appid,
      contextid: want.contextid,
      assetid: want.assetid,
      classid: found.asset.classid,
      instanceid: found.asset.instanceid ?? '0',
      amount: String(want.amount),
      description: found.description,
    };
    if (found.properties) item.properties = found.properties;
    items.push(item);
  }
  return items;
}
