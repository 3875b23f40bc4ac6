/**
 * @module emulator/steam/trade/module
 * The emulated Steam trade offers: community endpoints (send, accept, decline, cancel,
 * acknowledge, offer pages, partner inventory), IEconService methods for the Web API
 * emulator's registry, the control endpoint and its in-process API. It shares the people
 * and their inventories with the inventory route, and teaches that route who owns an
 * inventory (a session) and what falls due before a read (trade protection ending).
 */
import type { ServerResponse } from 'node:http';
import type { EmulatorModule, EmulatorReply, EmulatorRequest, RouteHandler } from '../../types.js';
import type { Inventories } from '../inventories.js';
import type { People } from '../people/index.js';
import type { WebApiMethod } from '../webapi/registry.js';
import { TradeAccounts } from './accounts.js';
import { handleAct } from './act-routes.js';
import { TradeClock } from './clock.js';
import { emptyCounters, type SteamTradeStats, type TradeContext } from './context.js';
import { createTradeControl, type SteamTradeControl } from './control-api.js';
import { handleTradeControl } from './control-routes.js';
import { econServiceMethods } from './econ/index.js';
import { Exchange } from './exchange.js';
import { TradeFaults } from './faults.js';
import { OfferStore } from './offers.js';
import { handlePage } from './pages.js';
import { handlePartnerInventory } from './partner-inventory.js';
import { TRADE_LIST_FAULT_KINDS, TRADE_SEND_FAULT_KINDS } from './scenario.js';
import { handleSend } from './send-route.js';
import { Sessions } from './sessions.js';
import { TradeStore } from './trades.js';

export interface SteamTradeModule extends EmulatorModule {
  /** IEconService methods to register with the Web API emulator. */
  webApiMethods: WebApiMethod[];
  /** `/__emulator/steam/…` control routes. */
  control: RouteHandler;
  /** The same as the control routes, in process. */
  api: SteamTradeControl;
  /** The trade world itself, for modules acting on it (Steam Guard's mobile confirmations). */
  context: TradeContext;
  stats(): SteamTradeStats;
}

export interface SteamTradeOptions {
  /** The real clock under the trade clock (tests may pass a fake one). */
  now?: () => number;
}

export function createSteamTradeModule(
  people: People,
  inventories: Inventories,
  options: SteamTradeOptions = {},
): SteamTradeModule {
  const config = people.scenario.trade;
  const clock = new TradeClock(options.now);
  const trades = new TradeStore();
  const ctx: TradeContext = {
    config,
    people,
    inventories,
    accounts: new TradeAccounts(people, config),
    sessions: new Sessions(clock),
    offers: new OfferStore(),
    trades,
    exchange: new Exchange(inventories, trades, clock, config),
    clock,
    sendFaults: new TradeFaults(config.faults.send, TRADE_SEND_FAULT_KINDS),
    listFaults: new TradeFaults(config.faults.list, TRADE_LIST_FAULT_KINDS),
    counters: emptyCounters(),
  };
  // A logged-in session owns its account's inventory (private ones, context 16).
  inventories.addOwnerCheck((req, steamid) => {
    const check = ctx.sessions.checkCookie(req);
    return 'steamid' in check && check.steamid === steamid;
  });
  inventories.onRead(() => ctx.exchange.settle());
  const api = createTradeControl(ctx);

  return {
    name: 'steam-trade',
    webApiMethods: econServiceMethods(ctx),
    api,
    context: ctx,
    control: (req) => handleTradeControl(api, req),
    handle(req: EmulatorRequest, res: ServerResponse): EmulatorReply | Promise<never> | undefined {
      const path = req.url.pathname.replace(/\/{2,}/g, '/');
      if (!path.startsWith('/tradeoffer/') && !path.startsWith('/trade/')) return undefined;
      ctx.exchange.settle();
      if (req.method === 'POST' && /^\/tradeoffer\/new\/send\/?$/.test(path))
        return handleSend(ctx, req, res);
      return (
        handleAct(ctx, req, path) ?? handlePartnerInventory(ctx, req, path) ?? handlePage(ctx, req, path)
      );
    },
    reset() {
      ctx.offers.clear();
      ctx.trades.clear();
      ctx.inventories.overlay.clear();
      ctx.exchange.reset();
      ctx.accounts.reset();
      ctx.sessions.reset();
      ctx.clock.reset();
      ctx.sendFaults.reset();
      ctx.listFaults.reset();
      ctx.counters = emptyCounters();
    },
    stats: () => ({
      ...ctx.counters,
      sendFaults: ctx.sendFaults.injected,
      listFaults: ctx.listFaults.injected,
    }),
  };
}
