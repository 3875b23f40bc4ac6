/** @module steam/ids */
export * from './parse.js';
export * from './resolve.js';
export * from './app-context.js';
export * from './vanity-cache.js';
