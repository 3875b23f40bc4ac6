/**
 * @module emulator/steam/catalogs
 * Which apps have an inventory in the emulator, and in which contexts. Anything else
 * answers like a game with no inventory: HTTP 500 with EResult 55 (UPSTREAM.md).
 */
import type { AppCatalog } from './catalog.js';
import { cs2Catalog } from './cs2.js';
import { dotaCatalog } from './dota.js';
import { rustCatalog } from './rust.js';
import { steamCommunityCatalog } from './steam-items.js';
import { tf2Catalog } from './tf2.js';

const CATALOGS = new Map<number, AppCatalog>(
  [cs2Catalog, tf2Catalog, dotaCatalog, rustCatalog, steamCommunityCatalog].map((catalog) => [
    catalog.appid,
    catalog,
  ]),
);

/** The catalog for an app and context, or undefined when Steam would have no inventory there. */
export function catalogFor(appid: number, contextid: string): AppCatalog | undefined {
  const catalog = CATALOGS.get(appid);
  return catalog?.contexts.includes(contextid) ? catalog : undefined;
}

/** CS2's trade-protection context (UPSTREAM.md: received items wait there ~7 days). */
export const TRADE_PROTECTED_CONTEXT = '16';
