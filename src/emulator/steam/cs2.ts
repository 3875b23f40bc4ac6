/**
 * @module emulator/steam/cs2
 * The CS2 (app 730) catalog: about half weapon skins, the rest stickers, cases and other
 * shared items. Context 2 is the inventory; context 16 holds trade-protected items
 * (UPSTREAM.md, 2025-07 trade protection), shown only to the owner.
 */
import type { RawDescription } from '../../steam/community/inventory/types.js';
import { staticDraw, type AppCatalog, type DrawInput, type DrawnItem } from './catalog.js';
import { CS2_SHARED_ITEMS } from './cs2-items.js';
import { tradeProtectedLines } from './cs2-text.js';
import { drawWeapon } from './cs2-weapons.js';
import { digitsFrom } from './random.js';

const drawShared = staticDraw(730, CS2_SHARED_ITEMS);
const protectedDescribers = new Map<string, () => RawDescription>();

/** Weapon skins make up this share of a generated CS2 inventory. */
const WEAPON_SHARE = 0.55;

export const cs2Catalog: AppCatalog = {
  appid: 730,
  contexts: ['2', '16'],
  draw(input: DrawInput): DrawnItem {
    const tradeProtected = input.contextid === '16';
    if (input.rng() < WEAPON_SHARE) return drawWeapon(input, tradeProtected);
    const item = drawShared(input);
    return tradeProtected ? protect(item, 1 + Math.floor(input.rng() * 7)) : item;
  },
};

/** A trade-protected copy: its own instanceid, untradable, with the owner-only notice. */
function protect(item: DrawnItem, days: number): DrawnItem {
  const instanceid = digitsFrom(`protected:${days}:${item.classid}_${item.instanceid}`, 10);
  const key = `${item.classid}_${instanceid}`;
  let describe = protectedDescribers.get(key);
  if (!describe) {
    let built: RawDescription | undefined;
    describe = () =>
      (built ??= {
        ...item.describe(),
        instanceid,
        tradable: 0,
        marketable: 0,
        owner_descriptions: tradeProtectedLines(days),
      });
    protectedDescribers.set(key, describe);
  }
  return { ...item, instanceid, describe };
}
