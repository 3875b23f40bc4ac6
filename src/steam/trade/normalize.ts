/**
 * @module steam/trade/normalize
 * IEconService offers and trades into the models of model.ts: SteamID64 partners, ISO
 * times, named states (unknown numbers kept), items joined to their descriptions with the
 * inventory's normalizer (names, icons, inspect links). Assets whose `assetid` or
 * `contextid` is "0" are dropped with a warning (UPSTREAM.md; node-steam-tradeoffer-manager
 * #364, v2.12.2) rather than failing the offer.
 */
import { normalizeAsset } from '../community/inventory/normalize.js';
import type { RawAsset, RawDescription } from '../community/inventory/types.js';
import { steamId64FromAccountId } from '../ids/parse.js';
import type {
  Offer,
  OfferItem,
  OffersSummary,
  RawOfferItem,
  RawTrade,
  RawTradeAsset,
  RawTradeOffer,
  Trade,
  TradeAsset,
  WarningHook,
} from './model.js';
import { confirmationMethodName, isRollbackStatus, offerStateName, tradeStatusName } from './states.js';

export type DescriptionIndex = ReadonlyMap<string, RawDescription>;

function descriptionKey(appid: number | string, classid: string, instanceid: string | undefined): string {
  return `${appid}_${classid}_${instanceid || '0'}`;
}

/** Descriptions by app, classid and instanceid (a missing instanceid is "0"). */
export function indexDescriptions(descriptions: readonly RawDescription[] | undefined): DescriptionIndex {
  const index = new Map<string, RawDescription>();
  for (const d of descriptions ?? []) {
    const key = descriptionKey(d.appid, d.classid, d.instanceid);
    if (!index.has(key)) index.set(key, d);
  }
  return index;
}

/** ISO time from epoch seconds; 0 or nothing is null. */
export function isoFromSeconds(seconds: number | undefined): string | null {
  return seconds && Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : null;
}

/** Steam's malformed assets: no id, or an id of "0" (UPSTREAM.md). */
function malformedAsset(item: RawOfferItem): boolean {
  const zero = (value: unknown) => value === undefined || value === null || /^0*$/.test(String(value));
  return !item.appid || zero(item.assetid) || zero(item.contextid);
}

/**
 * Offers the manager calls "super malformed" (no partner, no id): a glitched answer
 * (UPSTREAM.md: "Data temporarily unavailable"), to be read again, never shown.
 */
export function isGlitchedOffer(raw: RawTradeOffer): boolean {
  return !raw.tradeofferid || !raw.accountid_other || typeof raw.trade_offer_state !== 'number';
}

/** An offer with no items at all (after dropping malformed ones): glitched too when every offer is so. */
export function hasNoItems(raw: RawTradeOffer): boolean {
  return (raw.items_to_give ?? []).length === 0 && (raw.items_to_receive ?? []).length === 0;
}

interface ItemContext {
  descriptions: DescriptionIndex;
  owner: string;
  offerId: string;
  onWarning: WarningHook | undefined;
}

function joinItem(item: RawOfferItem, ctx: ItemContext): ReturnType<typeof normalizeAsset> {
  const asset: RawAsset = {
    ...item,
    appid: Number(item.appid),
    contextid: String(item.contextid),
    assetid: String(item.assetid),
    classid: String(item.classid ?? ''),
    instanceid: item.instanceid === undefined ? '0' : String(item.instanceid),
    amount: String(item.amount ?? 1),
  };
  const description = ctx.descriptions.get(descriptionKey(asset.appid, asset.classid, asset.instanceid));
  return normalizeAsset(asset, description, { owner: ctx.owner, properties: [], isCurrency: false });
}

function offerItems(items: RawOfferItem[] | undefined, ctx: ItemContext): OfferItem[] {
  const out: OfferItem[] = [];
  for (const item of items ?? []) {
    if (malformedAsset(item)) {
      ctx.onWarning?.({
        code: 'dropped_asset',
        offerId: ctx.offerId,
        message: `offer ${ctx.offerId}: dropped an asset Steam listed as ${item.appid}/${item.contextid}/${item.assetid} (a "0" or missing id is a malformed entry)`,
      });
      continue;
    }
    out.push({ ...joinItem(item, ctx), missing: item.missing === true });
  }
  return out;
}

export interface NormalizeOptions {
  descriptions?: DescriptionIndex;
  /** This account's SteamID64 (the owner of the items given), when known. */
  me?: string | undefined;
  onWarning?: WarningHook | undefined;
}

export function normalizeOffer(raw: RawTradeOffer, options: NormalizeOptions = {}): Offer {
  const id = String(raw.tradeofferid);
  const partner = steamId64FromAccountId(raw.accountid_other);
  const descriptions = options.descriptions ?? new Map();
  const base = { descriptions, offerId: id, onWarning: options.onWarning };
  const state = Number(raw.trade_offer_state);
  const stateName = offerStateName(state);
  if (stateName === 'unknown') {
    options.onWarning?.({
      code: 'unknown_state',
      offerId: id,
      message: `offer ${id} is in state ${state}, which gamestash does not know: kept as "unknown"`,
    });
  }
  const method = Number(raw.confirmation_method ?? 0);
  const methodName = confirmationMethodName(method);
  if (methodName === 'unknown') {
    options.onWarning?.({
      code: 'unknown_confirmation_method',
      offerId: id,
      message: `offer ${id} has confirmation method ${method}, which gamestash does not know`,
    });
  }
  return {
    id,
    partner,
    isOurOffer: raw.is_our_offer === true,
    state,
    stateName,
    message: raw.message ?? '',
    itemsToGive: offerItems(raw.items_to_give, { ...base, owner: options.me ?? '' }),
    itemsToReceive: offerItems(raw.items_to_receive, { ...base, owner: partner }),
    created: isoFromSeconds(raw.time_created),
    updated: isoFromSeconds(raw.time_updated),
    expires: isoFromSeconds(raw.expiration_time),
    confirmationMethod: method,
    confirmationMethodName: methodName,
    escrowEnds: isoFromSeconds(raw.escrow_end_date),
    tradeId: raw.tradeid && raw.tradeid !== '0' ? String(raw.tradeid) : null,
    fromRealTimeTrade: raw.from_real_time_trade === true,
    delaySettlement: raw.delay_settlement === true,
  };
}

function tradeAssets(items: RawTradeAsset[] | undefined, ctx: ItemContext): TradeAsset[] {
  const out: TradeAsset[] = [];
  for (const item of items ?? []) {
    if (malformedAsset(item)) {
      ctx.onWarning?.({
        code: 'dropped_asset',
        message: `trade ${ctx.offerId}: dropped an asset Steam listed as ${item.appid}/${item.contextid}/${item.assetid}`,
      });
      continue;
    }
    out.push({
      ...joinItem(item, ctx),
      newAssetid: item.new_assetid === undefined ? undefined : String(item.new_assetid),
      newContextid: item.new_contextid === undefined ? undefined : String(item.new_contextid),
    });
  }
  return out;
}

export function normalizeTrade(raw: RawTrade, options: NormalizeOptions = {}): Trade {
  const tradeId = String(raw.tradeid);
  const partner = String(raw.steamid_other);
  const descriptions = options.descriptions ?? new Map();
  const base = { descriptions, offerId: tradeId, onWarning: options.onWarning };
  const status = Number(raw.status);
  return {
    tradeId,
    partner,
    created: isoFromSeconds(raw.time_init),
    escrowEnds: isoFromSeconds(raw.time_escrow_end),
    status,
    statusName: tradeStatusName(status),
    rolledBack: isRollbackStatus(status),
    rollbackTrade: raw.rollback_trade && raw.rollback_trade !== '0' ? String(raw.rollback_trade) : null,
    itemsReceived: tradeAssets(raw.assets_received, { ...base, owner: options.me ?? '' }),
    itemsGiven: tradeAssets(raw.assets_given, { ...base, owner: partner }),
  };
}

export function normalizeSummary(raw: Record<string, unknown>): OffersSummary {
  const n = (name: string) => Number(raw[name] ?? 0) || 0;
  return {
    pendingReceived: n('pending_received_count'),
    newReceived: n('new_received_count'),
    updatedReceived: n('updated_received_count'),
    historicalReceived: n('historical_received_count'),
    pendingSent: n('pending_sent_count'),
    newlyAcceptedSent: n('newly_accepted_sent_count'),
    updatedSent: n('updated_sent_count'),
    historicalSent: n('historical_sent_count'),
    escrowReceived: n('escrow_received_count'),
    escrowSent: n('escrow_sent_count'),
  };
}
