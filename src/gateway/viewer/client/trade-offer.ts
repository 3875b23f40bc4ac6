/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/trade-offer
 * One trade offer on the desk: who, its state in words, the message, what each side gives
 * (names and icons through the gateway), when it expires, and the actions its state allows —
 * accept or decline one received, cancel one sent — each named after its offer.
 */
import { el, icon } from './dom.js';
import { date, plural } from './format.js';
import type { Item, Money } from './items.js';
import { offerStateWords } from './trade-words.js';

export interface OfferItem extends Item {
  missing: boolean;
  price?: { unit: Money } | null;
}

/** The gateway's Offer (schemas/trading.ts). */
export interface Offer {
  id: string;
  partner: string;
  isOurOffer: boolean;
  state: number;
  stateName: string;
  message: string;
  itemsToGive: OfferItem[];
  itemsToReceive: OfferItem[];
  created: string | null;
  updated: string | null;
  expires: string | null;
  escrowEnds: string | null;
}

export type OfferAction = 'accept' | 'decline' | 'cancel';

/** Steam's pending states: Active (2) and CreatedNeedsConfirmation (9). */
export function actionsFor(offer: Offer): OfferAction[] {
  if (offer.isOurOffer) return offer.state === 2 || offer.state === 9 ? ['cancel'] : [];
  return offer.state === 2 ? ['accept', 'decline'] : [];
}

const LABEL: Record<OfferAction, string> = { accept: 'Accept', decline: 'Decline', cancel: 'Cancel' };

export function actionLabel(action: OfferAction, id: string): string {
  return `${LABEL[action]} offer ${id}`;
}

function itemList(items: OfferItem[]): HTMLElement {
  if (items.length === 0) return el('p', { class: 'muted' }, 'Nothing');
  return el(
    'ul',
    { class: 'offer-items' },
    ...items.map((item) =>
      el(
        'li',
        { class: item.missing ? 'missing' : undefined },
        icon(item.iconUrl, '64fx48f', 64, 48),
        el(
          'span',
          {},
          item.name,
          item.exterior ? el('small', {}, ` ${item.exterior}`) : null,
          item.amount > 1 ? ` ×${item.amount}` : '',
          item.missing ? ' (gone)' : '',
        ),
      ),
    ),
  );
}

export function offerCard(offer: Offer, act: (offer: Offer, action: OfferAction) => void): HTMLElement {
  const titleId = `offer-${offer.id}-title`;
  const title = offer.isOurOffer
    ? `Offer ${offer.id} to ${offer.partner}`
    : `Offer ${offer.id} from ${offer.partner}`;
  const when = [
    offer.created ? `made ${date(offer.created)}` : '',
    offer.state === 2 && offer.expires ? `expires ${date(offer.expires)}` : '',
    offer.escrowEnds ? `held until ${date(offer.escrowEnds)}` : '',
  ].filter(Boolean);
  const actions = actionsFor(offer).map((action) => {
    const button = el(
      'button',
      {
        type: 'button',
        class: action === 'accept' ? undefined : 'secondary',
        'aria-label': actionLabel(action, offer.id),
      },
      LABEL[action],
    );
    button.addEventListener('click', () => act(offer, action));
    return button;
  });
  return el(
    'li',
    { class: 'offer panel', 'aria-labelledby': titleId, 'data-offer': offer.id },
    el(
      'div',
      { class: 'offer-head' },
      el('h3', { id: titleId }, title),
      el('span', { class: `state s${offer.state}` }, offerStateWords(offer.state)),
    ),
    offer.message ? el('p', { class: 'offer-message' }, `“${offer.message}”`) : null,
    when.length ? el('p', { class: 'muted' }, when.join(' · ')) : null,
    el(
      'div',
      { class: 'offer-sides' },
      el(
        'section',
        {},
        el('h4', {}, `You give: ${plural(offer.itemsToGive.length, 'item')}`),
        itemList(offer.itemsToGive),
      ),
      el(
        'section',
        {},
        el('h4', {}, `You receive: ${plural(offer.itemsToReceive.length, 'item')}`),
        itemList(offer.itemsToReceive),
      ),
    ),
    actions.length ? el('div', { class: 'offer-actions' }, ...actions) : null,
  );
}
