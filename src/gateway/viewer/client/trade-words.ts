/**
 * @module gateway/viewer/client/trade-words
 * The trade desk's words: offer states as people say them, and the trading routes' errors
 * (docs/gateway.md, "Trading gateway") in plain words naming the account and what was being
 * done — a key without the scope is told which one to ask the operator for. Pure (no DOM),
 * unit-tested in Node.
 */
import { plainWords } from './words.js';

/** ETradeOfferState (UPSTREAM.md, trade offers) in words. */
const STATES: Record<number, string> = {
  1: 'Invalid',
  2: 'Active',
  3: 'Accepted',
  4: 'Countered',
  5: 'Expired',
  6: 'Canceled',
  7: 'Declined',
  8: 'Items no longer available',
  9: 'Needs confirmation',
  10: 'Canceled by the mobile authenticator',
  11: 'In escrow',
};

export function offerStateWords(state: number): string {
  return STATES[state] ?? `State ${state}`;
}

/** What the desk was doing when a call failed. */
export type TradeDoing = 'read offers' | 'read the inventory' | 'send' | 'accept' | 'decline' | 'cancel';

/** Steam's refusal reasons (the gateway's `trade_refused` `reason`). */
const REFUSALS: Record<string, string> = {
  TradeBan: 'the account or the partner has a trade ban',
  NewDevice: 'the account signed in on a new device and may not trade for a few days',
  TargetCannotTrade: 'the partner cannot trade right now (a ban, a hold, or trading turned off)',
  OfferLimitExceeded: 'too many offers are pending between these accounts: cancel some first',
  ItemServerUnavailable: "the game's item server is down: try again later",
  PrivateInventory: "the partner's inventory is private",
  TradeProtectionNotAcknowledged: 'the account has not yet acknowledged Steam’s trade protection',
};

const SCOPE_TEXT: Record<string, (account: string) => string> = {
  'offers:read': (a) => `read offers of ${a}`,
  'offers:write': (a) => `send, accept, decline or cancel offers of ${a}`,
  'inventory:read': (a) => `read inventories (of ${a} or anyone)`,
};

export interface TradeErrorFields {
  message?: string | undefined;
  reason?: string | undefined;
}

export function tradeWords(
  status: number,
  code: string,
  error: TradeErrorFields,
  retryAfterSeconds: number | undefined,
  account: string,
  doing: TradeDoing,
): string {
  const message = error.message;
  switch (code) {
    case 'missing_scope': {
      const scope = /lacks the (\S+) scope/.exec(message ?? '')?.[1] ?? 'a scope';
      const what = SCOPE_TEXT[scope]?.(account) ?? `${doing} for ${account}`;
      return `This key may not ${what} — ask the operator for ${scope}.`;
    }
    case 'account_not_found':
      return `This key may not use a trading account named “${account}” (or there is none): check the name, or ask the operator to allow it for this key.`;
    case 'trading_not_configured':
      return 'This gateway cannot trade: its operator has not set GAMESTASH_SECRET_KEY.';
    case 'account_secrets_unreadable':
      return `The gateway cannot open the secrets of ${account}: its operator must check GAMESTASH_SECRET_KEY.`;
    case 'account_session_expired':
      return `The Steam session of ${account} has expired: the operator must give it fresh cookies (gamestash accounts update --name ${account}).`;
    case 'trade_refused': {
      const why = (error.reason && REFUSALS[error.reason]) ?? message ?? 'no reason given';
      return `Steam refused to ${doing === 'send' ? 'send this offer' : `${doing} this offer`}: ${why}.`;
    }
    case 'offer_not_found':
      return `${account} has no offer by that id (any more): the list is read again.`;
    case 'trade_outcome_unknown':
      return `Steam did not say whether it worked: look at the offer in the list before trying again.`;
    case 'idempotency_conflict':
      return error.reason === 'in_progress'
        ? 'This offer is still being sent: wait a moment, then press Send again (it will not be sent twice).'
        : 'This offer was already sent with other contents: start a new offer.';
    case 'confirmation_failed':
      return `Steam would not take the confirmation: confirm it in the Steam mobile app.`;
    case 'invalid_input':
      return `That cannot be done: ${message ?? 'check what you chose'}.`;
    default:
      return plainWords(status, code, message, retryAfterSeconds, 'steam');
  }
}

/** The line a sent (or re-sent) offer gets. */
export function sentWords(sent: {
  id: string;
  state: number;
  needsMobileConfirmation: boolean;
  needsEmailConfirmation: boolean;
  replayed: boolean;
}): string {
  const confirm = sent.needsMobileConfirmation
    ? ' — confirm it in the Steam mobile app'
    : sent.needsEmailConfirmation
      ? ' — confirm it from the email Steam sent'
      : '';
  const again = sent.replayed ? ' (already sent: this is the same offer, not a second one)' : '';
  return `Sent offer ${sent.id}: ${offerStateWords(sent.state)}${confirm}${again}.`;
}
