/** @module store */
export * from './database.js';
export * from './api-keys.js';
export * from './cache-entries.js';
export * from './trade-state.js';
export * from './offer-watch.js';
export * from './confirmation-times.js';
export * from './redis.js';
export type * from './schema.js';
export type * from './trade-schema.js';
export type * from './watch-schema.js';
export type * from './guard-schema.js';
export * from './prices.js';
export * from './snapshots.js';
export * from './from-config.js';
