/**
 * @module emulator/steam/guard/module
 * The emulated Steam Guard: `ITwoFactorService/QueryTime` for the Web API emulator's
 * registry, the mobile confirmation endpoints under `/mobileconf/`, the control endpoint and
 * its in-process API. It shares the trade module's world (sessions, accounts, offers, clock):
 * confirming a sent offer moves it from CreatedNeedsConfirmation to Active, refusing it to
 * CanceledBySecondFactor.
 */
import type { EmulatorModule, EmulatorReply, EmulatorRequest, RouteHandler } from '../../types.js';
import type { People } from '../people/index.js';
import type { TradeContext } from '../trade/context.js';
import type { WebApiMethod } from '../webapi/registry.js';
import { GuardAccounts } from './accounts.js';
import { ConfirmationBook } from './confirmations.js';
import { emptyGuardStats, type GuardContext, type SteamGuardStats } from './context.js';
import { createGuardControl, type SteamGuardControl } from './control-api.js';
import { handleGuardControl } from './control-routes.js';
import { handleMobileconf } from './mobileconf.js';
import { queryTimeMethod } from './query-time.js';

export interface SteamGuardModule extends EmulatorModule {
  /** ITwoFactorService methods to register with the Web API emulator. */
  webApiMethods: WebApiMethod[];
  /** `/__emulator/steam/guard/…` control routes. */
  control: RouteHandler;
  /** The same as the control routes, in process. */
  api: SteamGuardControl;
  stats(): SteamGuardStats;
}

export function createSteamGuardModule(people: People, trade: TradeContext): SteamGuardModule {
  const ctx: GuardContext = {
    config: { ...people.scenario.guard },
    accounts: new GuardAccounts(people),
    book: new ConfirmationBook(trade),
    trade,
    stats: emptyGuardStats(),
  };
  const api = createGuardControl(ctx);
  return {
    name: 'steam-guard',
    webApiMethods: [queryTimeMethod(ctx)],
    api,
    control: (req) => handleGuardControl(api, req),
    handle(req: EmulatorRequest): EmulatorReply | undefined {
      const path = req.url.pathname.replace(/\/{2,}/g, '/');
      if (!path.startsWith('/mobileconf/')) return undefined;
      return handleMobileconf(ctx, req, path);
    },
    reset() {
      ctx.config = { ...people.scenario.guard };
      ctx.accounts.reset();
      ctx.book.reset();
      ctx.stats = emptyGuardStats();
    },
    stats: () => ({ ...ctx.stats }),
  };
}
