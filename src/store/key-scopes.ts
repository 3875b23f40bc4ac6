/**
 * @module store/key-scopes
 * What a gateway key may do (its scopes) and which registered Steam accounts it may act for.
 * Keys created before scopes existed have the read scopes, which is everything the gateway
 * offered then; new keys get the same unless `--scope` says otherwise, so trading is always
 * something the operator turns on for a key, never a default.
 */
import { InvalidInputError } from '../core/errors.js';
import { LEGACY_KEY_SCOPES } from './accounts-migration.js';

export const KEY_SCOPES = {
  'inventory:read':
    'Steam and Roblox inventories, their value and history; a registered account’s own inventory',
  'webapi:read': 'the Steam Web API relay and the player routes',
  'offers:read': 'a registered account’s trade offers (list, one offer) and its offer events',
  'offers:write': 'send offers for a registered account; accept, decline and cancel them',
  'confirmations:read': 'list a registered account’s mobile confirmations',
  'confirmations:write': 'accept or cancel a registered account’s mobile confirmations',
  'webhooks:write': 'create, list and delete the key’s own webhooks',
} as const;

export type KeyScope = keyof typeof KEY_SCOPES;

/** The scopes of keys created without `--scope`, and of keys from before scopes. */
export const DEFAULT_KEY_SCOPES: readonly KeyScope[] = LEGACY_KEY_SCOPES.split(',') as KeyScope[];

/** Every account, present and future. */
export const ALL_ACCOUNTS = '*';

/** Account names: what fits in a URL path segment as is, and reads well in a command line. */
export const ACCOUNT_NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/;

export function isKeyScope(value: string): value is KeyScope {
  return Object.hasOwn(KEY_SCOPES, value);
}

/** `inventory:read,offers:read` (or a list) to checked scopes, without repeats, in the table's order. */
export function parseScopes(input: string | readonly string[], parameter = 'scope'): KeyScope[] {
  const given = (typeof input === 'string' ? input.split(',') : [...input])
    .map((s) => s.trim())
    .filter(Boolean);
  if (given.length === 0)
    throw new InvalidInputError(`${parameter} is empty: give at least one scope`, parameter);
  for (const scope of given) {
    if (!isKeyScope(scope)) {
      throw new InvalidInputError(
        `unknown scope "${scope}": choose from ${Object.keys(KEY_SCOPES).join(', ')}`,
        parameter,
      );
    }
  }
  return (Object.keys(KEY_SCOPES) as KeyScope[]).filter((scope) => given.includes(scope));
}

/** `bot1,bot2` or `*` to checked account names, without repeats. */
export function parseAccountList(input: string | readonly string[], parameter = 'account'): string[] {
  const given = (typeof input === 'string' ? input.split(',') : [...input])
    .map((s) => s.trim())
    .filter(Boolean);
  if (given.includes(ALL_ACCOUNTS)) {
    if (given.length > 1) {
      throw new InvalidInputError(`${parameter}: "*" means every account; give it alone`, parameter);
    }
    return [ALL_ACCOUNTS];
  }
  for (const name of given) checkAccountName(name, parameter);
  return [...new Set(given)];
}

export function checkAccountName(name: string, parameter = 'name'): string {
  if (!ACCOUNT_NAME.test(name)) {
    throw new InvalidInputError(
      `account name "${name.length > 40 ? `${name.slice(0, 40)}…` : name}" is not valid: 1 to 32 lower-case letters, digits, "-" or "_", starting with a letter or digit`,
      parameter,
    );
  }
  return name;
}

/** A stored scopes column to scopes (null: the defaults; unknown names from newer versions are skipped). */
export function storedScopes(column: string | null): KeyScope[] {
  if (column === null) return [...DEFAULT_KEY_SCOPES];
  return column
    .split(',')
    .map((s) => s.trim())
    .filter(isKeyScope);
}

export function storedAccounts(column: string | null): string[] {
  return (column ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Whether a key with these accounts may act for `name`. */
export function allowsAccount(accounts: readonly string[], name: string): boolean {
  return accounts.includes(ALL_ACCOUNTS) || accounts.includes(name);
}
