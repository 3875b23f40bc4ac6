/** @module core/http */
export * from './client.js';
export * from './pacer.js';
export * from './backoff.js';
export * from './redact.js';
export * from './routes.js';
export * from './from-config.js';
export * from './redis-pacer.js';
