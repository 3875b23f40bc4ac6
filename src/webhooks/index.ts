/** @module webhooks */
export * from './signature.js';
export * from './events.js';
export * from './targets.js';
export * from './sender.js';
export * from './retry.js';
