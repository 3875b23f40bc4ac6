/**
 * @module emulator/steam/guard
 * The emulated Steam Guard (QueryTime, mobile confirmations, control).
 */
export { createSteamGuardModule, type SteamGuardModule } from './module.js';
export type { SteamGuardControl, GuardAccountView } from './control-api.js';
export type { SteamGuardStats } from './context.js';
export type { GuardAccountPatch } from './accounts.js';
export type { ConfirmationJson, MarketListing } from './confirmations.js';
export { GUARD_CONTROL_PREFIX } from './control-routes.js';
export { confirmationKeyAt, loginCodeAt } from './totp.js';
