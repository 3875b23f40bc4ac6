/**
 * @module steam/trade/str-error
 * Steam's `strError` answers (HTTP 500, sometimes 200: `{"strError": "There was an error
 * sending your trade offer.  Please try again later. (15)"}`) read into an EResult and a
 * cause, and turned into a TradeOfferRefusedError whose message says what Steam meant. The
 * causes and their words are node-steam-tradeoffer-manager's (lib/helpers.js makeAnError):
 * the trailing `(N)` is the EResult; "sent too many trade offers" is 25 and "unable to contact
 * the game's item server" is 20 even when the text carries no number.
 */
import {
  TradeOfferRefusedError,
  type GamestashErrorOptions,
  type TradeRefusalReason,
} from '../../core/errors.js';
import { redactText } from '../../core/http/redact.js';
import { eresultLabel, tradeEResult } from './eresults.js';

export interface StrErrorReading {
  /** Steam's words, tags and `<br>`s flattened, redacted, at most 300 characters. */
  text: string;
  eresult: number | undefined;
  reason: TradeRefusalReason | undefined;
}

const CAUSES: readonly { pattern: RegExp; reason: TradeRefusalReason; eresult?: number }[] = [
  { pattern: /You cannot trade with .* because they have a trade ban\./, reason: 'TradeBan' },
  { pattern: /You have logged in from a new device/, reason: 'NewDevice' },
  { pattern: /is not available to trade\. More information will be shown to/, reason: 'TargetCannotTrade' },
  { pattern: /sent too many trade offers/, reason: 'OfferLimitExceeded', eresult: 25 },
  { pattern: /unable to contact the game's item server/, reason: 'ItemServerUnavailable', eresult: 20 },
  // Quoted by public trade services: "<name>'s inventory privacy is set to "Private"".
  { pattern: /inventory privacy is set to "?Private"?/i, reason: 'PrivateInventory' },
  // Steam's exact words are not documented (UPSTREAM.md only says sends and confirmations fail).
  { pattern: /trade protection|acknowledge/i, reason: 'TradeProtectionNotAcknowledged' },
];

export function readStrError(strError: string): StrErrorReading {
  const raw = strError.trim();
  const number = /\((\d{1,4})\)\s*$/.exec(raw);
  let eresult = number ? Number(number[1]) : undefined;
  let reason: TradeRefusalReason | undefined;
  for (const cause of CAUSES) {
    if (!cause.pattern.test(raw)) continue;
    reason = cause.reason;
    if (cause.eresult !== undefined) eresult = cause.eresult;
    break;
  }
  const flat = raw
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const text = redactText(flat);
  return { text: text.length > 300 ? `${text.slice(0, 300)}…` : text, eresult, reason };
}

export type TradeAction = 'send' | 'accept' | 'decline' | 'cancel';

const REASON_WORDS: Record<TradeRefusalReason, string> = {
  TradeBan: 'the partner has a trade ban',
  NewDevice:
    'this account logged in from a new device and cannot trade from it for 7 days (Steam Guard protection)',
  TargetCannotTrade: 'the partner is not available to trade',
  OfferLimitExceeded:
    'too many offers are sent or outstanding (to this partner or in total): cancel some first',
  ItemServerUnavailable: "the game's item server is unavailable; try again later",
  PrivateInventory: "the partner's inventory is private, so they cannot receive offers",
  TradeProtectionNotAcknowledged:
    'this account has not acknowledged Steam trade protection (it has been acknowledged now; send again)',
};

/** "Steam refused the offer" / "Steam refused to accept offer 123". */
export function refusalSubject(action: TradeAction, offerId?: string): string {
  if (action === 'send') return 'Steam refused the offer';
  return `Steam refused to ${action} offer${offerId ? ` ${offerId}` : ''}`;
}

/** The typed error for a refusal, e.g. "Steam refused the offer: the partner's trade URL token is wrong or they cannot trade (EResult 15)". */
export function refusalError(
  reading: Pick<StrErrorReading, 'eresult' | 'reason'> & { text?: string },
  action: TradeAction,
  options: GamestashErrorOptions & { offerId?: string } = {},
): TradeOfferRefusedError {
  const { offerId, ...rest } = options;
  const row = reading.eresult === undefined ? undefined : tradeEResult(reading.eresult);
  const known = row?.known ? row : undefined;
  const why = reading.reason
    ? REASON_WORDS[reading.reason]
    : (known?.meaning ?? (reading.text ? `Steam said "${reading.text}"` : 'Steam gave no reason'));
  const label = reading.eresult === undefined ? '' : ` (${eresultLabel(reading.eresult)})`;
  return new TradeOfferRefusedError(`${refusalSubject(action, offerId)}: ${why}${label}`, {
    ...rest,
    eresult: reading.eresult,
    reason: reading.reason,
    retryable: known?.transient ?? reading.reason === 'ItemServerUnavailable',
  });
}
