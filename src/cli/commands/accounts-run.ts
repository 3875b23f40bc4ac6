/**
 * @module cli/commands/accounts-run
 * The `accounts` subcommands. Secrets are read (environment or standard input), checked and
 * sealed; what is printed names the account, its SteamID, its session's expiry and which
 * secrets it has — never a secret.
 */
import { InvalidInputError } from '../../core/errors.js';
import { loadGatewayConfig, type GatewayConfig } from '../../gateway/config.js';
import { secretsFromEnv, secretsFromText } from '../../steam/accounts/input.js';
import {
  checkAccountSecrets,
  presentSecrets,
  sessionOf,
  type AccountSecrets,
} from '../../steam/accounts/secrets.js';
import { openDatabase, type StoreDatabase } from '../../store/database.js';
import { checkAccountName } from '../../store/key-scopes.js';
import { SecretBox } from '../../store/secret-box.js';
import { SteamAccountStore, type SteamAccountRecord } from '../../store/steam-accounts.js';
import { renderTable } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import type { AccountsStoreOptions, AccountsWriteOptions } from './accounts.js';

async function withStore<T>(
  options: AccountsStoreOptions,
  run: (ctx: { database: StoreDatabase; config: GatewayConfig }) => Promise<T>,
): Promise<T> {
  // The store `serve` opens, chosen the same way as for `keys`.
  const config = loadGatewayConfig(process.env, {
    databaseUrl: options.databaseUrl,
    sqlitePath: options.sqlite,
  });
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    sqlitePath: config.sqlitePath,
    poolSize: 1,
  });
  try {
    return await run({ database, config });
  } catch (error) {
    // The store signals a taken name or a missing account with RangeError: a usage problem.
    if (error instanceof RangeError) throw new InvalidInputError(error.message, 'name');
    throw error;
  } finally {
    await database.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The secrets given for this command, checked (nothing is stored yet): the environment's,
 * with what standard input holds on top under `--stdin` (a maFile piped in carries the
 * authenticator's secrets, while the session cookie usually comes from STEAM_COOKIES).
 */
async function givenSecrets(options: AccountsWriteOptions): Promise<Partial<AccountSecrets>> {
  const fromEnv = secretsFromEnv(process.env);
  return checkAccountSecrets(options.stdin ? { ...fromEnv, ...secretsFromText(await readStdin()) } : fromEnv);
}

const iso = (ms: number) => new Date(ms).toISOString();

/** An account as `--json` prints it. */
export interface AccountJson {
  name: string;
  steamid: string;
  sessionExpiresAt: string | null;
  sessionExpired: boolean;
  secrets: string[];
  watch: boolean;
  createdAt: string;
  updatedAt: string;
}

function accountJson(account: SteamAccountRecord, now = Date.now()): AccountJson {
  return {
    name: account.name,
    steamid: account.steamid,
    sessionExpiresAt: account.sessionExpiresAt === null ? null : iso(account.sessionExpiresAt),
    sessionExpired: account.sessionExpiresAt !== null && account.sessionExpiresAt <= now,
    secrets: ['cookies', ...account.present],
    watch: account.watch,
    createdAt: iso(account.createdAt),
    updatedAt: iso(account.updatedAt),
  };
}

function describe(account: SteamAccountRecord): string {
  const json = accountJson(account);
  const expiry = json.sessionExpiresAt
    ? `session expires ${json.sessionExpiresAt}${json.sessionExpired ? ' (expired)' : ''}`
    : 'session expiry unknown';
  return `"${account.name}" (SteamID ${account.steamid}; ${expiry}; secrets: ${json.secrets.join(', ')}; ${account.watch ? 'offers watched' : 'offers not watched'})`;
}

function sourceOf(options: AccountsWriteOptions): string {
  return options.stdin ? 'the cookies on standard input' : 'STEAM_COOKIES';
}

export async function addAccount(options: AccountsWriteOptions): Promise<void> {
  const name = checkAccountName(options.name, 'name');
  const added = await withStore(options, async ({ database, config }) => {
    // Refused before anything is read: nothing may be stored unencrypted.
    const box = SecretBox.fromSecretKey(config.secretKey);
    const given = await givenSecrets(options);
    if (!given.cookies) {
      throw new InvalidInputError(
        `no Steam session for account "${name}": set STEAM_COOKIES to its steamLoginSecure cookie (or pipe it in with --stdin)`,
        'STEAM_COOKIES',
      );
    }
    const secrets = given as AccountSecrets;
    const session = sessionOf(secrets, sourceOf(options));
    return new SteamAccountStore(database.db, box).add({
      name,
      steamid: session.steamid,
      secrets,
      present: presentSecrets(secrets),
      sessionExpiresAt: session.expiresAt?.getTime() ?? null,
      watch: options.watch ?? false,
    });
  });
  if (options.json) return writeJson(accountJson(added));
  writeLine(`added ${describe(added)}`);
}

export async function updateAccount(options: AccountsWriteOptions): Promise<void> {
  const name = checkAccountName(options.name, 'name');
  const updated = await withStore(options, async ({ database, config }) => {
    const existing = await new SteamAccountStore(database.db).find(name);
    if (!existing) throw new RangeError(`no account named "${name}": see \`gamestash accounts list\``);
    const secretsGiven = options.stdin || Object.keys(secretsFromEnv(process.env)).length > 0;
    if (!secretsGiven) {
      if (options.watch === undefined) {
        throw new InvalidInputError(
          `nothing to change for "${name}": set STEAM_COOKIES (or other secrets), pass --stdin, or --watch / --no-watch`,
          'STEAM_COOKIES',
        );
      }
      return new SteamAccountStore(database.db).update(name, { watch: options.watch });
    }
    const box = SecretBox.fromSecretKey(config.secretKey);
    const given = await givenSecrets(options);
    const store = new SteamAccountStore(database.db, box);
    const current = (await store.open(name))!;
    const secrets: AccountSecrets = { ...current.secrets, ...given };
    // A new session's sessionid belongs with its cookies: the old one is not carried over.
    if (given.cookies && !given.sessionId) delete secrets.sessionId;
    const session = sessionOf(secrets, given.cookies ? sourceOf(options) : `the stored cookies of "${name}"`);
    if (session.steamid !== existing.steamid) {
      throw new InvalidInputError(
        `these cookies are a session of ${session.steamid}, but "${name}" is ${existing.steamid}: register that account under its own name`,
        'STEAM_COOKIES',
      );
    }
    return store.update(name, {
      secrets,
      present: presentSecrets(secrets),
      sessionExpiresAt: session.expiresAt?.getTime() ?? null,
      ...(options.watch === undefined ? {} : { watch: options.watch }),
    });
  });
  if (options.json) return writeJson(accountJson(updated));
  writeLine(`updated ${describe(updated)}`);
}

export async function listAccounts(options: AccountsStoreOptions): Promise<void> {
  const list = await withStore(options, ({ database }) => new SteamAccountStore(database.db).list());
  const now = Date.now();
  if (options.json) return writeJson(list.map((a) => accountJson(a, now)));
  if (list.length === 0) {
    return writeLine('no accounts: register one with `gamestash accounts add --name NAME` (see --help)');
  }
  writeLine(
    renderTable(
      list.map((a) => accountJson(a, now)),
      [
        { header: 'name', value: (a) => a.name },
        { header: 'steamid', value: (a) => a.steamid },
        {
          header: 'session expires',
          value: (a) => (a.sessionExpiresAt ?? 'unknown') + (a.sessionExpired ? ' (expired)' : ''),
        },
        { header: 'secrets', value: (a) => a.secrets.join(', ') },
        { header: 'watch', value: (a) => (a.watch ? 'yes' : 'no') },
      ],
    ),
  );
}

export async function removeAccount(name: string, options: AccountsStoreOptions): Promise<void> {
  const removed = await withStore(options, ({ database }) =>
    new SteamAccountStore(database.db).remove(checkAccountName(name, 'name')),
  );
  if (options.json) return writeJson(accountJson(removed));
  writeLine(`removed "${removed.name}" (SteamID ${removed.steamid}); keys no longer list it`);
}

/** Every account sealed again with GAMESTASH_SECRET_KEY, read with GAMESTASH_OLD_SECRET_KEY. */
export async function rekeyAccounts(options: AccountsStoreOptions): Promise<void> {
  const result = await withStore(options, async ({ database, config }) => {
    const next = SecretBox.fromSecretKey(config.secretKey);
    const old = SecretBox.fromSecretKey(
      process.env.GAMESTASH_OLD_SECRET_KEY,
      'the accounts to rekey',
      'GAMESTASH_OLD_SECRET_KEY',
    );
    const reader = new SteamAccountStore(database.db, old);
    const writer = new SteamAccountStore(database.db, next);
    const done: string[] = [];
    const already: string[] = [];
    for (const account of await reader.list()) {
      if (account.keyId === next.keyId) {
        already.push(account.name);
        continue;
      }
      const opened = (await reader.open(account.name))!;
      await writer.update(account.name, { secrets: opened.secrets });
      done.push(account.name);
    }
    return { rekeyed: done, unchanged: already };
  });
  if (options.json) return writeJson(result);
  writeLine(
    `rekeyed ${result.rekeyed.length} account(s)${result.rekeyed.length ? `: ${result.rekeyed.join(', ')}` : ''}` +
      (result.unchanged.length ? `; already under the new key: ${result.unchanged.join(', ')}` : ''),
  );
}
