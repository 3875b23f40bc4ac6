/** @module steam/session */
export * from './jwt.js';
export * from './session.js';
export * from './from-config.js';
