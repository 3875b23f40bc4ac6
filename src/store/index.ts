/** @module store */
export * from './database.js';
export * from './api-keys.js';
export * from './cache-entries.js';
export * from './redis.js';
export type * from './schema.js';
export * from './prices.js';
export * from './snapshots.js';
export * from './from-env.js';
