/** @module steam/snapshots */
export * from './types.js';
export * from './encode.js';
export * from './record.js';
export * from './diff.js';
export * from './history.js';
