/** @module steam/community/inventory */
export * from './client.js';
export * from './filter.js';
export * from './interpret.js';
export * from './merge.js';
export * from './normalize.js';
export * from './types.js';
export * from './from-config.js';
export * from './certificate.js';
export * from './applied.js';
export {
  fetchEconomyImage,
  iconHashOf,
  type EconomyImage,
  type EconomyImageRequest,
} from '../economy-image.js';
