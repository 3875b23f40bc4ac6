/**
 * @module emulator/steam/inventories
 * The emulated inventories as they stand: generated from the scenario, then changed by
 * trades (inventory-overlay.ts). Shared by the inventory route, which serves them, and the
 * trade module, which checks offered items and moves them. Other modules can teach it who
 * else counts as an inventory's owner (a trade session) and run due work before a read
 * (items leaving trade protection).
 */
import type { RawAsset, RawAssetProperty, RawDescription } from '../../steam/community/inventory/types.js';
import type { EmulatorRequest } from '../types.js';
import { catalogFor, TRADE_PROTECTED_CONTEXT } from './catalogs.js';
import { defaultSeed, type GeneratedInventory, type InventoryCache } from './generate.js';
import { InventoryOverlay } from './inventory-overlay.js';
import { isIndividualSteamId, isOwner } from './request-info.js';
import type { SteamScenario } from './scenario.js';

export interface InventoryItem {
  asset: RawAsset;
  description: RawDescription;
  properties?: () => RawAssetProperty[];
}

export type OwnerCheck = (req: EmulatorRequest, steamid: string) => boolean;

export class Inventories {
  readonly overlay = new InventoryOverlay();
  private readonly ownerChecks: OwnerCheck[] = [];
  private readonly readHooks: (() => void)[] = [];

  constructor(
    readonly scenario: SteamScenario,
    readonly cache: InventoryCache,
  ) {}

  /** The generated inventory, or undefined when the app or context has none (EResult 55). */
  base(steamid: string, appid: number, contextid: string): GeneratedInventory | undefined {
    const catalog = catalogFor(appid, contextid);
    if (!catalog || !isIndividualSteamId(steamid)) return undefined;
    const configured = this.scenario.users[steamid]?.inventories?.[`${appid}/${contextid}`];
    const size = configured?.size ?? defaultSize(this.scenario, contextid);
    const seed = configured?.seed ?? defaultSeed(steamid, appid, contextid);
    return this.cache.get(catalog, { steamid, appid, contextid, size, seed });
  }

  /** The inventory with every trade applied. */
  current(steamid: string, appid: number, contextid: string): GeneratedInventory | undefined {
    const base = this.base(steamid, appid, contextid);
    return base && this.overlay.apply(base);
  }

  /** One asset as it stands now, or undefined when it is not (or no longer) there. */
  find(steamid: string, appid: number, contextid: string, assetid: string): InventoryItem | undefined {
    const arrived = this.overlay
      .added(steamid, appid, contextid)
      .find((item) => item.asset.assetid === assetid);
    if (arrived) return arrived;
    if (!/^\d+$/.test(assetid) || this.overlay.isRemoved(steamid, appid, contextid, assetid))
      return undefined;
    const base = this.base(steamid, appid, contextid);
    if (!base) return undefined;
    const at = indexOf(base, Number(assetid));
    if (at < 0 || base.assets[at]?.assetid !== assetid) return undefined;
    const item: InventoryItem = {
      asset: base.assets[at] as RawAsset,
      description: base.descriptionOf[at] as RawDescription,
    };
    const properties = base.propertiesOf[at];
    if (properties) item.properties = properties;
    return item;
  }

  /** The request carries the owner's cookie, or a session another module knows. */
  isOwner(req: EmulatorRequest, steamid: string): boolean {
    if (isOwner(req, this.scenario.users[steamid])) return true;
    return this.ownerChecks.some((check) => check(req, steamid));
  }

  addOwnerCheck(check: OwnerCheck): void {
    this.ownerChecks.push(check);
  }

  /** Runs before every inventory read (cheap hooks only: the 50,000-item path calls it per page). */
  onRead(hook: () => void): void {
    this.readHooks.push(hook);
  }

  beforeRead(): void {
    for (const hook of this.readHooks) hook();
  }
}

/** Trade-protected contexts are small: recent trades only. */
function defaultSize(scenario: SteamScenario, contextid: string): number {
  const size = scenario.defaultInventorySize;
  return contextid === TRADE_PROTECTED_CONTEXT ? Math.ceil(size / 10) : size;
}

/** Binary search over the descending asset numbers; -1 when absent. */
function indexOf(inventory: GeneratedInventory, id: number): number {
  const ids = inventory.assetNumbers;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = ids[mid] as number;
    if (value === id) return mid;
    if (value > id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
