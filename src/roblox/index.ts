/**
 * @module roblox
 * Roblox Open Cloud inventories: the client, the filter builder, ownership checks and the
 * normalized item model. Front-ends (CLI, gateway, MCP) import Roblox through this file. Every
 * name carries "Roblox" so the package root can re-export it beside Steam's without clashes.
 */
export {
  RobloxInventoryClient,
  DEFAULT_ROBLOX_API_URL,
  type RobloxInventoryClientOptions,
  type RobloxPageOptions,
  type RobloxListOptions,
} from './inventory/client.js';
export { createRobloxInventoryClient } from './inventory/from-config.js';
export { robloxUserId, ROBLOX_MAX_PAGE_SIZE } from './inventory/input.js';
export {
  RobloxInventoryFilter,
  type RobloxAssetTypeSelection,
  type RobloxTypeFilterSpec,
  type RobloxIdFilterSpec,
  type RobloxIdField,
  type RobloxNumericId,
} from './inventory/filter.js';
export type {
  RobloxOwnsQuery,
  RobloxOwnershipEntry,
  RobloxOwnershipResult,
  RobloxOwnableKind,
} from './inventory/owns.js';
export { ROBLOX_API_KEY_PER_MINUTE, ROBLOX_OAUTH_PER_MINUTE } from './inventory/budget.js';
export * from './inventory/types.js';
