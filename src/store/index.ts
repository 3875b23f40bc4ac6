/** @module store */
export * from './database.js';
export * from './api-keys.js';
export * from './cache-entries.js';
export * from './redis.js';
export type * from './schema.js';
