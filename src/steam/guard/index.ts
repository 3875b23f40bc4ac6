/** @module steam/guard */
export * from './codes.js';
export * from './confirmations.js';
export * from './from-config.js';
export * from './model.js';
export * from './server-clock.js';
export * from './time-ledger.js';
export { requireSecret, type SecretVariable } from './secrets.js';
export { MOBILE_APP_USER_AGENT } from './mobileconf.js';
