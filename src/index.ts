/**
 * @module gamestash
 * The library's public API. Front-ends (CLI, gateway, MCP) use exactly these.
 */
export * from './core/config.js';
export * from './core/errors.js';
export * from './core/http/index.js';
export * from './core/paginate.js';
export * from './steam/ids/index.js';
export * from './steam/session/index.js';
export * from './steam/guard/index.js';
export { ConfirmationTimeStoreDb, openConfirmationTimeStore } from './store/confirmation-times.js';
export * from './steam/community/inventory/index.js';
export * from './steam/webapi/index.js';
export * from './steam/trade/index.js';
export * from './roblox/index.js';
export { openDatabase, type StoreDatabase, type StoreOptions } from './store/database.js';
export { TradeStateStoreDb, openTradeStateStore } from './store/trade-state.js';
export * from './steam/market/index.js';
export * from './steam/snapshots/index.js';
export * from './store/index.js';
