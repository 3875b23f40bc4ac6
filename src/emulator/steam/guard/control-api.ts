/**
 * @module emulator/steam/guard/control-api
 * Steam Guard driven from outside, for tests: read an account's secrets (they are the
 * emulator's own, handed out so a client can be configured with them) and change them, read
 * and skew the server clock, see what an account's authenticator would list, and make market
 * listings that wait for a confirmation. The control endpoint (control-routes.ts) and
 * `emulator.steam.guard` both call this.
 */
import type { GuardAccountPatch } from './accounts.js';
import type { ConfirmationJson, MarketListing } from './confirmations.js';
import { serverSeconds, type GuardContext } from './context.js';
import type { SteamGuardScenario } from './scenario.js';
import { confirmationKeyAt, loginCodeAt } from './totp.js';

export interface GuardAccountView {
  steamid: string;
  sharedSecret: string;
  identitySecret: string;
  /** The login code at the server clock's now. */
  loginCode: string;
  /** The server clock, Unix seconds. */
  serverTime: number;
}

export interface SteamGuardControl {
  account(steamid: string): GuardAccountView;
  updateAccount(steamid: string, patch: GuardAccountPatch): GuardAccountView;
  /** The server clock (QueryTime's `server_time`), Unix seconds. */
  serverTime(): number;
  /** Reads or changes `steam.guard` while running (skew, tolerance, header requirements). */
  settings(change?: Partial<SteamGuardScenario>): SteamGuardScenario;
  /** What `/mobileconf/getlist` would list for the account now. */
  confirmations(steamid: string): ConfirmationJson[];
  /** A market listing waiting for its mobile confirmation (type 3). */
  addMarketListing(
    steamid: string,
    item?: { itemName?: string; price?: string },
  ): { listing: MarketListing; confirmation: ConfirmationJson };
  marketListings(steamid: string): MarketListing[];
  /** The account's login code for a Unix time (default: the server clock's now). */
  loginCode(steamid: string, time?: number): string;
  /** The confirmation key the account's identity secret gives for a time and tag. */
  confirmationKey(steamid: string, time: number, tag: string): string;
}

export function createGuardControl(ctx: GuardContext): SteamGuardControl {
  const view = (steamid: string): GuardAccountView => {
    const account = ctx.accounts.get(steamid);
    const now = serverSeconds(ctx);
    return { ...account, loginCode: loginCodeAt(account.sharedSecret, now), serverTime: now };
  };
  return {
    account: view,
    updateAccount(steamid, patch) {
      ctx.accounts.update(steamid, patch);
      return view(steamid);
    },
    serverTime: () => serverSeconds(ctx),
    settings(change = {}) {
      Object.assign(
        ctx.config,
        Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)),
      );
      return { ...ctx.config };
    },
    confirmations: (steamid) => ctx.book.pending(steamid).map((conf) => ctx.book.json(conf)),
    addMarketListing(steamid, item) {
      const listing = ctx.book.addListing(steamid, item);
      const confirmation = ctx.book
        .pending(steamid)
        .find((conf) => conf.kind === 'market' && conf.creatorId === listing.listingid);
      return { listing, confirmation: ctx.book.json(confirmation!) };
    },
    marketListings: (steamid) => ctx.book.listings(steamid),
    loginCode: (steamid, time) =>
      loginCodeAt(ctx.accounts.get(steamid).sharedSecret, time ?? serverSeconds(ctx)),
    confirmationKey: (steamid, time, tag) =>
      confirmationKeyAt(ctx.accounts.get(steamid).identitySecret, time, tag),
  };
}
