/**
 * @module steam/trade/client
 * The trade client: every trade call of the library in one object, over one context
 * (context.ts). Writes carry their own safety (send.ts, send-offer.ts, act.ts); reads are
 * async iterators with collecting helpers (STYLE.md).
 */
import { InvalidInputError } from '../../core/errors.js';
import type { HttpClient } from '../../core/http/client.js';
import type { OfferConfirmer } from '../guard/model.js';
import { collect } from '../../core/paginate.js';
import { SteamInventoryClient } from '../community/inventory/client.js';
import type { InventoryItem } from '../community/inventory/types.js';
import { communityPace } from '../community/pace.js';
import type { ResolvedSteamId } from '../ids/resolve.js';
import type { SteamWebApiClient } from '../webapi/client.js';
import { acceptOffer, cancelOffer, declineOffer } from './act.js';
import { TradeContext, type TradeContextOptions } from './context.js';
import type {
  AcceptResult,
  ActionResult,
  Offer,
  OffersSummary,
  PartnerDetails,
  SendResult,
  Trade,
  WarningHook,
} from './model.js';
import { partnerDetails, partnerInventoryItems, type PartnerInventoryOptions } from './partner.js';
import { previewAction, previewSend, type ActionPreview, type SendPreview } from './preview.js';
import { acknowledgeTradeProtection } from './protection.js';
import {
  getOffer,
  listOffers,
  offerPages,
  offersSummary,
  type GetOfferOptions,
  type ListOffersOptions,
  type OfferPage,
} from './read-offers.js';
import { tradeHistory, tradeStatus, type TradeHistoryOptions } from './read-trades.js';
import { confirmSentOffer, type SendConfirmation } from './send-confirm.js';
import { sendOffer } from './send-offer.js';
import { TradeOfferState, type OfferAction } from './states.js';
import { checkIdempotencyKey, type SendInput } from './send-input.js';
import type { SendRecord } from './state-store.js';
import type { OfferWatchOptions } from './watch/options.js';
import type { OfferWatchStore } from './watch/watch-store.js';
import { OfferWatcher } from './watch/watcher.js';

export interface SteamTradeClientOptions extends Omit<
  TradeContextOptions,
  'resolve' | 'community' | 'webapi'
> {
  http: HttpClient;
  /** IEconService goes through the Web API client (its host, key, pacing and errors). */
  webapi: SteamWebApiClient;
  /** `https://steamcommunity.com` or the emulator. */
  communityUrl: string;
  /** Spacing between community requests (shared with inventory reads: one key per host). */
  communityIntervalMs?: number;
  rateLimitCooldownMs?: number | undefined;
  maxQueueWaitMs?: number | undefined;
  /** Per-request timeout for community requests (the transport's default otherwise). */
  timeoutMs?: number | undefined;
  /** Vanity names to SteamID64s; the Web API client's resolver by default. */
  resolve?: (who: string) => Promise<ResolvedSteamId>;
  /** Mobile confirmations (steam/guard's `createConfirmer`), for `send({ confirm: true })`. */
  confirmer?: OfferConfirmer | undefined;
  /** Reads your own inventory for previews (with the session's cookies); one on the same host and pacing by default. */
  inventory?: SteamInventoryClient | undefined;
}

type Signal = { signal?: AbortSignal | undefined };

export class SteamTradeClient {
  private readonly ctx: TradeContext;
  private readonly confirmer: OfferConfirmer | undefined;
  private readonly inventory: SteamInventoryClient;

  constructor(options: SteamTradeClientOptions) {
    const {
      http,
      webapi,
      communityUrl,
      communityIntervalMs,
      rateLimitCooldownMs,
      maxQueueWaitMs,
      timeoutMs,
      resolve,
      confirmer,
      inventory,
      ...rest
    } = options;
    this.confirmer = confirmer;
    this.inventory =
      inventory ??
      new SteamInventoryClient({
        http,
        communityUrl,
        intervalMs: communityIntervalMs ?? 0,
        rateLimitCooldownMs,
        maxQueueWaitMs,
        language: rest.language,
      });
    this.ctx = new TradeContext({
      ...rest,
      webapi,
      community: {
        http,
        communityUrl,
        pace: communityPace({
          communityUrl,
          intervalMs: communityIntervalMs ?? 0,
          rateLimitCooldownMs,
          maxQueueWaitMs,
        }),
        timeoutMs,
      },
      resolve: resolve ?? (async (who) => ({ steamid64: await webapi.resolve(who, 'partner') })),
    });
  }

  /**
   * Sends an offer; never twice (see send.ts and send-offer.ts). With `confirm: true` the new
   * offer is confirmed through mobile confirmations too (send-confirm.ts).
   */
  async send(
    input: SendInput,
    options: Signal = {},
  ): Promise<SendResult & { confirmation?: SendConfirmation }> {
    if (input.confirm && !this.confirmer) {
      throw new InvalidInputError(
        "confirming the offer needs the account's identity secret: set STEAM_IDENTITY_SECRET, or confirm it in the Steam mobile app",
        'confirm',
      );
    }
    const confirmer = input.confirm ? this.confirmer : undefined;
    // Confirmed before an idempotency record keeps the answer: a replay answers the same.
    const finish = confirmer
      ? (sent: SendResult) => confirmSentOffer(confirmer, sent, options.signal)
      : undefined;
    const result: SendResult & { confirmation?: SendConfirmation } = await sendOffer(
      this.ctx,
      input,
      options,
      finish,
    );
    if (!confirmer || !result.replayed || result.confirmation) return result;
    // A replay of a send made without confirm: its stored state may be old, so read it first.
    const now = await getOffer(this.ctx, result.id, { signal: options.signal });
    return confirmSentOffer(
      confirmer,
      {
        ...result,
        state: now.state,
        stateName: now.stateName,
        needsMobileConfirmation: now.state === TradeOfferState.CreatedNeedsConfirmation,
      },
      options.signal,
    );
  }

  /**
   * What `send(input)` would send, without sending: the input checked as the send checks it,
   * the partner resolved, and each item looked up in its owner's inventory (names, and what
   * Steam would refuse). Only reads.
   */
  previewSend(input: SendInput, options: Signal = {}): Promise<SendPreview> {
    const session = this.ctx.requireSession('sending a trade offer');
    const own = this.inventory.withCookies(session.cookieHeader);
    return previewSend(
      this.ctx,
      input,
      (appid, contextid, signal) =>
        own.items({ steamid: session.steamid, appid, contextid, ...(signal ? { signal } : {}) }),
      options,
    );
  }

  /** The offer `accept`, `decline` or `cancel` would act on, or the refusal the action would meet. Only reads. */
  previewAction(action: OfferAction, offerId: string, options: Signal = {}): Promise<ActionPreview> {
    return previewAction(this.ctx, action, offerId, options);
  }

  /** Accepts an offer sent to this account (community endpoint, with the partner). */
  accept(offerId: string, options: Signal = {}): Promise<AcceptResult> {
    return acceptOffer(this.ctx, offerId, options);
  }

  /** Declines an offer sent to this account (IEconService/DeclineTradeOffer). */
  decline(offerId: string, options: Signal = {}): Promise<ActionResult> {
    return declineOffer(this.ctx, offerId, options);
  }

  /** Cancels an offer this account sent (IEconService/CancelTradeOffer). */
  cancel(offerId: string, options: Signal = {}): Promise<ActionResult> {
    return cancelOffer(this.ctx, offerId, options);
  }

  /** Offers, one at a time, over every page of GetTradeOffers (or up to `limit`). */
  list(options: ListOffersOptions = {}): AsyncGenerator<Offer> {
    return listOffers(this.ctx, options);
  }

  /** `list` collected into an array (up to `limit`). */
  listAll(options: ListOffersOptions = {}): Promise<Offer[]> {
    return collect(listOffers(this.ctx, options));
  }

  /** The pages of GetTradeOffers as they come (a poller's view). */
  pages(options: ListOffersOptions = {}): AsyncGenerator<OfferPage> {
    return offerPages(this.ctx, options);
  }

  get(offerId: string, options: GetOfferOptions = {}): Promise<Offer> {
    return getOffer(this.ctx, offerId, options);
  }

  summary(options: { timeLastVisit?: Date } & Signal = {}): Promise<OffersSummary> {
    return offersSummary(this.ctx, options);
  }

  history(options: TradeHistoryOptions = {}): AsyncGenerator<Trade> {
    return tradeHistory(this.ctx, options);
  }

  tradeStatus(
    tradeId: string,
    options: {
      language?: string;
      descriptions?: boolean;
      signal?: AbortSignal;
      onWarning?: WarningHook;
    } = {},
  ): Promise<Trade> {
    return tradeStatus(this.ctx, tradeId, options);
  }

  /** Hold days (and probation, from the offer page) for a trade with `partner`. */
  partnerDetails(
    partner: string,
    token?: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<PartnerDetails> {
    return partnerDetails(this.ctx, partner, token, options);
  }

  /** The partner's tradable items in one app and context, as the offer window shows them. */
  partnerInventoryItems(
    partner: string,
    appid: number | string,
    contextid: number | string,
    options: PartnerInventoryOptions = {},
  ): AsyncGenerator<InventoryItem> {
    return partnerInventoryItems(this.ctx, partner, appid, contextid, options);
  }

  partnerInventory(
    partner: string,
    appid: number | string,
    contextid: number | string,
    options: PartnerInventoryOptions = {},
  ): Promise<InventoryItem[]> {
    return collect(partnerInventoryItems(this.ctx, partner, appid, contextid, options));
  }

  /** Acknowledges trade protection now (sends do it once by themselves). */
  async acknowledgeTradeProtection(options: Signal = {}): Promise<void> {
    await acknowledgeTradeProtection(
      this.ctx,
      this.ctx.requireSession('acknowledging trade protection'),
      options.signal,
    );
  }

  /** This account: the session's SteamID64 (or STEAM_ID without one). */
  me(): string | undefined {
    return this.ctx.me();
  }

  /**
   * A watcher of this account's offers (docs/trading.md, "Watching for changes"), its state in
   * `store`; `start()` it, or read it with `for await`. It needs the account's session: with
   * an API key alone Steam hides CS2 offers (UPSTREAM.md), so a key-only watcher would
   * report nothing while offers come and go.
   */
  watch(store: OfferWatchStore, options: OfferWatchOptions = {}): OfferWatcher {
    this.ctx.requireSession('watching trade offers');
    return new OfferWatcher(this, store, options);
  }

  /** What the store holds for an idempotency key. */
  idempotencyRecord(key: string): Promise<SendRecord | undefined> {
    return this.ctx.store.getSend(checkIdempotencyKey(key));
  }
}
