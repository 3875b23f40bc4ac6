/**
 * @module cli/commands/keys
 * `gamestash keys create|list|update|revoke|usage`: the gateway's API keys, in the same store
 * `serve` uses, chosen the same way (GAMESTASH_DATABASE_URL, else GAMESTASH_SQLITE_PATH, else
 * gamestash.sqlite in GAMESTASH_DATA_DIR, ./data by default). Implementations load when run.
 */
import type { Command } from 'commander';
import { positiveInt } from '../options.js';

export interface KeysStoreOptions {
  databaseUrl?: string;
  sqlite?: string;
  json?: boolean;
}

export interface KeysCreateOptions extends KeysStoreOptions {
  name: string;
  quotaPerMinute?: number;
  /** Comma-separated scopes (store/key-scopes.ts); the read scopes by default. */
  scope?: string;
  /** Comma-separated account names, or `*`. */
  account?: string;
}

export interface KeysUpdateOptions extends KeysStoreOptions {
  scope?: string;
  account?: string;
}

const SCOPE_HELP =
  'comma-separated scopes: inventory:read, webapi:read, offers:read, offers:write, confirmations:read, ' +
  'confirmations:write, webhooks:write (default: inventory:read,webapi:read)';
const ACCOUNT_HELP =
  'comma-separated registered Steam accounts it may act for (`gamestash accounts list`), or *';

export interface KeysListOptions extends KeysStoreOptions {
  all?: boolean;
}

function storeOptions(command: Command): Command {
  return command
    .option('--database-url <url>', 'PostgreSQL URL (env GAMESTASH_DATABASE_URL); default: embedded SQLite')
    .option(
      '--sqlite <path>',
      'SQLite file (env GAMESTASH_SQLITE_PATH; default gamestash.sqlite in GAMESTASH_DATA_DIR, ./data)',
    )
    .option('--json', 'JSON output');
}

export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description('API keys for the gateway (stored hashed; shown once)');

  storeOptions(keys.command('create'))
    .description('Create a key; prints it once')
    .requiredOption('--name <name>', 'who or what the key is for')
    .option(
      '--quota-per-minute <n>',
      'requests per minute (default: GAMESTASH_DEFAULT_QUOTA_PER_MINUTE, 60)',
      positiveInt('--quota-per-minute', 100_000_000),
    )
    .option('--scope <scopes>', SCOPE_HELP)
    .option('--account <names>', ACCOUNT_HELP)
    .action(async (options: KeysCreateOptions) => {
      const { createKey } = await import('./keys-run.js');
      await createKey(options);
    });

  storeOptions(keys.command('list'))
    .description('List keys with their quota and usage')
    .option('--all', 'include revoked keys')
    .action(async (options: KeysListOptions) => {
      const { listKeys } = await import('./keys-run.js');
      await listKeys(options);
    });

  storeOptions(keys.command('update'))
    .description(
      "Change a key's scopes or accounts (each replaces the key's list; a running gateway sees it within GAMESTASH_KEY_CACHE_MS)",
    )
    .argument('<id-or-name>', 'the key id (key_...) or its name')
    .option('--scope <scopes>', SCOPE_HELP)
    .option('--account <names>', `${ACCOUNT_HELP}; an empty value for none`)
    .action(async (idOrName: string, options: KeysUpdateOptions) => {
      const { updateKey } = await import('./keys-run.js');
      await updateKey(idOrName, options);
    });

  storeOptions(keys.command('revoke'))
    .description('Revoke a key by id or name (a running gateway forgets it within GAMESTASH_KEY_CACHE_MS)')
    .argument('<id-or-name>', 'the key id (key_...) or its name')
    .action(async (idOrName: string, options: KeysStoreOptions) => {
      const { revokeKey } = await import('./keys-run.js');
      await revokeKey(idOrName, options);
    });

  storeOptions(keys.command('usage'))
    .description("A key's requests and cache hits per day")
    .argument('<id-or-name>', 'the key id (key_...) or its name')
    .action(async (idOrName: string, options: KeysStoreOptions) => {
      const { keyUsage } = await import('./keys-run.js');
      await keyUsage(idOrName, options);
    });
}
