/**
 * @module cli/commands/accounts
 * `gamestash accounts add|list|update|remove|rekey`: the Steam accounts the gateway trades
 * for, in the store `serve` uses, encrypted with GAMESTASH_SECRET_KEY. Cookies and secrets
 * come from the environment or standard input (`--stdin`), never from flags.
 * Implementations load when run.
 */
import type { Command } from 'commander';

export interface AccountsStoreOptions {
  databaseUrl?: string;
  sqlite?: string;
  json?: boolean;
}

export interface AccountsWriteOptions extends AccountsStoreOptions {
  name: string;
  /** Read the secrets from standard input instead of the environment. */
  stdin?: boolean;
  /** true: `--watch`; false: `--no-watch`; undefined: neither. */
  watch?: boolean;
}

const SECRETS_HELP =
  'Secrets are read from the environment (STEAM_COOKIES, STEAM_SESSION_ID, STEAM_SHARED_SECRET, ' +
  'STEAM_IDENTITY_SECRET, STEAM_API_KEY, STEAM_DEVICE_ID) and, with --stdin, from standard input as ' +
  'JSON (a maFile works) or KEY=value lines, which win over the environment; never from flags.';

function storeOptions(command: Command): Command {
  return command
    .option('--database-url <url>', 'PostgreSQL URL (env GAMESTASH_DATABASE_URL); default: embedded SQLite')
    .option(
      '--sqlite <path>',
      'SQLite file (env GAMESTASH_SQLITE_PATH; default gamestash.sqlite in GAMESTASH_DATA_DIR, ./data)',
    )
    .option('--json', 'JSON output');
}

function writeOptions(command: Command): Command {
  return storeOptions(command)
    .requiredOption(
      '--name <name>',
      'the account’s name in gateway paths (lower-case letters, digits, - and _)',
    )
    .option('--stdin', 'read the secrets from standard input (JSON or KEY=value lines)')
    .option('--watch', 'watch its offers in the gateway (events for webhooks)')
    .option('--no-watch', 'stop watching its offers');
}

export function registerAccountsCommands(program: Command): void {
  const accounts = program
    .command('accounts')
    .description('Steam accounts the gateway trades for (stored encrypted with GAMESTASH_SECRET_KEY)');

  writeOptions(accounts.command('add'))
    .description(`Register a Steam account. ${SECRETS_HELP}`)
    .action(async (options: AccountsWriteOptions, command: Command) => {
      const { addAccount } = await import('./accounts-run.js');
      await addAccount(withWatch(options, command));
    });

  storeOptions(accounts.command('list'))
    .description(
      'List accounts: name, SteamID, session expiry, which secrets are present (never the secrets)',
    )
    .action(async (options: AccountsStoreOptions) => {
      const { listAccounts } = await import('./accounts-run.js');
      await listAccounts(options);
    });

  writeOptions(accounts.command('update'))
    .description(`Give an account new cookies or secrets, or turn watching on or off. ${SECRETS_HELP}`)
    .action(async (options: AccountsWriteOptions, command: Command) => {
      const { updateAccount } = await import('./accounts-run.js');
      await updateAccount(withWatch(options, command));
    });

  storeOptions(accounts.command('remove'))
    .description('Remove an account (and take it off every key)')
    .argument('<name>', 'the account’s name')
    .action(async (name: string, options: AccountsStoreOptions) => {
      const { removeAccount } = await import('./accounts-run.js');
      await removeAccount(name, options);
    });

  storeOptions(accounts.command('rekey'))
    .description(
      'Seal every account again with GAMESTASH_SECRET_KEY, reading them with GAMESTASH_OLD_SECRET_KEY',
    )
    .action(async (options: AccountsStoreOptions) => {
      const { rekeyAccounts } = await import('./accounts-run.js');
      await rekeyAccounts(options);
    });
}

/** Commander sets `watch: true` by default once `--no-watch` exists: keep it only when given. */
function withWatch(options: AccountsWriteOptions, command: Command): AccountsWriteOptions {
  const source = command.getOptionValueSource('watch');
  return { ...options, watch: source === 'cli' ? options.watch : undefined };
}
