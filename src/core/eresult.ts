/**
 * @module core/eresult
 * Steam's EResult codes in one table: the name Steam gives each, what it means in plain
 * words, and whether asking again later can help. Every front-end (CLI, gateway, MCP) words
 * and advises from here, so an EResult reads the same wherever it surfaces. Codes seen in a
 * new context get their row here, not a message of their own at the call site.
 */

export interface EResultInfo {
  code: number;
  /** Steam's own name (EResult enum), e.g. `ServiceUnavailable`. */
  name: string;
  /** What happened, for people. */
  meaning: string;
  /** Whether the same request may succeed later; false means "do not retry as it is". */
  transient: boolean;
  /** For transient codes: a sensible wait before trying again. */
  retryAfterMs?: number;
  /** False for codes this table has no row for (read as possibly temporary). */
  known: boolean;
  /**
   * What the code means when it answers a trade action (send, accept, decline, cancel), where
   * it is more specific than `meaning`: 15 on a send is nearly always the partner's token or
   * standing (UPSTREAM.md; node-steam-tradeoffer-manager and ASF read them so).
   */
  trade?: string;
}

type Row = Omit<EResultInfo, 'code' | 'known'>;

/**
 * Steam's EResult enum (steam_api's `EResult`, SteamKit's `EResult.cs`). Meanings are the
 * ones clients report for the community and Web API hosts (UPSTREAM.md); codes not listed
 * here still get their number and a generic reading from {@link eresultInfo}.
 */
const TABLE: Record<number, Row> = {
  1: { name: 'OK', meaning: 'success', transient: false },
  2: {
    name: 'Fail',
    meaning: 'Steam reported a generic failure',
    transient: true,
    retryAfterMs: 30_000,
    trade: 'Steam failed to process the trade offer',
  },
  3: {
    name: 'NoConnection',
    meaning: 'Steam has no connection to its back end',
    transient: true,
    retryAfterMs: 30_000,
  },
  8: {
    name: 'InvalidParam',
    meaning: 'Steam rejected a parameter of the request',
    transient: false,
    trade:
      'Steam rejected part of the request (the partner, an item, or an offer that is not yours to act on)',
  },
  10: { name: 'Busy', meaning: 'Steam is busy', transient: true, retryAfterMs: 30_000 },
  11: {
    name: 'InvalidState',
    meaning: 'the object is not in a state that allows this',
    transient: false,
    trade: 'the offer is no longer active, or an item is not in a state that can be traded',
  },
  15: {
    name: 'AccessDenied',
    meaning: 'Steam denied access',
    transient: false,
    trade:
      "the partner's trade URL token is wrong or they cannot trade (trade ban, full or private inventory, or a trade hold)",
  },
  16: {
    name: 'Timeout',
    meaning: 'Steam timed out; the action may still have happened',
    transient: true,
    retryAfterMs: 2_000,
    trade: 'Steam timed out; the offer may still have been created',
  },
  20: {
    name: 'ServiceUnavailable',
    meaning: 'this Steam service is temporarily unavailable',
    transient: true,
    retryAfterMs: 60_000,
    trade: "Steam or the game's item server is temporarily unavailable",
  },
  24: {
    name: 'InsufficientPrivilege',
    meaning: 'this account lacks the privilege for this',
    transient: false,
    trade: 'this account cannot trade yet (Steam Guard, a new device or a recent change)',
  },
  25: {
    name: 'LimitExceeded',
    meaning: 'a Steam limit was exceeded',
    transient: false,
    trade: 'too many active offers (to this partner or in total): cancel some before sending more',
  },
  26: {
    name: 'Revoked',
    meaning: 'access was revoked, or the item is gone',
    transient: false,
    trade:
      "an item is not in its owner's inventory or cannot be traded now (traded, sold or moved; not yet tradable, or held by trade protection)",
  },
  28: { name: 'AlreadyRedeemed', meaning: 'this was already done', transient: false },
  29: {
    name: 'DuplicateRequest',
    meaning: 'Steam saw this request twice',
    transient: true,
    retryAfterMs: 2_000,
    trade: 'Steam saw this request twice; the first one may have gone through',
  },
  42: { name: 'NoMatch', meaning: 'Steam found nothing matching', transient: false },
  // UPSTREAM.md lists 55 among transient EResults; for an inventory it mostly means the account
  // has no inventory for that app (never played, not owned). The inventory client retries it
  // once with backoff and then reports this row: asking again at once will not change it.
  55: {
    name: 'RemoteCallFailed',
    meaning:
      'Steam has no inventory of this app for this account (the account may not own the app, or never had items in it)',
    transient: false,
  },
  84: {
    name: 'RateLimitExceeded',
    meaning: 'Steam is rate limiting these requests',
    transient: true,
    retryAfterMs: 60_000,
  },
};

/**
 * What an EResult means. A code without a row reads as possibly temporary: for a read,
 * a retry within the transport's budget costs little, and failing for good on a code nobody
 * has explained would be a guess.
 */
export function eresultInfo(code: number): EResultInfo {
  const row = TABLE[code];
  if (row) return { code, known: true, ...row };
  return { code, known: false, name: 'unknown', meaning: 'Steam gave no explanation', transient: true };
}

/** The advice that goes with an EResult, in the words every front-end uses. */
export function eresultAdvice(info: EResultInfo): string {
  if (!info.known) return 'possibly temporary: retry later';
  if (!info.transient) return 'not temporary: retrying the same request will not help';
  const wait = info.retryAfterMs === undefined ? 'later' : `in about ${Math.ceil(info.retryAfterMs / 1000)}s`;
  return `temporary: retry ${wait}`;
}

/** `EResult 20 (ServiceUnavailable): this Steam service is ...; temporary: retry in about 60s`. */
export function describeEResult(code: number): string {
  const info = eresultInfo(code);
  return `EResult ${code} (${info.name}): ${info.meaning}; ${eresultAdvice(info)}`;
}

/** The trailing EResult of Steam's error strings: `... failed with EResult 55`, `... (15)`. */
export function parseEResult(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const match = /EResult\s+(\d{1,4})/i.exec(text) ?? /\((\d{1,4})\)\s*$/.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}
