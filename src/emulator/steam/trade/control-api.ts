/**
 * @module emulator/steam/trade/control-api
 * The trade world driven from outside, for tests acting as the other party: mint or end
 * sessions, read and change accounts, list offers, accept / decline / counter an offer as
 * its recipient, cancel it as its sender, confirm one, expire one (any of these backdated, as
 * Steam sometimes stamps changes), reverse a completed trade, move the clock, read an
 * account's inventory changes and steer faults. The control endpoint (control-routes.ts)
 * and `emulator.steam.trade` both call this.
 */
import { isIndividualSteamId } from '../request-info.js';
import type { TradeAccountPatch } from './accounts.js';
import {
  acceptOffer,
  cancelConfirmation,
  cancelOffer,
  confirmOffer,
  declineOffer,
  expireOffer,
  type ActionFailure,
} from './actions.js';
import type { TradeContext } from './context.js';
import { createOffer } from './create-offer.js';
import type { RequestedAsset } from './offer-request.js';
import type { Offer } from './offers.js';
import { backdate, reverseTrade } from './reversal.js';
import type { TradeFaultPlan, TradeListFaultKind, TradeSendFaultKind } from './scenario.js';
import type { MintedSession } from './sessions.js';
import { offerView, tradeView, type AccountView, type OfferView, type TradeView } from './views.js';

export type ControlResult =
  | { ok: true; offer: OfferView; tradeid?: string; needsConfirmation?: boolean }
  | { ok: false; status: number; error: string };

export interface ActOptions {
  /** Stamp the change this much earlier than now (UPSTREAM.md: Steam backdates state changes). */
  backdateMs?: number;
}

export type ReverseResult = { ok: true; trade: TradeView } | { ok: false; status: number; error: string };

export interface CounterInput extends ActOptions {
  /** Items the countering party (the original recipient) gives; default: what the original asked of them. */
  give?: RequestedAsset[];
  /** Items they ask for; default: what the original offered them. */
  receive?: RequestedAsset[];
  message?: string;
}

export interface TradeFaultControl {
  send?: Partial<TradeFaultPlan<TradeSendFaultKind>>;
  list?: Partial<TradeFaultPlan<TradeListFaultKind>>;
  /** Faults for the next sends, in order, before any drawn or scripted one. */
  nextSends?: TradeSendFaultKind[];
  /** Faults for the next GetTradeOffers calls. */
  nextLists?: TradeListFaultKind[];
}

export interface SteamTradeControl {
  /** A fresh logged-in session for an account (cookie, access token, sessionid). */
  session(steamid: string, expiresInSeconds?: number): MintedSession;
  /** Ends every session the account has now (Steam then answers as for an expired one). */
  endSessions(steamid: string): void;
  account(steamid: string): AccountView;
  updateAccount(steamid: string, patch: TradeAccountPatch): AccountView;
  offers(filter?: { steamid?: string; state?: number }): OfferView[];
  offer(id: string): OfferView | undefined;
  accept(id: string, options?: ActOptions): ControlResult;
  decline(id: string, options?: ActOptions): ControlResult;
  cancel(id: string, options?: ActOptions): ControlResult;
  /** The mobile confirmation of a sent offer awaiting it, or of an acceptance awaiting it. */
  confirm(id: string, options?: ActOptions): ControlResult;
  /** Refuses that confirmation (a sent offer becomes CanceledBySecondFactor). */
  cancelConfirmation(id: string, options?: ActOptions): ControlResult;
  expire(id: string, options?: ActOptions): ControlResult;
  /** The recipient answers with a counter offer: the original becomes Countered. */
  counter(id: string, input?: CounterInput): ControlResult;
  trade(tradeid: string): TradeView | undefined;
  /**
   * Reverses a completed trade inside its protection window (UPSTREAM.md, trade protection):
   * the items go back, GetTradeStatus says 12 with `rollback_trade`, the offer stays Accepted.
   */
  reverse(tradeid: string): ReverseResult;
  /** Moves the trade clock forward; returns the new time (ms). */
  advanceTime(ms: number): number;
  now(): number;
  /** What trades changed in an account's inventories. */
  inventoryChanges(steamid: string): ReturnType<TradeContext['inventories']['overlay']['describe']>;
  faults(change?: TradeFaultControl): { send: unknown; list: unknown };
}

const FAILURES: Record<ActionFailure, [number, string]> = {
  state: [409, 'the offer is not in a state that allows this'],
  itemsGone: [409, 'some items are no longer there: the offer is now InvalidItems'],
  unacknowledged: [409, 'the account has not acknowledged trade protection'],
};

export function createTradeControl(ctx: TradeContext): SteamTradeControl {
  const now = () => ctx.clock.seconds();
  const find = (id: string): Offer | undefined => {
    ctx.exchange.settle();
    return ctx.offers.get(id, now());
  };
  const notFound = (id: string): ControlResult => ({ ok: false, status: 404, error: `no offer ${id}` });
  const failed = (failure: ActionFailure): ControlResult => {
    const [status, error] = FAILURES[failure];
    return { ok: false, status, error };
  };
  const act = (
    id: string,
    action: (offer: Offer) => { failed: ActionFailure } | object,
    options: ActOptions = {},
  ): ControlResult => {
    const offer = find(id);
    if (!offer) return notFound(id);
    const before = offer.state;
    const result = action(offer);
    if ('failed' in result) return failed(result.failed);
    if (options.backdateMs && offer.state !== before) backdate(offer, options.backdateMs);
    const trade = 'trade' in result ? (result.trade as { tradeid: string } | undefined) : undefined;
    return { ok: true, offer: offerView(offer), ...(trade ? { tradeid: trade.tradeid } : {}) };
  };
  const accountView = (steamid: string): AccountView => ({
    ...ctx.accounts.get(steamid),
    tradeUrl: ctx.accounts.tradeUrl(steamid),
  });

  return {
    session(steamid, expiresInSeconds) {
      if (!isIndividualSteamId(steamid)) throw new Error(`not an individual SteamID64: ${steamid}`);
      return ctx.sessions.mint(steamid, expiresInSeconds);
    },
    endSessions: (steamid) => ctx.sessions.end(steamid),
    account: accountView,
    updateAccount(steamid, patch) {
      ctx.accounts.update(steamid, patch);
      return accountView(steamid);
    },
    offers(filter = {}) {
      ctx.exchange.settle();
      const list = filter.steamid ? ctx.offers.forAccount(filter.steamid, now()) : ctx.offers.all(now());
      return list
        .filter((offer) => filter.state === undefined || offer.state === filter.state)
        .map(offerView);
    },
    offer(id) {
      const offer = find(id);
      return offer && offerView(offer);
    },
    // The partner acting through this endpoint needs no mobile confirmation.
    accept: (id, options) => act(id, (offer) => acceptOffer(ctx, offer, true), options),
    decline: (id, options) => act(id, (offer) => declineOffer(ctx, offer), options),
    cancel: (id, options) => act(id, (offer) => cancelOffer(ctx, offer), options),
    confirm: (id, options) => act(id, (offer) => confirmOffer(ctx, offer), options),
    cancelConfirmation: (id, options) => act(id, (offer) => cancelConfirmation(ctx, offer), options),
    expire: (id, options) => act(id, (offer) => expireOffer(ctx, offer), options),
    counter(id, input = {}) {
      const original = find(id);
      if (!original) return notFound(id);
      const asRequested = (items: Offer['senderItems']) =>
        items.map((item) => ({
          appid: item.appid,
          contextid: item.contextid,
          assetid: item.assetid,
          amount: Number(item.amount),
        }));
      const outcome = createOffer(
        ctx,
        original.recipient,
        {
          partner: original.sender,
          me: input.give ?? asRequested(original.recipientItems),
          them: input.receive ?? asRequested(original.senderItems),
          token: undefined,
          message: input.message ?? '',
          countered: original.id,
        },
        { asPartner: true },
      );
      if ('refusal' in outcome) {
        const body = outcome.refusal.body as { strError?: string };
        return { ok: false, status: 409, error: body.strError ?? 'refused' };
      }
      if (input.backdateMs) backdate(original, input.backdateMs);
      return { ok: true, offer: offerView(outcome.offer) };
    },
    trade(tradeid) {
      ctx.exchange.settle();
      const record = ctx.trades.get(tradeid);
      return record && tradeView(record);
    },
    reverse(tradeid) {
      const outcome = reverseTrade(ctx, tradeid);
      if ('failed' in outcome) {
        return { ok: false, status: outcome.failed === 'notFound' ? 404 : 409, error: outcome.error };
      }
      return { ok: true, trade: tradeView(outcome.record) };
    },
    advanceTime(ms) {
      ctx.clock.advance(ms);
      ctx.exchange.settle();
      return ctx.clock.now();
    },
    now: () => ctx.clock.now(),
    inventoryChanges(steamid) {
      ctx.exchange.settle();
      return ctx.inventories.overlay.describe(steamid);
    },
    faults(change = {}) {
      if (change.send) ctx.sendFaults.configure(change.send);
      if (change.list) ctx.listFaults.configure(change.list);
      if (change.nextSends) ctx.sendFaults.enqueue(change.nextSends);
      if (change.nextLists) ctx.listFaults.enqueue(change.nextLists);
      return {
        send: { ...ctx.sendFaults.describe(), injected: ctx.sendFaults.injected },
        list: { ...ctx.listFaults.describe(), injected: ctx.listFaults.injected },
      };
    },
  };
}
