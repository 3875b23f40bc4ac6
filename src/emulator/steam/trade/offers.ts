/**
 * @module emulator/steam/trade/offers
 * The offers themselves: who sent what to whom, their state and times, kept in memory and
 * indexed by account. Every state change goes through `move`, which asks the state machine
 * (states.ts) and stamps `time_updated`; expiry is applied lazily whenever an offer is read.
 */
import type { RawAssetProperty, RawDescription } from '../../../steam/community/inventory/types.js';
import { isPending, nextState, OfferState, type OfferEvent, type OfferStateValue } from './states.js';

/** One item of an offer, as it was when the offer was made. */
export interface OfferItem {
  appid: number;
  contextid: string;
  assetid: string;
  classid: string;
  instanceid: string;
  amount: string;
  description: RawDescription;
  properties?: () => RawAssetProperty[];
}

/** EConfirmationMethod: 0 none, 1 email, 2 mobile app. */
export type ConfirmationMethod = 0 | 1 | 2;

export interface Offer {
  id: string;
  sender: string;
  recipient: string;
  message: string;
  /** Items the sender gives (their `items_to_give`). */
  senderItems: OfferItem[];
  /** Items the recipient gives (the sender's `items_to_receive`). */
  recipientItems: OfferItem[];
  state: OfferStateValue;
  /** Unix seconds. */
  created: number;
  updated: number;
  expires: number;
  confirmationMethod: ConfirmationMethod;
  /** Recipients see an offer only once it was sent for real (confirmed, when it needed that). */
  visibleToRecipient: boolean;
  /** The recipient accepted and must still confirm on their authenticator. */
  acceptAwaitsConfirmation?: boolean;
  tradeid?: string;
  /** Unix seconds; set while (and after) the items wait out a hold. */
  escrowEnd?: number;
  /** The offer this one counters. */
  counterOf?: string;
}

export type NewOffer = Omit<Offer, 'id' | 'updated'>;

/** Steam's offer ids are ten digits these days. */
const FIRST_OFFER_ID = 8_300_000_001;

export class OfferStore {
  private readonly byId = new Map<string, Offer>();
  /** Each account's offers, sent and received, oldest first. */
  private readonly byAccount = new Map<string, Offer[]>();
  private nextId = FIRST_OFFER_ID;

  create(fields: NewOffer): Offer {
    const offer: Offer = { id: String(this.nextId++), ...fields, updated: fields.created };
    this.byId.set(offer.id, offer);
    for (const steamid of [offer.sender, offer.recipient]) {
      let list = this.byAccount.get(steamid);
      if (!list) this.byAccount.set(steamid, (list = []));
      list.push(offer);
    }
    return offer;
  }

  get(id: string, now: number): Offer | undefined {
    const offer = this.byId.get(id);
    if (offer) expireIfDue(offer, now);
    return offer;
  }

  /** An account's offers, sent and received, newest first. */
  forAccount(steamid: string, now: number): Offer[] {
    const list = this.byAccount.get(steamid) ?? [];
    const out = new Array<Offer>(list.length);
    for (let i = 0; i < list.length; i++) {
      const offer = list[list.length - 1 - i] as Offer;
      expireIfDue(offer, now);
      out[i] = offer;
    }
    return out;
  }

  all(now: number): Offer[] {
    const out = [...this.byId.values()].reverse();
    for (const offer of out) expireIfDue(offer, now);
    return out;
  }

  /** The sender's pending offers: to `recipient`, and in all. */
  pendingCounts(sender: string, recipient: string, now: number): { toPartner: number; total: number } {
    let toPartner = 0;
    let total = 0;
    for (const offer of this.byAccount.get(sender) ?? []) {
      expireIfDue(offer, now);
      if (offer.sender !== sender || !isPending(offer.state)) continue;
      total++;
      if (offer.recipient === recipient) toPartner++;
    }
    return { toPartner, total };
  }

  clear(): void {
    this.byId.clear();
    this.byAccount.clear();
  }
}

/** Moves the offer through `event`; false (and no change) when the state machine refuses. */
export function move(offer: Offer, event: OfferEvent, now: number): boolean {
  const next = nextState(offer.state, event);
  if (next === undefined) return false;
  offer.state = next;
  offer.updated = now;
  return true;
}

function expireIfDue(offer: Offer, now: number): void {
  if (isPending(offer.state) && now >= offer.expires) {
    // Backdated to the moment it ran out, whenever somebody looks.
    offer.state = OfferState.Expired;
    offer.updated = offer.expires;
    offer.acceptAwaitsConfirmation = false;
  }
}
