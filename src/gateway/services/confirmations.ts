/**
 * @module gateway/services/confirmations
 * What the confirmation routes need of the Steam Guard library, per registered account: list
 * its mobile confirmations, accept or cancel some by id. The library's SteamConfirmations
 * has this shape; the gateway builds one per account from its identity secret and session.
 */
import type { TradingAccount } from './trading.js';

export interface ConfirmationView {
  id: string;
  /** 2 a trade offer (sent, or an acceptance), 3 a market listing. */
  type: number;
  typeName: string;
  /** What it confirms: the offer id (type 2), the listing id (type 3). */
  creatorId: string;
  offerId: string | null;
  headline: string;
  summary: string[];
  created: string | null;
}

export interface ConfirmationOutcome {
  action: 'accept' | 'cancel';
  confirmations: ConfirmationView[];
  acknowledged: boolean;
  reconciled: boolean;
}

type Signal = { signal?: AbortSignal | undefined };

export interface AccountConfirmations {
  list(options?: Signal): Promise<ConfirmationView[]>;
  accept(ids: string[], options?: Signal): Promise<ConfirmationOutcome>;
  cancel(ids: string[], options?: Signal): Promise<ConfirmationOutcome>;
}

export type ConfirmationsFactory = (account: TradingAccount) => AccountConfirmations;
