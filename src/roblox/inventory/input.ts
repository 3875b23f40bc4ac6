/**
 * @module roblox/inventory/input
 * Checks on what callers pass, run before any request so bad input never costs rate budget.
 */
import { InvalidInputError } from '../../core/errors.js';
import { RobloxInventoryFilter, numericId } from './filter.js';

/** Roblox silently caps maxPageSize at 100 (seed 003); asking for less only costs requests. */
export const ROBLOX_MAX_PAGE_SIZE = 100;

/** Roblox user ids are positive numbers; anything else is refused before a request is made. */
export function robloxUserId(userId: string | number | bigint): string {
  try {
    return numericId(userId, 'userId');
  } catch {
    throw new InvalidInputError(
      `Roblox user id must be a positive number, got "${String(userId)}"`,
      'userId',
    );
  }
}

export function toFilter(filter: RobloxInventoryFilter | string | undefined): RobloxInventoryFilter {
  if (filter === undefined) return RobloxInventoryFilter.all();
  return typeof filter === 'string' ? RobloxInventoryFilter.parse(filter) : filter;
}

export function checkPageSize(size: number): number {
  if (!Number.isInteger(size) || size < 1 || size > ROBLOX_MAX_PAGE_SIZE) {
    throw new InvalidInputError(
      `page size must be a whole number from 1 to ${ROBLOX_MAX_PAGE_SIZE} (Roblox caps maxPageSize at 100), got ${size}`,
      'pageSize',
    );
  }
  return size;
}

export function missingCredentials(): InvalidInputError {
  return new InvalidInputError(
    'no Roblox credentials: set ROBLOX_API_KEY (an Open Cloud API key) or ROBLOX_OAUTH_TOKEN (an OAuth2 access token)',
    'credentials',
  );
}
