/**
 * @module emulator/steam/guard/confirmations
 * What an account's mobile authenticator is asked to confirm, as `/mobileconf/getlist`
 * lists it (node-steamcommunity's CConfirmation, steamguard-cli's Confirmation, public
 * fixtures of Steam's answers): type 2 "Trade Offer" for an offer the account sent that waits
 * in CreatedNeedsConfirmation with confirmation method 2, and for an acceptance of a received
 * offer that waits for its authenticator; type 3 "Market Listing" for listings a test made
 * through the control endpoint. Each has an id and a nonce (`ck`) that stay the same while it
 * waits. Acting goes through the trade module's actions (actions.ts), which refuse an account
 * that has not acknowledged trade protection.
 */
import { cancelConfirmation, confirmOffer } from '../trade/actions.js';
import type { TradeContext } from '../trade/context.js';
import type { Offer, OfferItem } from '../trade/offers.js';
import { OfferState } from '../trade/states.js';
import { digitsFrom } from '../random.js';

export type ConfirmationKind = 'send' | 'accept' | 'market';

export interface MarketListing {
  listingid: string;
  steamid: string;
  itemName: string;
  /** As Steam shows it, e.g. `$1.23`. */
  price: string;
  state: 'pending' | 'active' | 'cancelled';
  /** Unix seconds. */
  created: number;
}

export interface EmulatedConfirmation {
  id: string;
  nonce: string;
  owner: string;
  kind: ConfirmationKind;
  /** The offer id (trades) or the listing id (market). */
  creatorId: string;
  /** Unix seconds. */
  created: number;
}

/** One confirmation as getlist lists it. */
export interface ConfirmationJson {
  type: number;
  type_name: string;
  id: string;
  creator_id: string;
  nonce: string;
  creation_time: number;
  cancel: string;
  accept: string;
  icon: string | null;
  multi: boolean;
  headline: string;
  summary: string[];
  warn: null;
}

/** Steam's confirmation ids are eleven digits these days. */
const FIRST_CONFIRMATION_ID = 13_800_000_001;
const FIRST_LISTING_ID = 6_290_000_000_000_000_001n;

export class ConfirmationBook {
  private readonly byKey = new Map<string, EmulatedConfirmation>();
  private readonly byId = new Map<string, EmulatedConfirmation>();
  private readonly listingsById = new Map<string, MarketListing>();
  private nextId = FIRST_CONFIRMATION_ID;
  private nextListing = FIRST_LISTING_ID;

  constructor(private readonly ctx: TradeContext) {}

  /** What waits for the account's authenticator, oldest first. */
  pending(steamid: string): EmulatedConfirmation[] {
    this.ctx.exchange.settle();
    const now = this.ctx.clock.seconds();
    const out: EmulatedConfirmation[] = [];
    for (const offer of [...this.ctx.offers.forAccount(steamid, now)].reverse()) {
      const kind = this.offerKind(offer, steamid);
      if (kind) out.push(this.record(`${kind}:${offer.id}`, steamid, kind, offer.id, offer.created));
    }
    for (const listing of this.listingsById.values()) {
      if (listing.steamid !== steamid || listing.state !== 'pending') continue;
      out.push(
        this.record(`market:${listing.listingid}`, steamid, 'market', listing.listingid, listing.created),
      );
    }
    return out;
  }

  /** A confirmation of the account that still waits, by id. */
  find(steamid: string, id: string): EmulatedConfirmation | undefined {
    const found = this.byId.get(id);
    if (!found || found.owner !== steamid) return undefined;
    return this.pending(steamid).find((conf) => conf.id === id);
  }

  /** Confirms (`allow`) or refuses (`cancel`) it; false when the trade side refused. */
  act(conf: EmulatedConfirmation, op: 'allow' | 'cancel'): boolean {
    if (conf.kind === 'market') {
      const listing = this.listingsById.get(conf.creatorId);
      if (!listing || listing.state !== 'pending') return false;
      listing.state = op === 'allow' ? 'active' : 'cancelled';
      return true;
    }
    const offer = this.ctx.offers.get(conf.creatorId, this.ctx.clock.seconds());
    if (!offer) return false;
    const result = op === 'allow' ? confirmOffer(this.ctx, offer) : cancelConfirmation(this.ctx, offer);
    return !('failed' in result);
  }

  /** Whether acting on it now would be refused for want of the trade protection acknowledgement. */
  needsAcknowledgement(conf: EmulatedConfirmation): boolean {
    return conf.kind !== 'market' && !this.ctx.accounts.get(conf.owner).acknowledged;
  }

  addListing(steamid: string, item: { itemName?: string; price?: string } = {}): MarketListing {
    const listing: MarketListing = {
      listingid: String(this.nextListing++),
      steamid,
      itemName: item.itemName ?? 'Chroma 2 Case',
      price: item.price ?? '$0.85',
      state: 'pending',
      created: this.ctx.clock.seconds(),
    };
    this.listingsById.set(listing.listingid, listing);
    return listing;
  }

  listings(steamid: string): MarketListing[] {
    return [...this.listingsById.values()].filter((listing) => listing.steamid === steamid);
  }

  json(conf: EmulatedConfirmation): ConfirmationJson {
    if (conf.kind === 'market') {
      const listing = this.listingsById.get(conf.creatorId);
      return {
        ...this.base(conf, 3, 'Market Listing'),
        cancel: 'Cancel',
        accept: 'Create Listing',
        icon: null,
        headline: listing?.itemName ?? '',
        summary: [`Listing price: ${listing?.price ?? ''}`],
      };
    }
    const offer = this.ctx.offers.get(conf.creatorId, this.ctx.clock.seconds());
    const mine = offer ? (offer.sender === conf.owner ? offer.senderItems : offer.recipientItems) : [];
    const theirs = offer ? (offer.sender === conf.owner ? offer.recipientItems : offer.senderItems) : [];
    const partner = offer ? (offer.sender === conf.owner ? offer.recipient : offer.sender) : conf.owner;
    const profile = this.ctx.people.profile(partner);
    return {
      ...this.base(conf, 2, 'Trade Offer'),
      cancel: 'Cancel',
      accept: conf.kind === 'send' ? 'Send Offer' : 'Accept Trade',
      icon: `https://avatars.fastly.steamstatic.com/${profile.avatarHash}_full.jpg`,
      // A public fixture of a real answer: the partner's persona name, then what goes each way.
      headline: profile.personaName,
      summary: [`You will give up ${names(mine, 'your ')}`, `You will receive ${names(theirs, '')}`],
    };
  }

  reset(): void {
    this.byKey.clear();
    this.byId.clear();
    this.listingsById.clear();
    this.nextId = FIRST_CONFIRMATION_ID;
    this.nextListing = FIRST_LISTING_ID;
  }

  private offerKind(offer: Offer, steamid: string): ConfirmationKind | undefined {
    if (
      offer.sender === steamid &&
      offer.state === OfferState.CreatedNeedsConfirmation &&
      offer.confirmationMethod === 2
    )
      return 'send';
    if (
      offer.recipient === steamid &&
      offer.state === OfferState.Active &&
      offer.acceptAwaitsConfirmation === true &&
      this.ctx.accounts.get(steamid).mobileAuthenticator
    )
      return 'accept';
    return undefined;
  }

  private record(
    key: string,
    owner: string,
    kind: ConfirmationKind,
    creatorId: string,
    created: number,
  ): EmulatedConfirmation {
    let conf = this.byKey.get(key);
    if (!conf) {
      const id = String(this.nextId++);
      conf = {
        id,
        nonce: digitsFrom(`confirmation-nonce:${key}:${id}`, 19),
        owner,
        kind,
        creatorId,
        created,
      };
      this.byKey.set(key, conf);
      this.byId.set(id, conf);
    }
    return conf;
  }

  private base(conf: EmulatedConfirmation, type: number, typeName: string) {
    return {
      type,
      type_name: typeName,
      id: conf.id,
      creator_id: conf.creatorId,
      nonce: conf.nonce,
      creation_time: conf.created,
      multi: false,
      warn: null,
    };
  }
}

function names(items: OfferItem[], prefix: string): string {
  if (items.length === 0) return 'nothing';
  return prefix + items.map((item) => item.description.market_hash_name ?? item.description.name).join(', ');
}
