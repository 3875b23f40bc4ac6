/**
 * @module emulator/steam/inventory-route
 * `GET /inventory/{steamid64}/{appid}/{contextid}?l=&count=&start_assetid=` with Steam's
 * answers (UPSTREAM.md). Order: per-IP pacing (owners exempt), injected faults, then the
 * request's own checks and the page.
 */
import type { EmulatorReply, EmulatorRequest } from '../types.js';
import { catalogFor, TRADE_PROTECTED_CONTEXT } from './catalogs.js';
import { eresultReply, faultReply, JSON_HEADERS, type FaultInjector } from './faults.js';
import { defaultSeed } from './generate.js';
import { emptyPage, servePage } from './page.js';
import { hideRecent } from './hidden.js';
import type { Inventories } from './inventories.js';
import type { IpPacer } from './pacing.js';
import { profileVisibility } from './people/index.js';
import { clientIp, isIndividualSteamId } from './request-info.js';
import type { SteamScenario } from './scenario.js';

export interface InventoryRouteState {
  scenario: SteamScenario;
  /** Generated inventories with trades applied. */
  inventories: Inventories;
  pacer: IpPacer;
  faults: FaultInjector;
  /** Inventory requests received since start or reset (fault scripts count these). */
  requests: number;
}

const INVENTORY_PATH = /^\/inventory\/([^/]+)\/([^/]+)\/([^/]+)\/?$/;
/** UPSTREAM.md: private inventories, bad ids and over-cap pages all answer with a `null` body. */
const nullReply = (status: number): EmulatorReply => ({ status, body: null });

export function handleInventory(
  req: EmulatorRequest,
  state: InventoryRouteState,
): EmulatorReply | Promise<never> | undefined {
  const match = req.method === 'GET' ? INVENTORY_PATH.exec(req.url.pathname) : null;
  if (!match) return undefined;
  const [, steamid = '', appText = '', contextid = ''] = match;
  const requestNumber = ++state.requests;
  const owner = state.inventories.isOwner(req, steamid);

  // UPSTREAM.md: Steam is far more lenient with the owner's own cookies on their inventory.
  if (!owner && state.pacer.check(clientIp(req, state.scenario.rateLimit)) !== 'ok') {
    // UPSTREAM.md: 429 usually without a Retry-After header.
    return nullReply(429);
  }
  const answer = () => inventoryReply(req, state, { steamid, appText, contextid, owner });
  const fault = state.faults.pick(requestNumber);
  return fault ? faultReply(fault, req, answer) : answer();
}

interface Target {
  steamid: string;
  appText: string;
  contextid: string;
  owner: boolean;
}

function inventoryReply(
  req: EmulatorRequest,
  { scenario, inventories }: InventoryRouteState,
  { steamid, appText, contextid, owner }: Target,
): EmulatorReply {
  if (!isIndividualSteamId(steamid) || !/^\d+$/.test(appText) || !/^\d+$/.test(contextid))
    return nullReply(400);
  const count = pageSize(req.url.searchParams.get('count'), scenario);
  if (count === undefined) return nullReply(400);

  const user = scenario.users[steamid];
  if (user?.profileNotSetUp) return nullReply(401);
  // A friends-only profile hides its inventory from strangers too (the emulator has no friends' sessions).
  if (profileVisibility(user) !== 'public' && !owner) return nullReply(403);

  const appid = Number(appText);
  if (!catalogFor(appid, contextid)) return eresultReply(55);
  // UPSTREAM.md: trade-protected items (context 16) are shown to their owner only.
  if (contextid === TRADE_PROTECTED_CONTEXT && !owner) return json(emptyPage());

  // Due trade work first (items leaving trade protection, escrow ending).
  inventories.beforeRead();
  const full = inventories.current(steamid, appid, contextid);
  if (!full || full.size === 0) return json(emptyPage());
  // UPSTREAM.md: since 2024-04, CS2 items bought or traded in the last days are hidden from
  // everyone but their owner.
  const configured = user?.inventories?.[`${appid}/${contextid}`];
  const hidden = owner || appid !== 730 ? 0 : (configured?.hiddenRecent ?? 0);
  const inventory = hidden > 0 ? hideRecent(full, hidden) : full;
  if (inventory.size === 0) return json(emptyPage());
  const start = req.url.searchParams.get('start_assetid') || undefined;
  return { status: 200, headers: JSON_HEADERS, body: servePage(inventory, start, count) };
}

/**
 * Generates every inventory the scenario lists, so the first request for a large one does
 * not stall the server (and bunch up the requests queued behind it, which the per-IP
 * pacing would then see as too fast).
 */
export function pregenerate({ scenario, inventories }: InventoryRouteState): void {
  for (const [steamid, user] of Object.entries(scenario.users)) {
    for (const [key, spec] of Object.entries(user.inventories ?? {})) {
      const [appText = '', contextid = ''] = key.split('/');
      const appid = Number(appText);
      const catalog = catalogFor(appid, contextid);
      if (!catalog || spec.size === 0 || !isIndividualSteamId(steamid)) continue;
      inventories.cache.get(catalog, {
        steamid,
        appid,
        contextid,
        size: spec.size,
        seed: spec.seed ?? defaultSeed(steamid, appid, contextid),
      });
    }
  }
}

/**
 * `count` absent: the default page size. Not a positive integer, or above the cap: invalid
 * (UPSTREAM.md: 400 with a `null` body above the cap since 2025-05-28).
 */
function pageSize(text: string | null, scenario: SteamScenario): number | undefined {
  if (text === null || text === '') return scenario.defaultPageSize;
  if (!/^\d+$/.test(text)) return undefined;
  const count = Number(text);
  return count >= 1 && count <= scenario.inventoryPageCap ? count : undefined;
}

/** Pre-serialized so that the same request always gets the same bytes. */
function json(value: unknown): EmulatorReply {
  return { status: 200, headers: JSON_HEADERS, body: JSON.stringify(value) };
}
