/**
 * @module steam/guard/confirmations
 * Mobile confirmations (UPSTREAM.md, Steam Guard; node-steamcommunity's confirmations.js):
 * list them, accept or cancel one (`ajaxop`) or several at once (`multiajaxop`), and confirm
 * the offer a send just made. Every request carries a key from the identity secret for a time
 * of Steam's clock that was never used before for the account (requester.ts, time-ledger.ts).
 *
 * Recoveries, each at most once per call: a refused key after an offset kept from earlier
 * asks Steam's time again (requester.ts); a confirmation Steam will not act on
 * is retried after acknowledging trade protection, which Steam requires first (UPSTREAM.md,
 * 2025-07); an answer lost on the way is followed by a fresh list, and only confirmations still
 * waiting are sent again (a confirmation is acted on at most once, so nothing happens twice).
 */
import {
  ConfirmationFailedError,
  ConnectionError,
  InvalidInputError,
  MalformedResponseError,
  NotFoundError,
  UpstreamUnavailableError,
} from '../../core/errors.js';
import {
  ConfirmationType,
  type Confirmation,
  type ConfirmationAction,
  type ConfirmationResult,
  type ConfirmOfferOptions,
  type ConfirmOfferResult,
  type OfferConfirmer,
} from './model.js';
import { parseConfirmations } from './parse.js';
import { MobileconfRequester, type SteamConfirmationsOptions } from './requester.js';

export type { SteamConfirmationsOptions };

type Signal = { signal?: AbortSignal | undefined };
export type ConfirmationTarget = string | Pick<Confirmation, 'id' | 'nonce'>;

const READ_ATTEMPTS = 3;
const READ_RETRY_DELAY_MS = 1000;

export class SteamConfirmations implements OfferConfirmer {
  private readonly requests: MobileconfRequester;

  constructor(options: SteamConfirmationsOptions) {
    this.requests = new MobileconfRequester(options);
  }

  /** What waits for this account's authenticator. */
  async list(options: Signal = {}): Promise<Confirmation[]> {
    this.requests.prepare('listing mobile confirmations');
    for (let attempt = 1; ; attempt++) {
      try {
        const body = await this.requests.call(
          'getlist',
          'list',
          [],
          'load the confirmations',
          options.signal,
        );
        return parseConfirmations(body);
      } catch (error) {
        // A read may be asked again, with a new time: the first one's is spent.
        if (!isLostAnswer(error) || attempt >= READ_ATTEMPTS) throw error;
        await this.requests.sleep(READ_RETRY_DELAY_MS, options.signal);
      }
    }
  }

  /** The confirmation of a trade offer (a send of ours, or our acceptance of theirs), if one waits. */
  async forOffer(offerId: string, options: Signal = {}): Promise<Confirmation | undefined> {
    checkId(offerId, 'offer id');
    return (await this.list(options)).find(
      (conf) => conf.type === ConfirmationType.Trade && conf.creatorId === offerId,
    );
  }

  /** Accepts confirmations, by id (looked up in the list) or as listed. */
  accept(
    targets: ConfirmationTarget | ConfirmationTarget[],
    options: Signal = {},
  ): Promise<ConfirmationResult> {
    return this.respond('accept', targets, options);
  }

  /** Cancels confirmations: a sent offer becomes CanceledBySecondFactor, an acceptance is withdrawn. */
  cancel(
    targets: ConfirmationTarget | ConfirmationTarget[],
    options: Signal = {},
  ): Promise<ConfirmationResult> {
    return this.respond('cancel', targets, options);
  }

  /**
   * Confirms a trade offer this account sent (or its acceptance of one): finds the offer's
   * confirmation and accepts it. A NotFoundError when none waits (it needed none, or was
   * confirmed or cancelled already).
   */
  async confirmOffer(offerId: string, options: ConfirmOfferOptions = {}): Promise<ConfirmOfferResult> {
    checkId(offerId, 'offer id');
    this.requests.prepare('confirming an offer');
    const attempts = Math.max(1, options.attempts ?? 3);
    for (let attempt = 1; ; attempt++) {
      const confirmation = await this.forOffer(offerId, options);
      if (confirmation) {
        const result = await this.respond('accept', [confirmation], options);
        return { offerId, confirmation, acknowledged: result.acknowledged, reconciled: result.reconciled };
      }
      if (attempt >= attempts) {
        throw new NotFoundError(
          `no mobile confirmation waits for offer ${offerId}: it needs none, or it was confirmed or cancelled already`,
          { service: 'steam-community', code: 'no_confirmation' },
        );
      }
      await this.requests.sleep(options.retryDelayMs ?? 2000, options.signal);
    }
  }

  /** Acknowledges trade protection for the session's account (UPSTREAM.md, 2025-07). */
  async acknowledgeTradeProtection(options: Signal = {}): Promise<void> {
    await this.requests.acknowledge(options.signal);
  }

  private async respond(
    action: ConfirmationAction,
    targets: ConfirmationTarget | ConfirmationTarget[],
    options: Signal,
  ): Promise<ConfirmationResult> {
    const wanted = Array.isArray(targets) ? targets : [targets];
    if (wanted.length === 0) {
      throw new InvalidInputError(`nothing to ${action}: give at least one confirmation id`, 'confirmations');
    }
    for (const target of wanted) {
      checkId(typeof target === 'string' ? target : target.id, 'confirmation id');
      if (typeof target !== 'string') checkId(target.nonce, 'confirmation nonce');
    }
    this.requests.prepare(`${action === 'accept' ? 'accepting' : 'cancelling'} confirmations`);
    const session = this.requests.session('mobile confirmations');
    let pending = await this.resolve(wanted, options.signal);
    const result: ConfirmationResult = {
      action,
      confirmations: pending,
      acknowledged: false,
      reconciled: false,
    };
    let recheckedLost = false;
    for (;;) {
      try {
        await this.act(action, pending, options.signal);
        return result;
      } catch (error) {
        const refused = error instanceof ConfirmationFailedError && error.code === 'not_done';
        if (action === 'accept' && refused && !this.requests.hasAcknowledged(session.steamid)) {
          // UPSTREAM.md: confirmations fail until the account acknowledged trade protection.
          await this.acknowledgeTradeProtection(options);
          result.acknowledged = true;
          continue;
        }
        if (isLostAnswer(error) && !recheckedLost) {
          recheckedLost = true;
          const waiting = new Set((await this.list(options)).map((conf) => conf.id));
          const still = pending.filter((conf) => waiting.has(conf.id));
          if (still.length < pending.length) result.reconciled = true;
          if (still.length === 0) return result;
          pending = still;
          continue;
        }
        throw error;
      }
    }
  }

  /** Ids become listed confirmations (one list for all); confirmations pass as they are. */
  private async resolve(wanted: ConfirmationTarget[], signal?: AbortSignal): Promise<Confirmation[]> {
    const needsList = wanted.some((target) => typeof target === 'string');
    const listed = needsList ? await this.list({ signal }) : [];
    const out = new Map<string, Confirmation>();
    const missing: string[] = [];
    for (const target of wanted) {
      const id = typeof target === 'string' ? target : target.id;
      const found =
        typeof target === 'string'
          ? listed.find((conf) => conf.id === target)
          : 'type' in target
            ? (target as Confirmation)
            : listedStub(target);
      if (found) out.set(id, found);
      else missing.push(id);
    }
    if (missing.length > 0) {
      throw new NotFoundError(
        `no confirmation ${missing.join(', ')} waits for this account: it was acted on already, or the id is wrong (list them first)`,
        { service: 'steam-community', code: 'no_confirmation' },
      );
    }
    return [...out.values()];
  }

  private act(action: ConfirmationAction, confs: Confirmation[], signal?: AbortSignal) {
    const op = action === 'accept' ? 'allow' : 'cancel';
    // The Steam app's tags (node-steamcommunity's acceptConfirmationForObject uses `accept` too).
    const tag = action === 'accept' ? 'accept' : 'reject';
    const what = `${action} ${confs.length === 1 ? `confirmation ${confs[0]!.id}` : `${confs.length} confirmations`}`;
    if (confs.length === 1) {
      const [conf] = confs as [Confirmation];
      return this.requests.call(
        'ajaxop',
        tag,
        [
          ['op', op],
          ['cid', conf.id],
          ['ck', conf.nonce],
        ],
        what,
        signal,
      );
    }
    const pairs = confs.flatMap((conf): [string, string][] => [
      ['cid[]', conf.id],
      ['ck[]', conf.nonce],
    ]);
    return this.requests.call('multiajaxop', tag, [['op', op], ...pairs], what, signal);
  }
}

/** A target given as `{id, nonce}` alone. */
function listedStub(target: Pick<Confirmation, 'id' | 'nonce'>): Confirmation {
  return {
    id: target.id,
    nonce: target.nonce,
    type: 0,
    typeName: '',
    creatorId: '',
    offerId: null,
    headline: '',
    summary: [],
    created: null,
  };
}

function checkId(id: string, what: string): void {
  if (typeof id !== 'string' || !/^\d{1,20}$/.test(id)) {
    throw new InvalidInputError(`${what} must be a number, got "${String(id)}"`, what.replace(/ /g, '_'));
  }
}

/** No answer, or one that cannot be read: Steam may or may not have done it. */
function isLostAnswer(error: unknown): boolean {
  if (error instanceof ConnectionError) return error.retryable;
  return error instanceof UpstreamUnavailableError || error instanceof MalformedResponseError;
}
