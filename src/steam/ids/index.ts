/** @module steam/ids */
export * from './parse.js';
export * from './resolve.js';
