/**
 * @module emulator/steam/trade/exchange
 * Carrying out an accepted offer, atomically: every item of both sides is checked first,
 * then all leave their owners' inventories at once, get new asset ids and arrive on the
 * other side (at once, or when a trade hold ends). Received items of protected apps (CS2)
 * arrive in context 16 and move to context 2 when the protection window ends (UPSTREAM.md,
 * 2025-07); inside that window a trade can be reversed, every asset going back at once.
 * Work that falls due (deliveries, releases) runs lazily, before any read.
 */
import type { RawAsset, RawAssetProperty } from '../../../steam/community/inventory/types.js';
import { TRADE_PROTECTED_CONTEXT } from '../catalogs.js';
import type { Inventories } from '../inventories.js';
import type { TradeClock } from './clock.js';
import type { Offer, OfferItem } from './offers.js';
import { protectedCopy } from './protected-items.js';
import type { SteamTradeScenario } from './scenario.js';
import { TradeStatus, type TradeAsset, type TradeRecord, type TradeStore } from './trades.js';

const DAY_MS = 86_400_000;
/** New asset ids start above every generated one (generate.ts stays below 3·10^10). */
const FIRST_NEW_ASSET_ID = 40_000_000_001;

interface DueWork {
  at: number;
  run(): void;
}

/** A moved asset with what it needs to show up on the other side. */
type Moving = TradeAsset & { properties?: () => RawAssetProperty[] };

export class Exchange {
  private nextAssetId = FIRST_NEW_ASSET_ID;
  private due: DueWork[] = [];

  constructor(
    private readonly inventories: Inventories,
    private readonly trades: TradeStore,
    private readonly clock: TradeClock,
    private readonly config: SteamTradeScenario,
  ) {}

  /** Every item of the offer is still in its owner's inventory, where the offer says. */
  itemsPresent(offer: Offer): boolean {
    const present = (owner: string, item: OfferItem) =>
      this.inventories.find(owner, item.appid, item.contextid, item.assetid) !== undefined;
    return (
      offer.senderItems.every((item) => present(offer.sender, item)) &&
      offer.recipientItems.every((item) => present(offer.recipient, item))
    );
  }

  /**
   * Swaps the items (the caller checked `itemsPresent`). With `holdDays` the items leave
   * now and arrive when the hold ends; `onDelivered` then runs with that time (seconds).
   */
  execute(offer: Offer, holdDays: number, onDelivered?: (seconds: number) => void): TradeRecord {
    const now = this.clock.now();
    const moving: Moving[] = [
      ...offer.senderItems.map((item) => this.take(offer.sender, offer.recipient, item)),
      ...offer.recipientItems.map((item) => this.take(offer.recipient, offer.sender, item)),
    ];
    const record: TradeRecord = {
      tradeid: this.trades.newId(),
      offerId: offer.id,
      parties: [offer.sender, offer.recipient],
      timeInit: Math.floor(now / 1000),
      status: holdDays > 0 ? TradeStatus.InEscrow : TradeStatus.Complete,
      assets: moving,
    };
    this.trades.add(record);
    if (holdDays > 0) {
      const end = now + holdDays * DAY_MS;
      record.escrowEnd = Math.floor(end / 1000);
      this.schedule(end, () => {
        this.deliver(moving, end);
        record.status = TradeStatus.Complete;
        onDelivered?.(Math.floor(end / 1000));
      });
    } else {
      this.deliver(moving, now);
    }
    return record;
  }

  /**
   * Reverses a completed trade (trade protection, UPSTREAM.md): every asset leaves its
   * receiver and goes back to its giver at once, with a new id, into the context it left.
   * False, and nothing moved, when any asset is no longer where the trade put it.
   */
  rollBack(record: TradeRecord): boolean {
    const assets = record.assets as Moving[];
    const placeOf = (item: Moving): string | undefined =>
      [item.newContextid, item.contextid].find(
        (contextid) => this.inventories.find(item.to, item.appid, contextid, item.newAssetid) !== undefined,
      );
    const places = assets.map(placeOf);
    if (places.some((place) => place === undefined)) return false;
    assets.forEach((item, i) => {
      this.inventories.overlay.remove(item.to, item.appid, places[i] as string, item.newAssetid);
      item.rollbackAssetid = String(this.nextAssetId++);
      item.rollbackContextid = item.contextid;
      const asset: RawAsset = {
        appid: item.appid,
        contextid: item.contextid,
        assetid: item.rollbackAssetid,
        classid: item.classid,
        instanceid: item.description.instanceid ?? item.instanceid,
        amount: item.amount,
      };
      const back = {
        asset,
        description: item.description,
        ...(item.properties ? { properties: item.properties } : {}),
      };
      this.inventories.overlay.add(item.from, item.appid, item.contextid, back);
    });
    record.status = TradeStatus.TradeProtectionRollback;
    record.rollbackTrade = this.trades.newId();
    return true;
  }

  /** Runs the work that fell due (cheap when there is none). */
  settle(): void {
    const now = this.clock.now();
    while (this.due.length > 0 && (this.due[0] as DueWork).at <= now) (this.due.shift() as DueWork).run();
  }

  reset(): void {
    this.due = [];
  }

  private take(from: string, to: string, item: OfferItem): Moving {
    this.inventories.overlay.remove(from, item.appid, item.contextid, item.assetid);
    const protectedApp = this.config.protectedApps.includes(item.appid) && this.config.protectionMs > 0;
    const moving: Moving = {
      from,
      to,
      appid: item.appid,
      contextid: item.contextid,
      assetid: item.assetid,
      classid: item.classid,
      instanceid: item.instanceid,
      amount: item.amount,
      newAssetid: String(this.nextAssetId++),
      newContextid: protectedApp ? TRADE_PROTECTED_CONTEXT : item.contextid,
      description: item.description,
    };
    if (item.properties) moving.properties = item.properties;
    return moving;
  }

  private deliver(moving: Moving[], at: number): void {
    for (const item of moving) {
      const protectedNow =
        item.newContextid === TRADE_PROTECTED_CONTEXT && item.contextid !== item.newContextid;
      const description = protectedNow ? protectedCopy(item.description) : item.description;
      this.place(item, item.newContextid, description);
      if (protectedNow) {
        this.schedule(at + this.config.protectionMs, () => {
          // A reversed trade took the item back already.
          if (item.rollbackAssetid !== undefined) return;
          this.inventories.overlay.remove(item.to, item.appid, item.newContextid, item.newAssetid);
          // Unverified: the asset keeps its id when it leaves context 16.
          this.place(item, item.contextid, item.description);
        });
      }
    }
  }

  private place(item: Moving, contextid: string, description: TradeAsset['description']): void {
    const asset: RawAsset = {
      appid: item.appid,
      contextid,
      assetid: item.newAssetid,
      classid: item.classid,
      instanceid: description.instanceid ?? item.instanceid,
      amount: item.amount,
    };
    const placed = { asset, description, ...(item.properties ? { properties: item.properties } : {}) };
    this.inventories.overlay.add(item.to, item.appid, contextid, placed);
  }

  private schedule(at: number, run: () => void): void {
    let i = this.due.length;
    while (i > 0 && (this.due[i - 1] as DueWork).at > at) i--;
    this.due.splice(i, 0, { at, run });
  }
}
