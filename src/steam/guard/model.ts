/**
 * @module steam/guard/model
 * What the confirmations client returns: confirmations as typed objects (node-steamcommunity's
 * CConfirmation and steamguard-cli's Confirmation read the same fields of Steam's getlist),
 * the results of acting on them, and the interface the trade client's `send({confirm: true})`
 * calls.
 */

/** EMobileConfirmationType (SteamTracking's enums; steamguard-cli lists the undocumented ones). */
export const ConfirmationType = {
  Test: 1,
  Trade: 2,
  MarketListing: 3,
  FeatureOptOut: 4,
  PhoneNumberChange: 5,
  AccountRecovery: 6,
  ApiKeyCreation: 9,
  JoinSteamFamily: 11,
} as const;

export interface Confirmation {
  /** The confirmation's id (`cid`). */
  id: string;
  /** 2 a trade offer (sent, or an acceptance), 3 a market listing; see {@link ConfirmationType}. */
  type: number;
  /** Steam's name for the type, e.g. `Trade Offer`, `Market Listing`. */
  typeName: string;
  /** What it confirms: the offer id (type 2), the listing id (type 3). */
  creatorId: string;
  /** The offer id for a trade confirmation, else null. */
  offerId: string | null;
  /** The confirmation's own key (`ck`), sent back to act on it. */
  nonce: string;
  /** For trades, the partner's persona name. */
  headline: string;
  /** For trades, what you give and what you receive. */
  summary: string[];
  /** When it was made (ISO 8601), or null when Steam did not say. */
  created: string | null;
}

export type ConfirmationAction = 'accept' | 'cancel';

export interface ConfirmationResult {
  action: ConfirmationAction;
  /** The confirmations acted on. */
  confirmations: Confirmation[];
  /** Trade protection was acknowledged on the way (Steam refused the confirmation until it was). */
  acknowledged: boolean;
  /** An answer was lost and the list showed the confirmations gone: taken as done. */
  reconciled: boolean;
}

export interface ConfirmOfferResult {
  offerId: string;
  confirmation: Confirmation;
  acknowledged: boolean;
  reconciled: boolean;
}

export interface ConfirmOfferOptions {
  signal?: AbortSignal | undefined;
  /**
   * Looks for the offer's confirmation this many times (default 3), `retryDelayMs` apart
   * (default 2000): a freshly sent offer's confirmation can take a moment to be listed.
   */
  attempts?: number;
  retryDelayMs?: number;
}

/** What the trade client needs to confirm an offer it just sent (`send({ confirm: true })`). */
export interface OfferConfirmer {
  confirmOffer(offerId: string, options?: ConfirmOfferOptions): Promise<ConfirmOfferResult>;
}
